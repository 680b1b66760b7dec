import type { CallbackQuery, Message, MessageEntity, Update, User } from "grammy/types";
import type { TelegramBackend } from "./backend.js";
import { BotMessageWatcher, type WaitForBotMessageOptions } from "./bot-message-watcher.js";
import type { RecordedCall } from "./call-log.js";
import { type ChatViewMessage, describeChat, toChatView } from "./chat-view.js";
import { botReceivesGroupMessage } from "./group-privacy.js";
import { newCallbackQueryId } from "./ids.js";
import { isPresentStatus } from "./members.js";
import { messageEnvelope } from "./message-builder.js";
import type { CallbackAnswer, ChatRecord, UserRecord } from "./state.js";
import {
  type ContactOptions,
  contactContent,
  type DocumentOptions,
  documentContent,
  type ForwardSource,
  forwardOrigin,
  type PhotoOptions,
  photoContent,
  stickerContent,
  textContent,
  type UserContent,
  videoContent,
  voiceContent,
} from "./user-content.js";

/** What a simulated person needs from the fake Telegram. */
export interface UserEnvironment {
  backend: TelegramBackend;
  deliver(update: Omit<Update, "update_id">): Promise<number>;
  failedCalls(): RecordedCall[];
}

export interface ClickResult {
  callbackQueryId: string;
  updateId: number;
  /** Resolves when the bot answers this callback query (answerCallbackQuery). */
  answer(timeoutMs?: number): Promise<CallbackAnswer>;
}

/** Somewhere a person can post: a chat handle or its id. */
export type ChatTarget = number | { id: number };

/** One person talking to the bot in their private chat (and, if a member, in groups). */
export class SimUser {
  private readonly watcher: BotMessageWatcher;

  constructor(
    private readonly env: UserEnvironment,
    private readonly record: UserRecord,
  ) {
    this.watcher = new BotMessageWatcher(env.backend.state, record.user.id, (messageId) =>
      this.chat().find((message) => message.messageId === messageId),
    );
  }

  get id(): number {
    return this.record.user.id;
  }

  get user(): User {
    return this.record.user;
  }

  /** The Telegram app language; changing it affects messages sent from now on. */
  get languageCode(): string | undefined {
    return this.record.user.language_code;
  }

  set languageCode(languageCode: string | undefined) {
    const { language_code: _previous, ...user } = this.record.user;
    this.record.user = languageCode === undefined ? user : { ...user, language_code: languageCode };
  }

  /**
   * Stores a text message in the private chat and returns its update with a fresh update_id, without
   * delivering it: for `tg.deliverRaw`, e.g. to deliver the same update twice.
   */
  buildTextUpdate(text: string): Update {
    const message = this.storePrivate(textContent(text));
    return { update_id: this.env.backend.queue.takeUpdateId(), message } as Update;
  }

  /** Sends text; /commands, @mentions and links get their entities. */
  send(text: string): Promise<Message> {
    return this.sendPrivate(textContent(text));
  }

  /** Answers a message of the chat with Telegram's Reply (the bot sees it as reply_to_message). */
  reply(messageId: number, text: string): Promise<Message> {
    const target = this.env.backend.state.privateChat(this.id).messages.get(messageId);
    if (!target) throw new Error(`reply(${messageId}): no such message in ${this.user.first_name}'s chat`);
    return this.sendPrivate({ ...textContent(text), reply_to_message: target.message } as UserContent);
  }

  /** Replies with formatted text, as a client does for pasted rich text (e.g. a hidden `text_link`). */
  replyFormatted(messageId: number, text: string, entities: MessageEntity[]): Promise<Message> {
    const target = this.env.backend.state.privateChat(this.id).messages.get(messageId);
    if (!target)
      throw new Error(`replyFormatted(${messageId}): no such message in ${this.user.first_name}'s chat`);
    return this.sendPrivate({ text, entities, reply_to_message: target.message } as UserContent);
  }

