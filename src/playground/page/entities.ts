/** Message text with Telegram's entities as DOM nodes: formatting nests, offsets are UTF-16 units. */
export interface EntityLike {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
}

const safeUrl = (url: string | undefined): string | undefined =>
  url && /^https?:\/\//i.test(url) ? url : undefined;

function elementFor(entity: EntityLike, text: string): HTMLElement {
  switch (entity.type) {
    case "bold":
      return document.createElement("strong");
    case "italic":
      return document.createElement("em");
    case "underline":
      return document.createElement("u");
    case "strikethrough":
      return document.createElement("s");
    case "code":
      return document.createElement("code");
    case "pre":
      return document.createElement("pre");
    case "blockquote":
    case "expandable_blockquote":
      return document.createElement("blockquote");
    case "spoiler": {
      const spoiler = document.createElement("span");
      spoiler.className = "spoiler";
      spoiler.tabIndex = 0;
      spoiler.addEventListener("click", () => spoiler.classList.add("shown"));
      return spoiler;
    }
    case "text_link":
    case "url": {
      // Telegram links a bare "example.org" too, as https.
      const written = text.slice(entity.offset, entity.offset + entity.length);
      const href = safeUrl(
        entity.type === "url" ? written.replace(/^(?!https?:\/\/)/i, "https://") : entity.url,
      );
      if (!href) return document.createElement("span");
      const link = document.createElement("a");
      link.href = href;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      return link;
    }
    default: {
      const span = document.createElement("span");
      span.className = `entity-${entity.type}`;
      return span;
    }
  }
}

export function renderText(text: string, entities: EntityLike[]): DocumentFragment {
  const sorted = [...entities].sort((a, b) => a.offset - b.offset || b.length - a.length);
  const fragment = document.createDocumentFragment();
  append(fragment, text, sorted, 0, text.length);
  return fragment;
}

/** Appends text[start, end) with the entities that lie inside it; an entity's children are those inside it. */
function append(parent: Node, text: string, entities: EntityLike[], start: number, end: number): void {
  let position = start;
  let index = 0;
  while (index < entities.length) {
    const entity = entities[index]!;
    const entityEnd = Math.min(entity.offset + entity.length, end);
    if (entity.offset < position) {
      index++;
      continue;
    }
    parent.appendChild(document.createTextNode(text.slice(position, entity.offset)));
    const inner = entities.filter(
      (other, i) => i > index && other.offset >= entity.offset && other.offset < entityEnd,
    );
    const node = elementFor(entity, text);
    append(node, text, inner, entity.offset, entityEnd);
    parent.appendChild(node);
    position = entityEnd;
    index++;
  }
  parent.appendChild(document.createTextNode(text.slice(position, end)));
}
