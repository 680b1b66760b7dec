/**
 * The command menu, registered in every supported language at start-up, and per chat when a
 * person picks a language different from their Telegram app's.
 */
import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import type { Locale } from "#src/config.js";
import { SUPPORTED_LOCALES } from "#src/render/locales.js";

/** Anything that renders a message key in a locale (the I18n instance). */
export interface Translator {
  t(locale: string, key: string): string;
}

/** Private-chat commands, in menu order; each has a `cmd-<name>` message. */
export const PRIVATE_COMMANDS = [
  "start",
  "report",
  "myreports",
  "help",
  "language",
  "privacy",
  "mydata",
  "delete",
  "cancel",
] as const;

/** Officers' commands in the moderator group, in the order /help lists them; each has `cmd-officer-<name>`. */
export const OFFICER_COMMANDS = [
  "help",
  "list",
  "find",
  "stats",
  "ask",
  "export",
  "exchange",
  "mark",
] as const;

export function officerCommandList(i18n: Translator, locale: Locale): BotCommand[] {
  return OFFICER_COMMANDS.map((command) => ({
    command,
    description: i18n.t(locale, `cmd-officer-${command}`),
  }));
}

export function commandList(i18n: Translator, locale: Locale): BotCommand[] {
  return PRIVATE_COMMANDS.map((command) => ({ command, description: i18n.t(locale, `cmd-${command}`) }));
}

export async function registerCommands(
  api: Api,
  i18n: Translator,
  defaultLocale: Locale,
  moderators?: { chatId: number; locale: Locale },
): Promise<void> {
  const scope = { type: "all_private_chats" } as const;
  await api.setMyCommands(commandList(i18n, defaultLocale), { scope });
  for (const locale of SUPPORTED_LOCALES) {
    await api.setMyCommands(commandList(i18n, locale), { scope, language_code: locale });
  }
  // The officers' menu, only in their group.
  if (moderators)
    await api.setMyCommands(officerCommandList(i18n, moderators.locale), {
      scope: { type: "chat", chat_id: moderators.chatId },
    });
}

export async function setChatCommands(
  api: Api,
  i18n: Translator,
  chatId: number,
  locale: Locale,
): Promise<void> {
  await api.setMyCommands(commandList(i18n, locale), { scope: { type: "chat", chat_id: chatId } });
}
