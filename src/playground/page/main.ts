/**
 * The playground page: a person's private chat, the officers' forum group and the focal-point
 * channels, drawn from /api/state and kept live by /api/events. Plain DOM, no framework.
 */
import { type EntityLike, renderText } from "./entities.js";

interface Persona {
  id: number;
  name: string;
  language: "id" | "en";
  role: "migrant" | "relative" | "officer";
  status?: "administrator" | "member";
}
interface Button {
  text: string;
  data?: string;
  url?: string;
}
interface Message {
  id: number;
  chatId: number;
  from: "bot" | "user";
  senderName: string;
  date: number;
  kind: string;
  text?: string;
  entities?: EntityLike[];
  buttons?: Button[][];
  replyKeyboard?: Array<Array<{ text: string; request?: "contact" | "location" }>>;
  removesReplyKeyboard?: boolean;
  edited: boolean;
  deleted: boolean;
  forwardedFrom?: string;
  threadId?: number;
  replyTo?: number;
  photoFileId?: string;
  document?: { fileId: string; name: string };
  location?: { latitude: number; longitude: number };
  contact?: { name: string; phone: string };
  topic?: { name: string; color: number };
}
interface Channel {
  id: number;
  title: string;
  destination: string;
}
interface Snapshot {
  bot: { name: string; username: string };
  personas: Persona[];
  officers: Persona[];
  group: { id: number; title: string; messages: Message[] };
  channels: Array<Channel & { messages: Message[] }>;
  privateChats: Array<{ id: number; messages: Message[] }>;
}
type WorldEvent =
  | { type: "message"; message: Message }
  | { type: "typing"; chatId: number }
  | { type: "persona"; persona: Persona };

const lang = new URLSearchParams(location.search).get("lang") === "id" ? "id" : "en";
let strings: Record<string, string> = {};
const t = (key: string) => strings[key] ?? key;

const chats = new Map<number, Map<number, Message>>();
const personas = new Map<number, Persona>();
let officers: Persona[] = [];
let channels: Channel[] = [];
let groupId = 0;
let botName = "Waspada";
const view = {
  persona: 0,
  officer: 0,
  topic: 0 as number, // 0 = General
  followNewestTopic: true,
  channel: 0,
  replyTo: undefined as number | undefined,
};
const typingTimers = new Map<number, number>();

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

const $ = <T extends HTMLElement>(selector: string) => document.querySelector(selector) as T;

