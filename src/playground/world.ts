/**
 * The playground's Telegram: the Bot API emulator with the chats a deployment has (people's
 * private chats, the officers' forum group, focal-point channels per destination), the actions a
 * person or officer can take in them, and a JSON view of everything for the page.
 */
import type { Message, MessageEntity, Update } from "grammy/types";
import type { Locale } from "#src/config.js";
import { toChatView } from "#src/playground/telegram/chat-view.js";
import { FakeTelegram, type SimChat, type SimUser } from "#src/playground/telegram/index.js";
import { photoSizes } from "#src/playground/telegram/media.js";
import { messageEnvelope } from "#src/playground/telegram/message-builder.js";
import type { ChatEvent, StoredMessage } from "#src/playground/telegram/state.js";

export type PersonaRole = "migrant" | "relative" | "officer";

export interface Persona {
  id: number;
  name: string;
  language: Locale;
  role: PersonaRole;
  /** Officers only: their standing in the moderator group. */
  status?: "administrator" | "member";
}

export interface FocalChannel {
  id: number;
  title: string;
  /** ISO country code, or "default" for every other destination. */
  destination: string;
}

export interface ButtonView {
  text: string;
  data?: string;
  url?: string;
}

export interface ReplyButtonView {
  text: string;
  request?: "contact" | "location";
}

/** One message as the page draws it. */
export interface MessageView {
  id: number;
  chatId: number;
  from: "bot" | "user";
  senderId?: number;
  senderName: string;
  date: number;
  kind: string;
  text?: string;
  entities?: MessageEntity[];
  buttons?: ButtonView[][];
  replyKeyboard?: ReplyButtonView[][];
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

export interface ChatViewJson {
  id: number;
  title: string;
  type: string;
  messages: MessageView[];
}

export interface WorldSnapshot {
  bot: { name: string; username: string };
  personas: Persona[];
  officers: Persona[];
  group: ChatViewJson;
  channels: Array<FocalChannel & { messages: MessageView[] }>;
  privateChats: ChatViewJson[];
}

export type WorldEvent =
  | { type: "message"; message: MessageView }
  | { type: "typing"; chatId: number }
  | { type: "persona"; persona: Persona };

/** Sample coordinates and numbers: fictional, shown as such to whoever uses the playground. */
const SAMPLE_LOCATION = { latitude: 11.5564, longitude: 104.9282 };

export class PlaygroundWorld {
  readonly group: SimChat;
  readonly channels: FocalChannel[];
  private readonly people = new Map<number, { persona: Persona; user: SimUser }>();
  private readonly officerList: Array<{ persona: Persona; user: SimUser }> = [];
  private readonly listeners = new Set<(event: WorldEvent) => void>();
  /** Reply keyboards as the bot sent them (the emulator keeps only their labels). */
  private readonly replyKeyboards = new Map<string, ReplyButtonView[][]>();
  private readonly callLogSweep: NodeJS.Timeout;

  private constructor(readonly tg: FakeTelegram) {
    const lina = this.addOfficer("Lina", "administrator");
    const tono = this.addOfficer("Tono", "member");
    this.group = tg.createGroup({
      title: "Waspada officers",
      forum: true,
      members: [
        { user: lina, status: "administrator" },
        { user: tono, status: "member" },
      ],
    });
    this.channels = [
      { destination: "KH", title: "Focal point · Cambodia" },
      { destination: "MM", title: "Focal point · Myanmar" },
      { destination: "default", title: "Focal point · other destinations" },
    ].map((channel) => ({ ...channel, id: tg.createChannel({ title: channel.title }).id }));
    tg.internals.state.onChatEvent((event) => this.onChatEvent(event));
    tg.onCall((call) => {
      if (call.method === "sendChatAction" && call.ok) {
        this.emit({ type: "typing", chatId: Number(call.params.chat_id) });
      }
      if (call.ok && call.method === "sendMessage") this.noteReplyKeyboard(call.params, call.result);
    });
    // The emulator records every call for tests; a playground runs for hours.
    this.callLogSweep = setInterval(() => tg.clearCalls(), 60_000);
    this.callLogSweep.unref();
  }

  static async start(): Promise<PlaygroundWorld> {
    const tg = await FakeTelegram.start({
      token: "7000000001:PLAYGROUND-NOT-A-REAL-TOKEN",
      botUsername: "waspada_playground_bot",
      botName: "Waspada",
    });
    const world = new PlaygroundWorld(tg);
    world.addPersona({ name: "Sari", language: "id", role: "migrant" });
    world.addPersona({ name: "Agus", language: "en", role: "relative" });
    return world;
  }

