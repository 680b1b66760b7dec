/** OCR_ENABLED=false (a deployment that reads no images): captions are still checked as text. */
import { describe, expect, it } from "vitest";
import { text } from "#src/playground/report-driver.js";
import { useRunningBot } from "../harness/running-bot.js";

const bot = useRunningBot(() => ({ OCR_ENABLED: "false" }));

describe("without OCR", () => {
  it("a screenshot without a caption gets the hint to paste the text; with a caption, the caption is checked", async () => {
    const user = bot.tg.createUser({ firstName: "Lina", languageCode: "en" });
    await user.sendPhoto();
    expect((await user.waitForBotMessage()).text).toBe(text("en", "check-screenshot-hint"));
    await user.sendPhoto({
      caption: "Admin job in Cambodia, 1000 USD, no experience, tourist visa, leave this week",
    });
    expect((await user.waitForBotMessage()).text).toMatch(/Risk: (MEDIUM|HIGH|VERY HIGH)/);
  });
});
