/**
 * The fake Telegram for end-to-end tests is the playground's Bot API emulator
 * (src/playground/telegram); tests keep importing it from here.
 */
export * from "#src/playground/telegram/index.js";
