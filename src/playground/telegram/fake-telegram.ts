import type { BotCommand, BotCommandScope, Update, UserFromGetMe } from "grammy/types";
import { type BackendOptions, TelegramBackend } from "./backend.js";
import { CallLog, type RecordedCall } from "./call-log.js";
import { type ChatViewMessage, toChatView } from "./chat-view.js";
import { FaultInjector, type FaultRule } from "./faults.js";
import { chatMember, isAdminStatus } from "./members.js";
import { commandsKey } from "./methods/bot-settings.js";
import { BotApiServer } from "./server.js";
import { SimChat } from "./sim-chat.js";
import type { CallbackAnswer, MemberStatus } from "./state.js";
import { SimUser } from "./user.js";
import type { WebhookDelivery } from "./webhook.js";

export interface FakeTelegramOptions extends BackendOptions {
  token?: string;
  botUsername?: string;
  botName?: string;
}

export interface CreateUserOptions {
  firstName: string;
  lastName?: string;
  username?: string;
  languageCode?: string;
  isPremium?: boolean;
}

export interface CreateGroupOptions {
  title: string;
  /** A supergroup with topics. */
  forum?: boolean;
  supergroup?: boolean;
  username?: string;
  members?: Array<{ user: SimUser; status: MemberStatus }>;
  /** Defaults to "administrator" in forums (topics need it) and "member" elsewhere. */
  botStatus?: "administrator" | "member";
}

export interface CreateChannelOptions {
  title: string;
  username?: string;
  /** Bots can only be in a channel as admins; false means the bot is not in it. */
  botIsAdmin?: boolean;
}

/**
 * A Bot API emulator for the playground and the end-to-end tests: the real bot talks to it over HTTP
 * (`new Bot(tg.token, { client: { apiRoot: tg.apiRoot } })`) while tests act as people in chats.
 */
export class FakeTelegram {
  readonly token: string;
  readonly botUser: UserFromGetMe;
  private readonly backend: TelegramBackend;
  private readonly callLog = new CallLog();
  private readonly faults = new FaultInjector();
  private server!: BotApiServer;
  private stopped: Promise<void> | undefined;

  private constructor(options: FakeTelegramOptions) {
    this.token = options.token ?? "123456:TEST-TOKEN";
    const botId = Number(this.token.split(":")[0]);
    if (!Number.isSafeInteger(botId))
      throw new Error(`token must look like "<bot id>:<secret>", got ${this.token}`);
    this.botUser = {
      id: botId,
      is_bot: true,
      first_name: options.botName ?? "Waspada",
      username: options.botUsername ?? "waspada_test_bot",
      can_join_groups: true,
      can_read_all_group_messages: options.privacyMode === false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
    };
    this.backend = new TelegramBackend(this.botUser, options);
  }

  static async start(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
    const telegram = new FakeTelegram(options);
    telegram.server = await BotApiServer.listen({
      token: telegram.token,
      backend: telegram.backend,
      calls: telegram.callLog,
      faults: telegram.faults,
    });
    return telegram;
  }

  /** Closes the server; waiting long polls get an empty answer first. Safe to call twice. */
  stop(): Promise<void> {
    this.stopped ??= this.server.close();
    return this.stopped;
  }

  get apiRoot(): string {
    return this.server.apiRoot;
  }

  get botId(): number {
    return this.botUser.id;
  }

  // Recording

  get calls(): RecordedCall[] {
    return this.callLog.calls;
  }

  callsOf(method: string): RecordedCall[] {
    return this.callLog.of(method);
  }

  onCall(listener: (call: RecordedCall) => void): () => void {
    return this.callLog.onCall(listener);
  }

  /** Chats, files and the update queue, for the playground's own views and actions. */
  get internals(): TelegramBackend {
    return this.backend;
  }

  clearCalls(): void {
    this.callLog.clear();
  }

  waitFor(predicate: (call: RecordedCall) => boolean, timeoutMs = 5000): Promise<RecordedCall> {
    return this.callLog.waitFor(predicate, timeoutMs);
  }

  // Faults

