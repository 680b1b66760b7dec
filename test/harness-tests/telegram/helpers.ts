import { Api, GrammyError } from "grammy";
import { afterEach, beforeEach, expect } from "vitest";
import { FakeTelegram, type FakeTelegramOptions } from "../../harness/telegram/index.js";

/** Starts a fresh fake Telegram and a grammY Api pointed at it for every test in the file. */
export function useFakeTelegram(options: FakeTelegramOptions = {}) {
  const context = {} as { tg: FakeTelegram; api: Api };
  beforeEach(async () => {
    context.tg = await FakeTelegram.start(options);
    context.api = new Api(context.tg.token, { apiRoot: context.tg.apiRoot });
  });
  afterEach(async () => {
    await context.tg.stop();
  });
  return context;
}

/** Asserts that a Bot API call failed the way Telegram fails it. */
export async function expectTelegramError(
  call: Promise<unknown>,
  errorCode: number,
  description: string | RegExp,
): Promise<GrammyError> {
  const error = await call.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(GrammyError);
  const grammyError = error as GrammyError;
  expect(grammyError.error_code).toBe(errorCode);
  if (typeof description === "string") expect(grammyError.description).toBe(description);
  else expect(grammyError.description).toMatch(description);
  return grammyError;
}
