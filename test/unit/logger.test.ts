import { Writable } from "node:stream";
import { GrammyError } from "grammy";
import { describe, expect, it } from "vitest";
import { createLogger } from "#src/logger.js";

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _e, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, destination };
}

describe("logs", () => {
  it("censor personal fields wherever they appear and scrub the bot token from errors", () => {
    const { lines, destination } = capture();
    const token = "123456:SECRET-TOKEN-VALUE";
    const logger = createLogger({ level: "info", pretty: false, secrets: [token], destination });
    logger.info(
      {
        text: "Lowongan admin di Kamboja, hubungi 0812-3456-7890",
        from: { first_name: "Sari", username: "sari_w", id: 42 },
        contact: { phone_number: "+6281234567890" },
      },
      "an update",
    );
    logger.error({ err: new Error(`request to https://api.telegram.org/bot${token}/getMe failed`) }, "oops");
    logger.warn(`plain message mentioning ${token}`);
    const all = lines.join("");
    for (const secret of ["Kamboja", "Sari", "sari_w", "6281234567890", "SECRET-TOKEN-VALUE"]) {
      expect(all).not.toContain(secret);
    }
    expect(all).toContain('"id":42');
    expect(all).toContain("[redacted]");
    expect(all).toContain("bot[secret]/getMe");
  });

  it("censor the chat and user ids of a failed Bot API call's payload", () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: "info", pretty: false, secrets: [], destination });
    const error = new GrammyError(
      "Call to 'copyMessage' failed!",
      { ok: false, error_code: 400, description: "Bad Request: message to copy not found" },
      "copyMessage",
      { chat_id: 7391045826, from_chat_id: 5550777123, user_id: 1000000042, message_id: 9, text: "Siti" },
    );
    logger.error({ err: error }, "send failed");
    const all = lines.join("");
    for (const id of ["7391045826", "5550777123", "1000000042", "Siti"]) expect(all).not.toContain(id);
    expect(all).toContain('"message_id":9');
    expect(all).toContain("message to copy not found");
  });
});
