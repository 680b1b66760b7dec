import type { BotCommand, BotCommandScope } from "grammy/types";
import { badRequest } from "../errors.js";
import { limits } from "../limits.js";
import type { Params } from "../params.js";
import type { MethodTable } from "./context.js";

/** The key under which commands for one scope and language are stored (Telegram keeps them apart). */
export function commandsKey(scope: BotCommandScope | undefined, languageCode: string | undefined): string {
  const { type = "default", ...target } = (scope ?? {}) as Partial<BotCommandScope> & Record<string, unknown>;
  const chatId = target.chat_id;
  const userId = target.user_id;
  return JSON.stringify([type, chatId ?? null, userId ?? null, languageCode ?? ""]);
}

function scopeAndLanguage(params: Params): string {
  const languageCode = params.string("language_code");
  if (languageCode && !/^[a-z]{2}$/.test(languageCode)) throw badRequest("invalid language code specified");
  return commandsKey(params.json<BotCommandScope>("scope"), languageCode);
}

function validCommands(value: unknown): BotCommand[] {
  if (!Array.isArray(value)) throw badRequest("commands must be an Array of BotCommand");
  if (value.length > limits.commandsPerScope) throw badRequest("too many commands specified");
  return value.map((entry: Partial<BotCommand>) => {
    const command = String(entry.command ?? "").replace(/^\//, "");
    if (!/^[a-z0-9_]+$/.test(command) || command.length > limits.commandLength) {
      throw badRequest("BOT_COMMAND_INVALID");
    }
    const description = String(entry.description ?? "");
    if (description.trim() === "" || description.length > limits.commandDescriptionLength) {
      throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
    }
    return { command, description };
  });
}

export const botSettingsMethods: MethodTable = {
  getMe: ({ backend }) => backend.state.bot,

  setMyCommands: ({ backend, params }) => {
    const key = scopeAndLanguage(params);
    const commands = validCommands(params.json("commands"));
    if (commands.length === 0) backend.state.commands.delete(key);
    else backend.state.commands.set(key, commands);
    return true;
  },

  getMyCommands: ({ backend, params }) => backend.state.commands.get(scopeAndLanguage(params)) ?? [],

  deleteMyCommands: ({ backend, params }) => {
    backend.state.commands.delete(scopeAndLanguage(params));
    return true;
  },
};
