import type { BotCommand, CallbackQuery, Chat, ForumTopic, Message, User, UserFromGetMe } from "grammy/types";
import { badRequest } from "./errors.js";
import { idRanges } from "./ids.js";

export type MemberStatus = "creator" | "administrator" | "member" | "restricted" | "left" | "kicked";
export type Sender = "bot" | "user";

export interface UserRecord {
  user: User;
  /** Telegram lets a bot write to a person only after they wrote to it first. */
  startedBot: boolean;
  blockedBot: boolean;
}

export interface StoredMessage {
  message: Message;
  sender: Sender;
  deleted: boolean;
  edited: boolean;
  /** A reply keyboard this message showed (reply keyboards are not part of the returned Message). */
  replyKeyboard?: string[][];
  removesReplyKeyboard?: boolean;
}

export interface ChatRecord {
  chat: Chat;
  /** Status by user id, the bot included (absent = "left"). */
  members: Map<number, MemberStatus>;
  messages: Map<number, StoredMessage>;
  topics: Map<number, ForumTopic>;
  nextMessageId: number;
}

/** Something visible happened to a message; SimUser waits on these. */
export interface ChatEvent {
  seq: number;
  chatId: number;
  messageId: number;
  change: "sent" | "edited" | "deleted";
  sender: Sender;
}

export interface CallbackAnswer {
  text?: string;
  showAlert: boolean;
  url?: string;
}

export interface CallbackQueryRecord {
  query: CallbackQuery;
  receivedAt: number;
  answer?: CallbackAnswer;
}

/** Users, chats, messages and per-bot settings of the fake Telegram. */
export class TelegramState {
  readonly users = new Map<number, UserRecord>();
  readonly chats = new Map<number, ChatRecord>();
  readonly callbackQueries = new Map<string, CallbackQueryRecord>();
  /** Stored by scope and language, exactly as setMyCommands received them. */
  readonly commands = new Map<string, BotCommand[]>();
  private readonly listeners = new Set<(event: ChatEvent) => void>();
  private readonly answerListeners = new Set<(record: CallbackQueryRecord) => void>();
  private nextUserId: number = idRanges.firstUserId;
  private groupCount = 0;
  private eventSeq = 0;

  constructor(readonly bot: UserFromGetMe) {}

  get lastEventSeq(): number {
    return this.eventSeq;
  }

  addUser(profile: Omit<User, "id" | "is_bot">): UserRecord {
    const user: User = { id: this.nextUserId++, is_bot: false, ...profile };
    const record = { user, startedBot: false, blockedBot: false };
    this.users.set(user.id, record);
    return record;
  }

  requireUser(userId: number): UserRecord {
    const record = this.users.get(userId);
    if (!record) throw badRequest("user not found");
    return record;
  }

  /** The private chat between a user and the bot, created on first use. */
  privateChat(userId: number): ChatRecord {
    const existing = this.chats.get(userId);
    if (existing) return existing;
    const { user } = this.requireUser(userId);
    const chat: Chat.PrivateChat = {
      id: user.id,
      type: "private",
      first_name: user.first_name,
      ...(user.last_name !== undefined && { last_name: user.last_name }),
      ...(user.username !== undefined && { username: user.username }),
    };
    return this.addChat(chat);
  }

  addGroupChat(input: { title: string; supergroup: boolean; forum: boolean; username?: string }): ChatRecord {
    this.groupCount++;
    if (!input.supergroup && !input.forum) {
      return this.addChat({
        id: idRanges.basicGroupBase - this.groupCount,
        type: "group",
        title: input.title,
      });
    }
    return this.addChat({
      id: idRanges.supergroupBase - this.groupCount,
      type: "supergroup",
      title: input.title,
      ...(input.username !== undefined && { username: input.username }),
      ...(input.forum && { is_forum: true }),
    });
  }

  addChannel(input: { title: string; username?: string }): ChatRecord {
    this.groupCount++;
    return this.addChat({
      id: idRanges.supergroupBase - this.groupCount,
      type: "channel",
      title: input.title,
      ...(input.username !== undefined && { username: input.username }),
    });
  }

  private addChat(chat: Chat): ChatRecord {
    const record: ChatRecord = {
      chat,
      members: new Map(),
      messages: new Map(),
      topics: new Map(),
      nextMessageId: 1,
    };
    this.chats.set(chat.id, record);
    return record;
  }

  /** Looks a chat up by id or @username the way the bot addresses it. */
  findChat(chatId: number | string): ChatRecord | undefined {
    if (typeof chatId === "number") {
      // A private chat exists for the bot once the user is known to it.
      if (chatId > 0 && this.users.has(chatId)) return this.privateChat(chatId);
      return this.chats.get(chatId);
    }
    const username = chatId.replace(/^@/, "").toLowerCase();
    for (const record of this.chats.values()) {
      if (record.chat.type !== "private" && record.chat.username?.toLowerCase() === username) return record;
    }
    return undefined;
  }

  requireChat(chatId: number | string): ChatRecord {
    const record = this.findChat(chatId);
    if (!record) throw badRequest("chat not found");
    return record;
  }

  memberStatus(chat: ChatRecord, userId: number): MemberStatus {
    if (chat.chat.type === "private") return "member";
    return chat.members.get(userId) ?? "left";
  }

  botStatus(chat: ChatRecord): MemberStatus {
    return this.memberStatus(chat, this.bot.id);
  }

  /** Stores a new message with the chat's next message id and tells listeners. */
  storeMessage(
    chat: ChatRecord,
    sender: Sender,
    build: (messageId: number) => Message,
    extras: Pick<StoredMessage, "replyKeyboard" | "removesReplyKeyboard"> = {},
  ): StoredMessage {
    const message = build(chat.nextMessageId++);
    const stored: StoredMessage = { message, sender, deleted: false, edited: false, ...extras };
    chat.messages.set(message.message_id, stored);
    this.emit(chat, stored, "sent");
    return stored;
  }

  /** A message the bot may act on: present and not deleted. */
  liveMessage(chat: ChatRecord, messageId: number): StoredMessage | undefined {
    const stored = chat.messages.get(messageId);
    return stored && !stored.deleted ? stored : undefined;
  }

  markEdited(chat: ChatRecord, stored: StoredMessage): void {
    stored.edited = true;
    this.emit(chat, stored, "edited");
  }

  markDeleted(chat: ChatRecord, stored: StoredMessage): void {
    stored.deleted = true;
    this.emit(chat, stored, "deleted");
  }

  answerCallbackQuery(record: CallbackQueryRecord, answer: CallbackAnswer): void {
    record.answer = answer;
    for (const listener of this.answerListeners) listener(record);
  }

  onCallbackAnswer(listener: (record: CallbackQueryRecord) => void): () => void {
    this.answerListeners.add(listener);
    return () => this.answerListeners.delete(listener);
  }

  onChatEvent(listener: (event: ChatEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(chat: ChatRecord, stored: StoredMessage, change: ChatEvent["change"]): void {
    const event: ChatEvent = {
      seq: ++this.eventSeq,
      chatId: chat.chat.id,
      messageId: stored.message.message_id,
      change,
      sender: stored.sender,
    };
    for (const listener of this.listeners) listener(event);
  }
}