  inject(rule: FaultRule): void {
    this.faults.add(rule);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  // People and chats

  createUser(options: CreateUserOptions): SimUser {
    const record = this.backend.state.addUser({
      first_name: options.firstName,
      ...(options.lastName !== undefined && { last_name: options.lastName }),
      ...(options.username !== undefined && { username: options.username }),
      ...(options.languageCode !== undefined && { language_code: options.languageCode }),
      ...(options.isPremium && { is_premium: true }),
    });
    return new SimUser(
      {
        backend: this.backend,
        deliver: (update) => this.deliver(update),
        failedCalls: () => this.callLog.calls.filter((call) => !call.ok),
      },
      record,
    );
  }

  createGroup(options: CreateGroupOptions): SimChat {
    const forum = options.forum ?? false;
    const record = this.backend.state.addGroupChat({
      title: options.title,
      forum,
      supergroup: options.supergroup ?? forum,
      ...(options.username !== undefined && { username: options.username }),
    });
    for (const { user, status } of options.members ?? []) record.members.set(user.id, status);
    record.members.set(this.botId, options.botStatus ?? (forum ? "administrator" : "member"));
    return new SimChat(record);
  }

  createChannel(options: CreateChannelOptions): SimChat {
    const record = this.backend.state.addChannel({
      title: options.title,
      ...(options.username !== undefined && { username: options.username }),
    });
    record.members.set(this.botId, options.botIsAdmin === false ? "left" : "administrator");
    return new SimChat(record);
  }

  /** Changes a member's status later (demote an admin, kick the bot); use tg.botId for the bot. */
  setMemberStatus(chatId: number, userId: number, status: MemberStatus): void {
    const chat = this.backend.state.requireChat(chatId);
    chat.members.set(userId, status);
  }

  /**
   * Changes a member's status as Telegram would report it: the status changes and, where the bot
   * is an administrator (only then does Telegram send them), a chat_member update is delivered.
   */
  async changeMemberStatus(
    chatId: number,
    userId: number,
    status: MemberStatus,
  ): Promise<number | undefined> {
    const chat = this.backend.state.requireChat(chatId);
    const old = chat.members.get(userId) ?? "left";
    chat.members.set(userId, status);
    if (!isAdminStatus(this.backend.state.botStatus(chat))) return undefined;
    const user = this.backend.state.requireUser(userId).user;
    const isChannel = chat.chat.type === "channel";
    return this.deliver({
      chat_member: {
        chat: chat.chat,
        from: user,
        date: Math.floor(Date.now() / 1000),
        old_chat_member: chatMember(user, old, isChannel),
        new_chat_member: chatMember(user, status, isChannel),
      },
    });
  }

  /** A chat's messages as its members see them. */
  messagesIn(chatId: number): ChatViewMessage[] {
    const chat = this.backend.state.requireChat(chatId);
    return [...chat.messages.values()].map(toChatView).sort((a, b) => a.messageId - b.messageId);
  }

  // Updates

  /** Delivers an update with the next update_id (webhook if set, else the getUpdates queue). */
  async deliver(update: Partial<Omit<Update, "update_id">>): Promise<number> {
    const updateId = this.backend.queue.takeUpdateId();
    await this.backend.deliver({ ...update, update_id: updateId } as Update);
    return updateId;
  }

  /** Delivers an update exactly as given, e.g. to repeat an update_id. */
  async deliverRaw(update: Update): Promise<number> {
    await this.backend.deliver(update);
    return update.update_id;
  }

  /** Deliver each update to these webhook URLs in turn (and with `twice` to two of them at once). */
  setWebhookFanOut(urls: string[], options: { twice: boolean; attempts?: number; delayMs?: number }): void {
    this.backend.webhook.fanOut = { urls, twice: options.twice };
    if (options.attempts !== undefined) this.backend.webhook.retry.attempts = options.attempts;
    if (options.delayMs !== undefined) this.backend.webhook.retry.delayMs = options.delayMs;
  }

  get webhookDeliveries(): WebhookDelivery[] {
    return this.backend.webhook.deliveries;
  }

  /** Updates waiting for getUpdates (not yet confirmed by a higher offset). */
  get pendingUpdateCount(): number {
    return this.backend.queue.pendingCount;
  }

  /** Updates dropped because the bot's allowed_updates excluded their type. */
  get filteredUpdates(): Update[] {
    return this.backend.queue.filtered;
  }

  // Bot settings the bot stored

  /** Commands set for one scope and language (undefined if none), as setMyCommands stored them. */
  commands(options: { scope?: BotCommandScope; languageCode?: string } = {}): BotCommand[] | undefined {
    return this.backend.state.commands.get(commandsKey(options.scope, options.languageCode));
  }

  callbackAnswer(callbackQueryId: string): CallbackAnswer | undefined {
    return this.backend.state.callbackQueries.get(callbackQueryId)?.answer;
  }

  /** The bytes a bot would download for a file_id (an upload, or filler of the declared size). */
  fileContents(fileId: string): Buffer | undefined {
    const file = this.backend.files.get(fileId);
    return file && this.backend.files.contents(file);
  }
}
