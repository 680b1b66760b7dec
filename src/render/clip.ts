/** Bounding text from people and models before it goes into a message. */

/** Cuts to `max` UTF-16 units, never inside a surrogate pair, marking the cut with "…". */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = 0;
  for (const point of text) {
    if (end + point.length > max - 1) break;
    end += point.length;
  }
  return `${text.slice(0, end)}…`;
}

/** One line (whitespace runs become a space) of at most `max` units; `empty` when there is no text. */
export function clip(text: string | undefined, max: number, empty = "—"): string {
  if (!text) return empty;
  return cut(text.replace(/\s+/g, " ").trim(), max);
}
