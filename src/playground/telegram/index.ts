/**
 * The Bot API emulator: the playground's Telegram, and the fake Telegram of the end-to-end tests.
 *
 *   const tg = await FakeTelegram.start();
 *   const bot = new Bot(tg.token, { client: { apiRoot: tg.apiRoot } });
 *   const sari = tg.createUser({ firstName: "Sari", languageCode: "id" });
 *   await sari.send("/start");
 *   expect((await sari.waitForBotMessage()).text).toContain("Selamat datang");
 *   await tg.stop();
 */
export type { WaitForBotMessageOptions } from "./bot-message-watcher.js";
export type { RecordedCall } from "./call-log.js";
export type { ChatViewButton, ChatViewKind, ChatViewMessage } from "./chat-view.js";
export { TelegramError } from "./errors.js";
export type {
  CreateChannelOptions,
  CreateGroupOptions,
  CreateUserOptions,
  FakeTelegramOptions,
} from "./fake-telegram.js";
export { FakeTelegram } from "./fake-telegram.js";
export type { FaultRule } from "./faults.js";
export { limits } from "./limits.js";
export { SimChat } from "./sim-chat.js";
export type { CallbackAnswer, MemberStatus } from "./state.js";
export type { ChatTarget, ClickResult } from "./user.js";
export { SimUser } from "./user.js";
export type { WebhookDelivery } from "./webhook.js";
