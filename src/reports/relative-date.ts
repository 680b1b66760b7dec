/**
 * "kemarin", "minggu depan", "3 days ago": the dates people write relative to the day they wrote,
 * made absolute against the report's date so a focal point reading it a week later (in another
 * language) gets a calendar date. Week and month offsets are approximate and say so.
 */

export interface AbsoluteDate {
  /** YYYY-MM-DD (UTC). */
  date: string;
  /** True for week and month offsets ("minggu lalu"): the day is an estimate. */
  approximate: boolean;
}

type Unit = "day" | "week" | "month";

/** Fixed phrases, longest first so "kemarin lusa" wins over "kemarin". */
const PHRASES: ReadonlyArray<readonly [RegExp, number, Unit]> = [
  [/\bkemarin lusa\b|\bday before yesterday\b/, -2, "day"],
  [/\b(?:kemarin|kemaren|kmrn|semalam|tadi malam|yesterday|last night)\b/, -1, "day"],
  [/\b(?:hari ini|tadi pagi|tadi siang|today|this morning|tonight)\b/, 0, "day"],
  [/\b(?:besok|bsk|esok|tomorrow)\b/, 1, "day"],
  [/\blusa\b|\bday after tomorrow\b/, 2, "day"],
  [/\b(?:minggu lalu|pekan lalu|minggu kemarin|last week)\b/, -1, "week"],
  [/\b(?:minggu depan|pekan depan|next week)\b/, 1, "week"],
  [/\b(?:bulan lalu|bulan kemarin|last month)\b/, -1, "month"],
  [/\b(?:bulan depan|next month)\b/, 1, "month"],
];

const UNIT_WORDS: Record<string, Unit> = {
  hari: "day",
  day: "day",
  days: "day",
  minggu: "week",
  pekan: "week",
  week: "week",
  weeks: "week",
  bulan: "month",
  month: "month",
  months: "month",
};

/** "3 hari yang lalu", "2 weeks ago", "5 hari lagi", "in 2 days". */
const COUNTED =
  /\b(?:in\s+)?(\d{1,3})\s+(hari|days?|minggu|pekan|weeks?|bulan|months?)\s*(yang lalu|lalu|ago|lagi|kemudian)?\b/;

function shift(reference: Date, amount: number, unit: Unit): Date {
  const d = new Date(reference.getTime());
  if (unit === "month") d.setUTCMonth(d.getUTCMonth() + amount);
  else d.setUTCDate(d.getUTCDate() + amount * (unit === "week" ? 7 : 1));
  return d;
}

/** The date a text refers to relative to `reference`, or undefined when it names none we know. */
export function absoluteDate(text: string, reference: Date): AbsoluteDate | undefined {
  const lower = text.toLowerCase();
  const counted = COUNTED.exec(lower);
  if (counted) {
    const unit = UNIT_WORDS[counted[2]!]!;
    const direction =
      counted[3] === "lagi" || counted[3] === "kemudian" || lower.includes(`in ${counted[1]}`) ? 1 : -1;
    if (counted[3] !== undefined || direction === 1) {
      const date = shift(reference, direction * Number(counted[1]), unit);
      return { date: date.toISOString().slice(0, 10), approximate: unit !== "day" };
    }
  }
  for (const [pattern, amount, unit] of PHRASES) {
    if (pattern.test(lower)) {
      return { date: shift(reference, amount, unit).toISOString().slice(0, 10), approximate: unit !== "day" };
    }
  }
  return undefined;
}
