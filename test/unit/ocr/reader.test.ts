import { readFileSync } from "node:fs";
import { join } from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkLanguages, OcrLanguageError, prepareLanguageFolder } from "#src/ocr/languages.js";
import { cleanReadText, createScreenshotReader, type ScreenshotReader } from "#src/ocr/reader.js";

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, "..", "..", "fixtures", "screenshots", name));
const logger = pino({ level: "silent" });
const options = {
  langs: ["ind", "eng"],
  concurrency: 1,
  timeoutMs: 30_000,
  maxBytes: 10 * 1024 * 1024,
  maxPixels: 24_000_000,
  logger,
};

describe("the screenshot reader", () => {
  let reader: ScreenshotReader;
  beforeAll(() => {
    reader = createScreenshotReader(options);
  });
  afterAll(() => reader.close());

  it("reads an offer's words from a chat screenshot", async () => {
    const outcome = await reader.read(fixture("id-scam-chat.png"));
    expect(outcome.status).toBe("text");
    if (outcome.status !== "text") return;
    expect(outcome.text).toContain("Kamboja");
    expect(outcome.text).toContain("visa wisata");
    expect(outcome.text).toContain("0812 3456 7890");
  });

  it("finds no text in a blank picture or a photo of a landscape", async () => {
    expect((await reader.read(fixture("blank.png"))).status).toBe("no_text");
    expect((await reader.read(fixture("photo-no-text.png"))).status).toBe("no_text");
  });

  it("refuses what is too large or not an image before decoding, and survives a corrupt file", async () => {
    expect(await reader.read(fixture("huge.png"))).toEqual({ status: "too_large" });
    expect(await reader.read(Buffer.from("%PDF-1.7"))).toEqual({ status: "not_an_image" });
    expect(await reader.read(fixture("corrupt.png"))).toEqual({ status: "failed" });
    // The worker is still usable afterwards.
    expect((await reader.read(fixture("id-legit-vacancy.png"))).status).toBe("text");
  });

  it("reads several images queued at once, each with its own text", async () => {
    const [a, b] = await Promise.all([
      reader.read(fixture("id-family-chat.png")),
      reader.read(fixture("en-scam-post.png")),
    ]);
    expect(a.status === "text" && a.text.includes("martabak")).toBe(true);
    expect(b.status === "text" && b.text.includes("Myawaddy")).toBe(true);
  });
});

describe("limits of the reader", () => {
  it("a reading past its timeout is abandoned and its worker replaced", async () => {
    const reader = createScreenshotReader({ ...options, timeoutMs: 1 });
    try {
      expect(await reader.read(fixture("id-scam-chat.png"))).toEqual({ status: "timeout" });
    } finally {
      await reader.close();
    }
  });

  it("a full queue answers busy rather than waiting for minutes", async () => {
    const reader = createScreenshotReader({ ...options, maxQueued: 1 });
    try {
      const results = await Promise.all([
        reader.read(fixture("id-family-chat.png")),
        reader.read(fixture("id-family-chat.png")),
        reader.read(fixture("id-family-chat.png")),
      ]);
      expect(results.map((r) => r.status)).toContain("busy");
      expect(results.map((r) => r.status)).toContain("text");
    } finally {
      await reader.close();
    }
  });
});

describe("language data", () => {
  it("comes from the npm packages, linked into one folder", () => {
    const folder = prepareLanguageFolder(["ind", "eng"]);
    expect(readFileSync(join(folder, "ind.traineddata.gz")).length).toBeGreaterThan(1_000_000);
  });

  it("a language without its package is named with the command that installs it", () => {
    expect(() => checkLanguages(["ind", "khm"])).toThrow(OcrLanguageError);
    expect(() => checkLanguages(["ind", "khm"])).toThrow(/npm install @tesseract\.js-data\/khm/);
  });
});

describe("cleanReadText", () => {
  it("keeps lines as a person would copy them and drops junk lines", () => {
    expect(cleanReadText("  Gaji   1.000 USD \n\n | \n— ~\nWA 0812\t3456  7890 \n")).toBe(
      "Gaji 1.000 USD\nWA 0812 3456 7890",
    );
  });
});