  /** Replies with a photo or a file instead of text. */
  replyWithMedia(
    messageId: number,
    media: { photo: PhotoOptions } | { document: DocumentOptions },
  ): Promise<Message> {
    const target = this.env.backend.state.privateChat(this.id).messages.get(messageId);
    if (!target)
      throw new Error(`replyWithMedia(${messageId}): no such message in ${this.user.first_name}'s chat`);
    const content =
      "photo" in media
        ? photoContent(this.env.backend.files, media.photo)
        : documentContent(this.env.backend.files, media.document);
    return this.sendPrivate({ ...content, reply_to_message: target.message } as UserContent);
  }

  sendPhoto(options: PhotoOptions = {}): Promise<Message> {
    return this.sendPrivate(photoContent(this.env.backend.files, options));
  }

  sendDocument(options: DocumentOptions): Promise<Message> {
    return this.sendPrivate(documentContent(this.env.backend.files, options));
  }

  sendSticker(): Promise<Message> {
    return this.sendPrivate(stickerContent(this.env.backend.files));
  }

  sendVoice(options: { duration?: number } = {}): Promise<Message> {
    return this.sendPrivate(voiceContent(this.env.backend.files, options));
  }

  sendVideo(options: { fileSize?: number; duration?: number } = {}): Promise<Message> {
    return this.sendPrivate(videoContent(this.env.backend.files, options));
  }

  sendContact(options: ContactOptions): Promise<Message> {
    return this.sendPrivate(contactContent(this.user, options));
  }

  sendLocation(options: { latitude: number; longitude: number }): Promise<Message> {
    return this.sendPrivate({ location: options });
  }

  /** Forwards a text message from someone else into the chat with the bot. */
  forward(options: {
    text: string;
    from: Omit<ForwardSource, "user"> & { user?: SimUser | ForwardSource["user"] };
  }) {
    const { user, ...rest } = options.from;
    const source: ForwardSource = {
      ...rest,
      ...(user && { user: user instanceof SimUser ? user.user : user }),
    };
    return this.sendPrivate({ ...textContent(options.text), forward_origin: forwardOrigin(source) });
  }

  /** Posts in a group the person belongs to; delivered only if Telegram would show it to the bot. */
  async sendInGroup(
    group: ChatTarget,
    text: string,
    options: { replyToMessageId?: number; messageThreadId?: number } = {},
  ): Promise<Message> {
    const { state } = this.env.backend;
    const chat = state.requireChat(typeof group === "number" ? group : group.id);
    if (!isPresentStatus(state.memberStatus(chat, this.id))) {
      throw new Error(
        `${this.user.first_name} is not a member of "${chat.chat.title}"; add them in createGroup`,
      );
    }
    const replyTo =
      options.replyToMessageId !== undefined ? state.liveMessage(chat, options.replyToMessageId) : undefined;
    if (options.replyToMessageId !== undefined && !replyTo) {
      throw new Error(`message ${options.replyToMessageId} does not exist in "${chat.chat.title}"`);
    }
    const threadId = options.messageThreadId ?? replyTo?.message.message_thread_id;
    if (threadId !== undefined && !chat.topics.has(threadId)) {
      throw new Error(`"${chat.chat.title}" has no topic ${threadId}`);
    }
    this.watcher.markAction();
    const stored = state.storeMessage(chat, "user", (messageId) => ({
      ...messageEnvelope(chat, messageId, this.user, {
        ...(threadId !== undefined && { threadId }),
        ...(replyTo && { replyTo: replyTo.message }),
      }),
      ...textContent(text),
    }));
    if (botReceivesGroupMessage(this.env.backend, chat, stored.message)) {
      await this.env.deliver({ message: stored.message } as Omit<Update, "update_id">);
    }
    return stored.message;
  }