  /** Environment for the bot: where Telegram is and which chats are the officers' and focal points'. */
  botEnv(): Record<string, string> {
    return {
      BOT_TOKEN: this.tg.token,
      TELEGRAM_API_ROOT: this.tg.apiRoot,
      MODERATOR_CHAT_ID: String(this.group.id),
      FOCAL_CHANNELS: this.channels.map((c) => `${c.destination}=${c.id}`).join(","),
    };
  }

  stop(): Promise<void> {
    clearInterval(this.callLogSweep);
    this.listeners.clear();
    return this.tg.stop();
  }

  onEvent(listener: (event: WorldEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  addPersona(input: { name: string; language: Locale; role: Exclude<PersonaRole, "officer"> }): Persona {
    const user = this.tg.createUser({ firstName: input.name, languageCode: input.language });
    const persona: Persona = { id: user.id, ...input };
    this.people.set(user.id, { persona, user });
    this.emit({ type: "persona", persona });
    return persona;
  }

  persona(id: number): SimUser {
    const found = this.people.get(id) ?? this.officerList.find((o) => o.persona.id === id);
    if (!found) throw new PlaygroundInputError(`no persona ${id}`);
    return found.user;
  }

  // What a person does in their private chat

  sendText(personaId: number, text: string): Promise<Message> {
    return this.persona(personaId).send(text);
  }

  forward(personaId: number, text: string, fromName: string): Promise<Message> {
    return this.persona(personaId).forward({ text, from: { hiddenName: fromName } });
  }

  shareLocation(personaId: number, location = SAMPLE_LOCATION): Promise<Message> {
    return this.persona(personaId).sendLocation(location);
  }

  shareContact(personaId: number, contact: { phone: string; name: string }): Promise<Message> {
    return this.persona(personaId).sendContact({ phoneNumber: contact.phone, firstName: contact.name });
  }

  /** The person's own number, as a request_contact button shares it (fictional, +62 812 0000 …). */
  ownPhone(personaId: number): string {
    return `+628120000${String(personaId % 10_000).padStart(4, "0")}`;
  }

  /** A screenshot: the real bytes are stored, so the bot downloads and re-sends what was attached. */
  async sendPhoto(
    personaId: number,
    image: { data: Buffer; width: number; height: number; caption?: string },
  ): Promise<Message> {
    const user = this.persona(personaId);
    const { state, files } = this.tg.internals;
    state.requireUser(personaId).startedBot = true;
    const file = files.create({
      kind: "photo",
      size: image.data.length,
      data: image.data,
      width: image.width,
      height: image.height,
    });
    const chat = state.privateChat(personaId);
    const stored = state.storeMessage(chat, "user", (messageId) => ({
      ...messageEnvelope(chat, messageId, user.user, {}),
      photo: photoSizes(files, file),
      ...(image.caption && { caption: image.caption }),
    }));
    await this.tg.deliver({ message: stored.message } as Omit<Update, "update_id">);
    return stored.message;
  }

  /** A reply-keyboard button: sends its label, or the contact or location it asks for. */
  pressReplyButton(personaId: number, text: string): Promise<Message> {
    const shown = this.persona(personaId)
      .botMessages()
      .reverse()
      .find((m) => m.replyKeyboard);
    const keyboard = shown && this.replyKeyboards.get(`${personaId}:${shown.messageId}`);
    const button = keyboard?.flat().find((b) => b.text === text);
    if (button?.request === "contact") {
      return this.persona(personaId).sendContact({ phoneNumber: this.ownPhone(personaId), own: true });
    }
    if (button?.request === "location") return this.shareLocation(personaId);
    return this.sendText(personaId, text);
  }

  /** Presses an inline button; resolves with the bot's answer (a toast or an alert), if any. */
  async press(
    personaId: number,
    chatId: number,
    messageId: number,
    data: string,
  ): Promise<{ text?: string; alert: boolean }> {
    const result = await this.persona(personaId).clickInChat(chatId, messageId, data);
    try {
      const answer = await result.answer(10_000);
      return { ...(answer.text !== undefined && { text: answer.text }), alert: answer.showAlert };
    } catch {
      return { alert: false };
    }
  }

  /** An officer writes in the group: in a case topic, or as a reply to a message. */
  postInGroup(
    officerId: number,
    text: string,
    place: { threadId?: number; replyTo?: number } = {},
  ): Promise<Message> {
    return this.persona(officerId).sendInGroup(this.group, text, {
      ...(place.threadId !== undefined && { messageThreadId: place.threadId }),
      ...(place.replyTo !== undefined && { replyToMessageId: place.replyTo }),
    });
  }

  fileBytes(fileId: string): Buffer | undefined {
    return this.tg.fileContents(fileId);
  }

  snapshot(): WorldSnapshot {
    const { state } = this.tg.internals;
    const chatJson = (chatId: number): ChatViewJson => {
      const record = state.chats.get(chatId);
      return {
        id: chatId,
        title: record?.chat.title ?? record?.chat.first_name ?? "",
        type: record?.chat.type ?? "private",
        messages: record ? [...record.messages.values()].map((m) => this.view(m)) : [],
      };
    };
    return {
      bot: { name: this.tg.botUser.first_name, username: this.tg.botUser.username },
      personas: [...this.people.values()].map((p) => p.persona),
      officers: this.officerList.map((o) => o.persona),
      group: chatJson(this.group.id),
      channels: this.channels.map((channel) => ({ ...channel, messages: chatJson(channel.id).messages })),
      privateChats: [...this.people.keys()].map(chatJson),
    };
  }

  private addOfficer(name: string, status: "administrator" | "member"): SimUser {
    const user = this.tg.createUser({ firstName: name, languageCode: "en" });
    this.officerList.push({ persona: { id: user.id, name, language: "en", role: "officer", status }, user });
    return user;
  }

  private onChatEvent(event: ChatEvent): void {
    const stored = this.tg.internals.state.chats.get(event.chatId)?.messages.get(event.messageId);
    if (stored) this.emit({ type: "message", message: this.view(stored) });
  }

  private noteReplyKeyboard(params: Record<string, unknown>, result: unknown): void {
    const raw = typeof params.reply_markup === "string" ? safeJson(params.reply_markup) : params.reply_markup;
    const keyboard = (raw as { keyboard?: unknown } | undefined)?.keyboard;
    const sent = result as Message | undefined;
    if (!Array.isArray(keyboard) || sent === undefined) return;
    const rows = (keyboard as unknown[][]).map((row) =>
      row.map((button): ReplyButtonView => {
        if (typeof button === "string") return { text: button };
        const b = button as { text: string; request_contact?: boolean; request_location?: boolean };
        return {
          text: b.text,
          ...(b.request_contact && { request: "contact" as const }),
          ...(b.request_location && { request: "location" as const }),
        };
      }),
    );
    this.replyKeyboards.set(`${sent.chat.id}:${sent.message_id}`, rows);
    const stored = this.tg.internals.state.chats.get(sent.chat.id)?.messages.get(sent.message_id);
    // The message went to the page before the call was answered; send it again with the requests.
    if (stored) this.emit({ type: "message", message: this.view(stored) });
  }

  private view(stored: StoredMessage): MessageView {
    const view = toChatView(stored);
    const message = stored.message;
    const origin = message.forward_origin;
    const forwardedFrom =
      origin?.type === "hidden_user"
        ? origin.sender_user_name
        : origin?.type === "user"
          ? origin.sender_user.first_name
          : origin?.type === "channel" || origin?.type === "chat"
            ? ((origin.type === "channel" ? origin.chat : origin.sender_chat).title ?? "")
            : undefined;
    const keyboard =
      view.replyKeyboard &&
      (this.replyKeyboards.get(`${message.chat.id}:${message.message_id}`) ??
        view.replyKeyboard.map((r) => r.map((text) => ({ text }))));
    return {
      id: view.messageId,
      chatId: message.chat.id,
      from: view.from,
      ...(message.from && { senderId: message.from.id }),
      senderName: view.senderName,
      date: message.date,
      kind: view.kind,
      ...((view.text ?? view.caption) !== undefined && { text: view.text ?? view.caption }),
      ...(view.entities && { entities: view.entities }),
      ...(view.buttons && { buttons: view.buttons }),
      ...(keyboard && { replyKeyboard: keyboard }),
      ...(view.removesReplyKeyboard && { removesReplyKeyboard: true }),
      edited: view.edited,
      deleted: view.deleted,
      ...(forwardedFrom !== undefined && { forwardedFrom }),
      ...(view.threadId !== undefined && { threadId: view.threadId }),
      ...(view.replyToMessageId !== undefined && { replyTo: view.replyToMessageId }),
      ...(message.photo && { photoFileId: message.photo.at(-1)!.file_id }),
      ...(message.document && {
        document: { fileId: message.document.file_id, name: message.document.file_name ?? "file" },
      }),
      ...(message.location && {
        location: { latitude: message.location.latitude, longitude: message.location.longitude },
      }),
      ...(message.contact && {
        contact: { name: message.contact.first_name, phone: message.contact.phone_number },
      }),
      ...(message.forum_topic_created && {
        topic: { name: message.forum_topic_created.name, color: message.forum_topic_created.icon_color },
      }),
    };
  }

  private emit(event: WorldEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

/** A request the page sent that cannot be carried out (unknown persona, no such message). */
export class PlaygroundInputError extends Error {}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
