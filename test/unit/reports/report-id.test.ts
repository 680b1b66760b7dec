import { describe, expect, it } from "vitest";
import {
  newReportId,
  normaliseReportId,
  REPORT_ID_ALPHABET,
  REPORT_ID_PATTERN,
} from "#src/reports/report-id.js";

describe("report ids", () => {
  it("look like K7QM-4T2X and use no confusable characters", () => {
    expect(REPORT_ID_ALPHABET).toHaveLength(30);
    expect(REPORT_ID_ALPHABET).not.toMatch(/[01OILU]/);
    for (let i = 0; i < 2_000; i++) expect(newReportId()).toMatch(REPORT_ID_PATTERN);
  });

  it("are random: 10,000 ids, no repeats, every character used", () => {
    const ids = new Set(Array.from({ length: 10_000 }, newReportId));
    expect(ids.size).toBe(10_000);
    const used = new Set([...ids].join("").replace(/-/g, ""));
    expect(used.size).toBe(REPORT_ID_ALPHABET.length);
  });

  it("are recognised however a person types them", () => {
    for (const typed of [
      "K7QM-4T2X",
      "k7qm-4t2x",
      "k7qm4t2x",
      " K7QM 4T2X ",
      "#K7QM–4T2X",
      "Ｋ７ＱＭ－４Ｔ２Ｘ",
      "К7QM-4Т2Х",
    ]) {
      expect(normaliseReportId(typed), typed).toBe("K7QM-4T2X");
    }
    expect(normaliseReportId("K7QM-4T2U")).toBe("K7QM-4T2V");
  });

  it("are not guessed from characters that are never in an id", () => {
    for (const typed of [
      "K7QM-4T20",
      "K7QM-4T2O",
      "K7QM-4T21",
      "K7QM-4T2I",
      "K7QM-4T2L",
      "K7QM-4T2",
      "K7QM-4T2X9",
      "",
      "K7QM/4T2X",
    ]) {
      expect(normaliseReportId(typed), typed).toBeUndefined();
    }
  });
});