  /** Presses an inline button (by text or callback_data) on the newest bot message that has it. */
  async click(buttonTextOrData: string, options: { messageId?: number } = {}): Promise<ClickResult> {
    const candidates = this.botMessages()
      .filter((message) => options.messageId === undefined || message.messageId === options.messageId)
      .reverse();
    for (const message of candidates) {
      const button = message.buttons
        ?.flat()
        .find((b) => b.text === buttonTextOrData || b.data === buttonTextOrData);
      if (!button) continue;
      if (button.data === undefined) {
        throw new Error(
          `button "${button.text}" on message #${message.messageId} opens ${button.url ?? "no callback"}`,
        );
      }
      return this.clickInChat(this.id, message.messageId, button.data);
    }
    const visible = this.botMessages()
      .filter((message) => message.buttons)
      .map(
        (message) =>
          `  #${message.messageId}: ${message
            .buttons!.flat()
            .map((b) => `[${b.text} → ${b.data ?? b.url}]`)
            .join(" ")}`,
      );
    throw new Error(
      `click("${buttonTextOrData}"): no such inline button${options.messageId ? ` on message #${options.messageId}` : ""}. Visible buttons:\n${visible.join("\n") || "  (none)"}`,
    );
  }

  /**
   * Presses an inline button under a channel post, as a subscriber or administrator reading the
   * channel would (anyone who can see the post can press; the bot decides who may act). Refuses
   * when this person cannot see the channel: not a member and the channel has no public username.
   */
  async clickInChannel(
    channelId: number,
    buttonTextOrData: string,
    options: { messageId?: number } = {},
  ): Promise<ClickResult> {
    const chat = this.env.backend.state.requireChat(channelId);
    if (chat.chat.type !== "channel") throw new Error(`chat ${channelId} is not a channel`);
    const status = chat.members.get(this.id) ?? "left";
    if (!isPresentStatus(status) && chat.chat.username === undefined) {
      throw new Error(`${this.user.first_name} cannot see the private channel "${chat.chat.title}"`);
    }
    const posts = [...chat.messages.values()]
      .map(toChatView)
      .filter((m) => !m.deleted && (options.messageId === undefined || m.messageId === options.messageId))
      .sort((a, b) => b.messageId - a.messageId);
    for (const post of posts) {
      const button = post.buttons
        ?.flat()
        .find((b) => b.text === buttonTextOrData || b.data === buttonTextOrData);
      if (button?.data !== undefined) return this.clickInChat(channelId, post.messageId, button.data);
    }
    throw new Error(`clickInChannel("${buttonTextOrData}"): no such button in "${chat.chat.title}"`);
  }

  /**
   * Presses an inline button by its label under a message in a group (a case card), as the message
   * shows now: the newest message with that button, or the one given. Membership is not checked:
   * anyone may press, the bot decides who may act.
   */
  async clickInGroup(
    chatId: number,
    buttonText: string,
    options: { messageId?: number } = {},
  ): Promise<ClickResult> {
    const chat = this.env.backend.state.requireChat(chatId);
    const messages = [...chat.messages.values()]
      .map(toChatView)
      .filter((m) => !m.deleted && (options.messageId === undefined || m.messageId === options.messageId))
      .sort((a, b) => b.messageId - a.messageId);
    for (const message of messages) {
      const button = message.buttons?.flat().find((b) => b.text === buttonText);
      if (button?.data !== undefined) return this.clickInChat(chatId, message.messageId, button.data);
    }
    const shown = messages.flatMap((m) => m.buttons?.flat().map((b) => b.text) ?? []);
    throw new Error(`clickInGroup("${buttonText}"): no such button; shown: ${shown.join(", ") || "(none)"}`);
  }