async function act(body: Record<string, unknown>): Promise<{ answer?: { text?: string; alert: boolean } }> {
  const response = await fetch("/api/act", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const result = (await response.json()) as { error?: string; answer?: { text?: string; alert: boolean } };
  if (!response.ok) {
    notify(result.error ?? response.statusText, true);
    throw new Error(result.error);
  }
  return result;
}

function notify(text: string, alert = false): void {
  const region = $(alert ? "#alert" : "#toast");
  region.textContent = text;
  window.setTimeout(() => {
    if (region.textContent === text) region.textContent = "";
  }, 6000);
}

function messagesOf(chatId: number): Message[] {
  return [...(chats.get(chatId)?.values() ?? [])].filter((m) => !m.deleted).sort((a, b) => a.id - b.id);
}

function upsert(message: Message): void {
  let chat = chats.get(message.chatId);
  if (!chat) {
    chat = new Map();
    chats.set(message.chatId, chat);
  }
  chat.set(message.id, message);
}

// Drawing one message

function renderMessage(
  message: Message,
  actor: () => number,
  options: { group?: boolean } = {},
): HTMLElement {
  const item = el("li", {
    class: `message ${message.from}`,
    id: `m-${message.chatId}-${message.id}`,
    "data-message-id": String(message.id),
  });
  if (message.kind === "service" && message.topic) {
    item.className = "message service";
    item.append(`${t("playground-topic-created")} «${message.topic.name}»`);
    return item;
  }
  if (options.group || message.from === "bot") item.append(el("p", { class: "sender" }, message.senderName));
  if (message.forwardedFrom !== undefined) {
    item.append(
      el("p", { class: "forwarded" }, `${t("playground-forwarded-from")} ${message.forwardedFrom}`),
    );
  }
  if (message.replyTo !== undefined && message.replyTo !== message.threadId) {
    const target = chats.get(message.chatId)?.get(message.replyTo);
    item.append(el("p", { class: "reply-to" }, `↩ ${(target?.text ?? target?.kind ?? "").slice(0, 60)}`));
  }
  if (message.photoFileId) {
    item.append(
      el("img", { src: `/api/files/${message.photoFileId}`, alt: t("playground-image"), loading: "lazy" }),
    );
  }
  if (message.document) {
    item.append(
      el(
        "p",
        { class: "attachment" },
        el(
          "a",
          { href: `/api/files/${message.document.fileId}`, download: message.document.name },
          `📄 ${message.document.name}`,
        ),
      ),
    );
  }
  if (message.location) {
    const { latitude, longitude } = message.location;
    item.append(el("p", { class: "attachment" }, `📍 ${latitude.toFixed(4)}, ${longitude.toFixed(4)}`));
  }
  if (message.contact) {
    item.append(el("p", { class: "attachment" }, `👤 ${message.contact.name} · ${message.contact.phone}`));
  }
  if (!message.text && !message.photoFileId && !message.document && !message.location && !message.contact) {
    item.append(el("p", { class: "attachment" }, `[${message.kind}]`));
  }
  if (message.text) {
    const body = el("div", { class: "text" });
    body.append(renderText(message.text, message.entities ?? []));
    item.append(body);
  }
  const meta = el("p", { class: "meta" }, new Date(message.date * 1000).toLocaleTimeString());
  if (message.edited) meta.prepend(`${t("playground-edited")} · `);
  item.append(meta);
  if (message.buttons) {
    const keyboard = el("div", {
      class: "inline-keyboard",
      role: "group",
      "aria-label": t("playground-buttons"),
    });
    for (const row of message.buttons) {
      const line = el("div", { class: "row" });
      for (const button of row) {
        if (button.url) {
          line.append(
            el("a", { href: button.url, target: "_blank", rel: "noopener noreferrer" }, `${button.text} ↗`),
          );
          continue;
        }
        const press = el("button", { type: "button" }, button.text);
        press.addEventListener("click", () => {
          press.disabled = true;
          act({
            type: "press",
            persona: actor(),
            chatId: message.chatId,
            messageId: message.id,
            data: button.data ?? "",
          })
            .then((result) => {
              if (result.answer?.text) notify(result.answer.text, result.answer.alert);
            })
            .catch(() => {})
            .finally(() => {
              press.disabled = false;
            });
        });
        line.append(press);
      }
      keyboard.append(line);
    }
    item.append(keyboard);
  }
  if (options.group) {
    const reply = el("button", { type: "button", class: "reply-button" }, t("playground-reply"));
    reply.addEventListener("click", () => {
      view.replyTo = message.id;
      drawGroupComposer();
      $<HTMLTextAreaElement>("#group-text").focus();
    });
    item.append(reply);
  }
  return item;
}

/** Replaces a drawn message in place, so focus elsewhere in the list stays where it was. */
function drawList(list: HTMLElement, messages: Message[], draw: (m: Message) => HTMLElement): void {
  const wanted = new Set(messages.map((m) => `m-${m.chatId}-${m.id}`));
  for (const child of [...list.children]) if (!wanted.has(child.id)) child.remove();
  let previous: Element | null = null;
  for (const message of messages) {
    const fresh = draw(message);
    const existing = list.querySelector(`#${CSS.escape(fresh.id)}`);
    if (existing && existing.outerHTML === fresh.outerHTML) {
      previous = existing;
      continue;
    }
    if (existing) existing.replaceWith(fresh);
    else if (previous) previous.after(fresh);
    else list.prepend(fresh);
    previous = fresh;
  }
  list.scrollTop = list.scrollHeight;
}

// The person's pane

function personaLabel(persona: Persona): string {
  return `${persona.name} · ${t(`playground-role-${persona.role}`)} · ${persona.language === "id" ? "Bahasa Indonesia" : "English"}`;
}

function drawPersonas(): void {
  const select = $<HTMLSelectElement>("#persona");
  select.replaceChildren(
    ...[...personas.values()].map((p) => {
      const option = el("option", { value: String(p.id) }, personaLabel(p));
      option.selected = p.id === view.persona;
      return option;
    }),
  );
}

function drawPerson(): void {
  const messages = messagesOf(view.persona);
  drawList($("#person-messages"), messages, (m) => renderMessage(m, () => view.persona));
  const keyboardArea = $("#reply-keyboard");
  keyboardArea.replaceChildren();
  for (const message of [...messages].reverse().filter((m) => m.from === "bot")) {
    if (message.removesReplyKeyboard) break;
    if (!message.replyKeyboard) continue;
    for (const row of message.replyKeyboard) {
      const line = el("div", { class: "row" });
      for (const button of row) {
        const press = el("button", { type: "button" }, button.text);
        press.addEventListener("click", () => {
          act({ type: "reply-button", persona: view.persona, text: button.text }).catch(() => {});
        });
        line.append(press);
      }
      keyboardArea.append(line);
    }
    break;
  }
}

// The officers' pane

function topics(): Array<{ id: number; name: string }> {
  return messagesOf(groupId)
    .filter((m) => m.topic)
    .map((m) => ({ id: m.id, name: m.topic!.name }));
}

function drawGroup(): void {
  const all = topics();
  if (view.followNewestTopic && all.length > 0) view.topic = all.at(-1)!.id;
  const nav = $("#topics");
  const entries = [{ id: 0, name: t("playground-general") }, ...all];
  nav.replaceChildren(
    ...entries.map((topic) => {
      const button = el(
        "button",
        { type: "button", "aria-pressed": String(topic.id === view.topic) },
        topic.name,
      );
      button.addEventListener("click", () => {
        view.topic = topic.id;
        view.followNewestTopic = false;
        view.replyTo = undefined;
        drawGroup();
        drawGroupComposer();
      });
      return button;
    }),
  );
  const inTopic = messagesOf(groupId).filter((m) => (m.threadId ?? 0) === view.topic);
  $("#group-topic-name").textContent = entries.find((e) => e.id === view.topic)?.name ?? "";
  drawList($("#group-messages"), inTopic, (m) => renderMessage(m, () => view.officer, { group: true }));
}

function drawGroupComposer(): void {
  const note = $("#group-reply-note");
  note.replaceChildren();
  if (view.replyTo === undefined) return;
  const target = chats.get(groupId)?.get(view.replyTo);
  const cancel = el("button", { type: "button" }, t("playground-cancel"));
  cancel.addEventListener("click", () => {
    view.replyTo = undefined;
    drawGroupComposer();
  });
  note.append(`${t("playground-replying-to")} ${(target?.text ?? "").slice(0, 50)}… `, cancel);
}

// The channels' pane

function drawChannels(): void {
  const nav = $("#channel-list");
  nav.replaceChildren(
    ...channels.map((channel) => {
      const count = messagesOf(channel.id).length;
      const button = el(
        "button",
        { type: "button", "aria-pressed": String(channel.id === view.channel) },
        `${channel.title} (${count})`,
      );
      button.addEventListener("click", () => {
        view.channel = channel.id;
        drawChannels();
      });
      return button;
    }),
  );
  drawList($("#channel-messages"), messagesOf(view.channel), (m) => renderMessage(m, () => view.officer));
}

function drawTyping(chatId: number, on: boolean): void {
  const target =
    chatId === view.persona ? "#person-typing" : chatId === groupId ? "#group-typing" : undefined;
  if (target) $(target).textContent = on ? `${botName} ${t("playground-typing")}` : "";
}

function drawAll(): void {
  drawPersonas();
  drawPerson();
  drawGroup();
  drawGroupComposer();
  drawChannels();
}

// The page's frame

function frame(): HTMLElement {
  return el(
    "div",
    { class: "page" },
    pageHeader(),
    el("main", { class: "panes" }, personPane(), groupPane(), channelsPane()),
    el("div", { id: "toast", class: "toast", role: "status", "aria-live": "polite" }),
    el("div", { id: "alert", class: "toast alert", role: "alert" }),
  );
}

/** The title, the introduction and the language links. */
function pageHeader(): HTMLElement {
  return el(
    "header",
    {},
    el("h1", {}, t("playground-title")),
    el("p", {}, t("playground-intro")),
    el(
      "nav",
      { "aria-label": t("playground-language") },
      el(
        "a",
        { href: "?lang=id", lang: "id", ...(lang === "id" && { "aria-current": "page" }) },
        "Bahasa Indonesia",
      ),
      " · ",
      el("a", { href: "?lang=en", lang: "en", ...(lang === "en" && { "aria-current": "page" }) }, "English"),
    ),
  );
}

/** The person's chat: persona, messages, keyboards, composer and tools. */
function personPane(): HTMLElement {
  return el(
    "section",
    { class: "pane", id: "person", "aria-labelledby": "person-title" },
    el("h2", { id: "person-title" }, t("playground-person-pane")),
    personaToolbar(),
    el("ol", {
      class: "messages",
      id: "person-messages",
      role: "log",
      "aria-label": t("playground-person-log"),
    }),
    el("p", { class: "typing", id: "person-typing", "aria-live": "polite" }),
    el("div", {
      class: "reply-keyboard",
      id: "reply-keyboard",
      role: "group",
      "aria-label": t("playground-reply-keyboard"),
    }),
    el(
      "form",
      { class: "composer", id: "person-composer" },
      el("textarea", {
        id: "person-text",
        rows: "2",
        "aria-label": t("playground-message"),
        placeholder: t("playground-message-placeholder"),
      }),
      el("button", { type: "submit" }, t("playground-send")),
    ),
    personTools(),
  );
}

/** The persona picker and the form that makes a new persona. */
function personaToolbar(): HTMLElement {
  return el(
    "div",
    { class: "toolbar" },
    el("label", { for: "persona" }, t("playground-persona")),
    el("select", { id: "persona" }),
    el(
      "details",
      { class: "new-persona" },
      el("summary", {}, t("playground-new-persona")),
      el(
        "form",
        { id: "persona-form" },
        el("label", {}, t("playground-name"), el("input", { name: "name", required: "", maxlength: "40" })),
        el(
          "label",
          {},
          t("playground-language"),
          el(
            "select",
            { name: "language" },
            el("option", { value: "id" }, "Bahasa Indonesia"),
            el("option", { value: "en" }, "English"),
          ),
        ),
        el(
          "label",
          {},
          t("playground-role"),
          el(
            "select",
            { name: "role" },
            el("option", { value: "migrant" }, t("playground-role-migrant")),
            el("option", { value: "relative" }, t("playground-role-relative")),
          ),
        ),
        el("button", { type: "submit" }, t("playground-create")),
      ),
    ),
  );
}

/** Photos, location, forwards and contacts, as a person sends them. */
function personTools(): HTMLElement {
  return el(
    "div",
    { class: "tools" },
    el(
      "label",
      { class: "file" },
      `📎 ${t("playground-attach-image")}`,
      el("input", { type: "file", accept: "image/*", id: "photo" }),
    ),
    el("button", { type: "button", id: "share-location" }, `📍 ${t("playground-share-location")}`),
    el(
      "details",
      {},
      el("summary", {}, `↪ ${t("playground-forward")}`),
      el(
        "form",
        { id: "forward-form" },
        el(
          "label",
          {},
          t("playground-forward-from"),
          el("input", { name: "from", required: "", value: "Lowongan Kerja LN" }),
        ),
        el("label", {}, t("playground-message"), el("textarea", { name: "text", required: "", rows: "3" })),
        el("button", { type: "submit" }, t("playground-forward-send")),
      ),
    ),
    el(
      "details",
      {},
      el("summary", {}, `👤 ${t("playground-contact")}`),
      el(
        "form",
        { id: "contact-form" },
        el("label", {}, t("playground-name"), el("input", { name: "name", required: "" })),
        el("label", {}, t("playground-phone"), el("input", { name: "phone", required: "", type: "tel" })),
        el("button", { type: "submit" }, t("playground-contact-send")),
      ),
    ),
  );
}

/** The moderator group: officer picker, topics, messages and composer. */
function groupPane(): HTMLElement {
  const officerOptions = officers.map((o) =>
    el("option", { value: String(o.id) }, `${o.name} (${t(`playground-status-${o.status ?? "member"}`)})`),
  );
  return el(
    "section",
    { class: "pane", id: "group", "aria-labelledby": "group-title" },
    el("h2", { id: "group-title" }, t("playground-group-pane")),
    el(
      "div",
      { class: "toolbar" },
      el("label", { for: "officer" }, t("playground-officer")),
      el("select", { id: "officer" }, ...officerOptions),
    ),
    el("nav", { class: "topics", id: "topics", "aria-label": t("playground-topics") }),
    el("h3", { id: "group-topic-name" }),
    el("ol", {
      class: "messages",
      id: "group-messages",
      role: "log",
      "aria-label": t("playground-group-log"),
    }),
    el("p", { class: "typing", id: "group-typing", "aria-live": "polite" }),
    el("p", { class: "reply-note", id: "group-reply-note" }),
    el(
      "form",
      { class: "composer", id: "group-composer" },
      el("textarea", {
        id: "group-text",
        rows: "2",
        "aria-label": t("playground-group-message"),
        placeholder: t("playground-group-placeholder"),
      }),
      el("button", { type: "submit" }, t("playground-send")),
    ),
  );
}

/** The focal points' channels and what was posted to them. */
function channelsPane(): HTMLElement {
  return el(
    "section",
    { class: "pane", id: "channels", "aria-labelledby": "channels-title" },
    el("h2", { id: "channels-title" }, t("playground-channels-pane")),
    el("nav", { class: "topics", id: "channel-list", "aria-label": t("playground-channel-list") }),
    el("ol", {
      class: "messages",
      id: "channel-messages",
      role: "log",
      "aria-label": t("playground-channel-log"),
    }),
  );
}

function wire(): void {
  $<HTMLSelectElement>("#persona").addEventListener("change", (event) => {
    view.persona = Number((event.target as HTMLSelectElement).value);
    drawPerson();
  });
  $<HTMLSelectElement>("#officer").addEventListener("change", (event) => {
    view.officer = Number((event.target as HTMLSelectElement).value);
  });
  const submitOnEnter = (area: HTMLTextAreaElement, form: HTMLFormElement) =>
    area.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
  const personText = $<HTMLTextAreaElement>("#person-text");
  const personComposer = $<HTMLFormElement>("#person-composer");
  submitOnEnter(personText, personComposer);
  personComposer.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = personText.value.trim();
    if (!text) return;
    personText.value = "";
    act({ type: "text", persona: view.persona, text }).catch(() => {
      personText.value = text;
    });
  });
  const groupText = $<HTMLTextAreaElement>("#group-text");
  const groupComposer = $<HTMLFormElement>("#group-composer");
  submitOnEnter(groupText, groupComposer);
  groupComposer.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = groupText.value.trim();
    if (!text) return;
    groupText.value = "";
    const place = {
      ...(view.topic !== 0 && { threadId: view.topic }),
      ...(view.replyTo !== undefined && { replyTo: view.replyTo }),
    };
    view.replyTo = undefined;
    drawGroupComposer();
    act({ type: "group", persona: view.officer, text, ...place }).catch(() => {
      groupText.value = text;
    });
  });
  $<HTMLInputElement>("#photo").addEventListener("change", (event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) void sendImage(file).finally(() => (input.value = ""));
  });
  $("#share-location").addEventListener("click", () => {
    act({ type: "location", persona: view.persona }).catch(() => {});
  });
  formSubmit("#forward-form", (data) =>
    act({ type: "forward", persona: view.persona, from: data.get("from"), text: data.get("text") }),
  );
  formSubmit("#contact-form", (data) =>
    act({ type: "contact", persona: view.persona, name: data.get("name"), phone: data.get("phone") }),
  );
  formSubmit("#persona-form", async (data) => {
    const { persona } = (await act({
      type: "persona",
      name: data.get("name"),
      language: data.get("language"),
      role: data.get("role"),
    })) as { persona?: Persona };
    if (persona) {
      personas.set(persona.id, persona);
      view.persona = persona.id;
      drawPersonas();
      drawPerson();
    }
  });
}

