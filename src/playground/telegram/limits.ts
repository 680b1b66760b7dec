/** Telegram Bot API limits the fake server enforces (see /work/shared/STACK-NOTES.md). */
export const limits = {
  /** Message text, counted in Unicode code points after entity parsing (tdlib `utf8_length`). */
  textLength: 4096,
  captionLength: 1024,
  callbackDataBytes: 64,
  callbackAnswerText: 200,
  mediaGroupMin: 2,
  mediaGroupMax: 10,
  getUpdatesMaxLimit: 100,
  /** Telegram holds a long poll for at most 50 s. */
  longPollCapSeconds: 50,
  commandsPerScope: 100,
  commandLength: 32,
  commandDescriptionLength: 256,
  secretTokenLength: 256,
  topicNameLength: 128,
  /** Bots may download files up to 20 MB through getFile. */
  downloadBytes: 20 * 1024 * 1024,
  copyMessagesMax: 100,
} as const;

/** The six colours Telegram allows for a forum topic icon. */
export const topicIconColors = [0x6fb9f0, 0xffd67e, 0xcb86db, 0x8eee98, 0xff93b2, 0xfb6f5f] as const;