  /** Sends a callback query for any message id and data, to press old buttons or forge data. */
  async clickInChat(chatId: number, messageId: number, callbackData: string): Promise<ClickResult> {
    const { state } = this.env.backend;
    const chat = state.requireChat(chatId);
    const stored = chat.messages.get(messageId);
    const query: CallbackQuery = {
      id: newCallbackQueryId(),
      from: this.user,
      // A message the person can no longer see arrives as an inaccessible message with date 0.
      message:
        stored && !stored.deleted ? stored.message : { chat: chat.chat, message_id: messageId, date: 0 },
      chat_instance: String(BigInt(chatId) * 7919n + 104729n),
      data: callbackData,
    };
    state.callbackQueries.set(query.id, { query, receivedAt: Date.now() });
    this.watcher.markAction();
    const updateId = await this.env.deliver({ callback_query: query });
    return {
      callbackQueryId: query.id,
      updateId,
      answer: (timeoutMs) => this.callbackAnswer(query.id, timeoutMs),
    };
  }

  /** While blocked, the bot's sends to this person fail with 403. */
  blockBot(): void {
    this.record.blockedBot = true;
  }

  unblockBot(): void {
    this.record.blockedBot = false;
  }

  /** The private chat with the bot as this person sees it, oldest first, edits applied. */
  chat(): ChatViewMessage[] {
    const chat = this.env.backend.state.chats.get(this.id);
    if (!chat) return [];
    return [...chat.messages.values()].map(toChatView).sort((a, b) => a.messageId - b.messageId);
  }

  /** Bot messages that are still visible (not deleted). */
  botMessages(): ChatViewMessage[] {
    return this.chat().filter((message) => message.from === "bot" && !message.deleted);
  }

  lastBotMessage(): ChatViewMessage | undefined {
    return this.botMessages().at(-1);
  }

  /** The reply keyboard currently shown under the input field, if any. */
  replyKeyboard(): string[][] | undefined {
    for (const message of this.botMessages().reverse()) {
      if (message.removesReplyKeyboard) return undefined;
      if (message.replyKeyboard) return message.replyKeyboard;
    }
    return undefined;
  }

  /**
   * Resolves on a bot send or edit in this chat since the person's last action or wait; rejects with the
   * chat so far and recent failed Bot API calls when none comes.
   */
  waitForBotMessage(options: WaitForBotMessageOptions = {}): Promise<ChatViewMessage> {
    const { count = 1, timeoutMs = 5000, predicate } = options;
    return this.watcher.wait(options, () => this.timeoutReport(count, timeoutMs, predicate !== undefined));
  }

  private timeoutReport(count: number, timeoutMs: number, filtered: boolean): string {
    const failures = this.env
      .failedCalls()
      .slice(-5)
      .map((call) => `  ${call.method} → ${call.status} ${call.description ?? ""}`);
    return [
      `waitForBotMessage: no ${count} new bot message(s)${filtered ? " matching the predicate" : ""} for ${this.user.first_name} within ${timeoutMs} ms.`,
      "Chat so far:",
      describeChat(this.chat()),
      ...(failures.length > 0 ? ["Recent failed Bot API calls:", ...failures] : []),
    ].join("\n");
  }

  private callbackAnswer(queryId: string, timeoutMs = 5000): Promise<CallbackAnswer> {
    const { state } = this.env.backend;
    const existing = state.callbackQueries.get(queryId)?.answer;
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const stop = state.onCallbackAnswer((record) => {
        if (record.query.id !== queryId || !record.answer) return;
        clearTimeout(timer);
        stop();
        resolve(record.answer);
      });
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`the bot did not answer callback query ${queryId} within ${timeoutMs} ms`));
      }, timeoutMs);
    });
  }

  /** Writing to the bot opens the private chat, after which the bot may write back. */
  private async sendPrivate(content: UserContent): Promise<Message> {
    const message = this.storePrivate(content);
    await this.env.deliver({ message } as Omit<Update, "update_id">);
    return message;
  }

  private storePrivate(content: UserContent): Message {
    const { state } = this.env.backend;
    this.record.startedBot = true;
    const chat: ChatRecord = state.privateChat(this.id);
    this.watcher.markAction();
    return state.storeMessage(chat, "user", (messageId) => ({
      ...messageEnvelope(chat, messageId, this.user, {}),
      ...content,
    })).message;
  }
}