function formSubmit(selector: string, send: (data: FormData) => Promise<unknown>): void {
  const form = $<HTMLFormElement>(selector);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    send(new FormData(form))
      .then(() => {
        form.reset();
        form.closest("details")?.removeAttribute("open");
      })
      .catch(() => {});
  });
}

async function sendImage(file: File): Promise<void> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const bitmap = await createImageBitmap(file);
  await act({
    type: "photo",
    persona: view.persona,
    base64: btoa(binary),
    width: bitmap.width,
    height: bitmap.height,
  });
}

function onEvent(event: WorldEvent): void {
  if (event.type === "persona") {
    personas.set(event.persona.id, event.persona);
    drawPersonas();
    return;
  }
  if (event.type === "typing") {
    drawTyping(event.chatId, true);
    window.clearTimeout(typingTimers.get(event.chatId));
    typingTimers.set(
      event.chatId,
      window.setTimeout(() => drawTyping(event.chatId, false), 5000),
    );
    return;
  }
  const { message } = event;
  upsert(message);
  if (message.from === "bot") {
    window.clearTimeout(typingTimers.get(message.chatId));
    drawTyping(message.chatId, false);
  }
  if (message.chatId === view.persona) drawPerson();
  else if (message.chatId === groupId) drawGroup();
  else if (channels.some((c) => c.id === message.chatId)) drawChannels();
}

async function main(): Promise<void> {
  // Listen before reading the snapshot, so nothing that happens in between is missed.
  const early: WorldEvent[] = [];
  let ready = false;
  const events = new EventSource("/api/events");
  events.addEventListener("message", (event) => {
    const parsed = JSON.parse(event.data as string) as WorldEvent;
    if (ready) onEvent(parsed);
    else early.push(parsed);
  });
  events.addEventListener("open", () => {
    document.body.dataset.live = "true";
  });
  strings = (await (await fetch(`/api/strings?lang=${lang}`)).json()) as Record<string, string>;
  document.title = t("playground-title");
  const snapshot = (await (await fetch("/api/state")).json()) as Snapshot;
  botName = snapshot.bot.name;
  groupId = snapshot.group.id;
  officers = snapshot.officers;
  channels = snapshot.channels;
  for (const persona of snapshot.personas) personas.set(persona.id, persona);
  for (const chat of [snapshot.group, ...snapshot.channels, ...snapshot.privateChats]) {
    for (const message of chat.messages) upsert(message);
  }
  view.persona = snapshot.personas[0]?.id ?? 0;
  view.officer = officers[0]?.id ?? 0;
  view.channel = channels[0]?.id ?? 0;
  $("#app").replaceChildren(frame());
  wire();
  drawAll();
  ready = true;
  for (const event of early.splice(0)) onEvent(event);
}

void main();
