import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createI18n } from "#src/bot/i18n.js";
import { renderUrgentAnswer } from "#src/render/urgent.js";
import {
  MAX_VERDICT_LENGTH,
  reasonsOf,
  renderReasons,
  renderShareCard,
  renderVerdict,
} from "#src/render/verdict.js";
import { screenOffer } from "#src/screening/index.js";

const i18n = createI18n("id");
const tr = (locale: "id" | "en") => (key: string, args?: Record<string, string | number>) =>
  i18n.t(locale, key, args);

/** Every row of the labelled corpus (data/eval: the legacy sets and corpus/<lang>.jsonl). */
function corpus(): Array<{ id: string; text: string }> {
  const files = [
    ...readdirSync("data/eval")
      .filter((f) => f.endsWith(".jsonl"))
      .map((f) => `data/eval/${f}`),
    ...readdirSync("data/eval/corpus").map((f) => `data/eval/corpus/${f}`),
  ];
  return files.flatMap((f) =>
    readFileSync(f, "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => JSON.parse(l) as { id: string; text: string }),
  );
}

const SCAM =
  "Lowongan CS online di Kamboja! Gaji 15jt/bulan, tanpa pengalaman, tiket & mess gratis. Berangkat pakai visa turis. " +
  "Minat? WA 0812-3456-7890 atau @agen_rina, transfer biaya proses 2jt ke BCA 1234567890";

describe("the short verdict", () => {
  it(`every verdict of the labelled corpus fits in ${MAX_VERDICT_LENGTH} characters, in Indonesian and English`, () => {
    const rows = corpus();
    expect(rows.length).toBeGreaterThan(1500);
    let longest = 0;
    for (const row of rows) {
      const result = screenOffer(row.text);
      for (const locale of ["id", "en"] as const) {
        const { text } = renderVerdict(tr(locale), result);
        longest = Math.max(longest, text.length);
        if (text.length > MAX_VERDICT_LENGTH) throw new Error(`${row.id} (${locale}): ${text.length}`);
      }
    }
    expect(longest).toBeLessThanOrEqual(MAX_VERDICT_LENGTH);
  });

  it("shows the three strongest reasons with quotes and counts the rest for “Why?”", () => {
    const result = screenOffer(SCAM);
    const { text, more } = renderVerdict(tr("id"), result);
    const reasons = reasonsOf(result);
    expect(reasons.length).toBeGreaterThan(3);
    expect(more).toBe(reasons.length - 3);
    expect(text.match(/^• /gm)?.length).toBeLessThanOrEqual(3 + 3);
    expect(text).toContain("“");
    expect(renderReasons(tr("id"), result, []).match(/“/g)?.length).toBeGreaterThanOrEqual(
      reasons.length - 1,
    );
  });

  it("the warning card carries nothing of the checked text: no quote, number, handle, account or amount", () => {
    const result = screenOffer(SCAM);
    for (const locale of ["id", "en"] as const) {
      const card = renderShareCard(tr(locale), result, "waspada_bot");
      expect(card).not.toMatch(/0812|3456|7890|agen_rina|1234567890|15jt|2jt|“/);
      for (const hit of result.indicators)
        for (const e of hit.evidence) if (e.quote.length > 12) expect(card).not.toContain(e.quote);
      expect(card).toContain("t.me/waspada_bot");
    }
  });

  it("the urgent answer names the embassy of the place and the national hotline, with Indonesian labels", () => {
    const id = renderUrgentAnswer(tr("id"), ["KH"]);
    expect(id).toContain("Phnom Penh (KBRI)");
    expect(id).toContain("+855 12 813 282");
    expect(id).toContain("0800-1000");
    expect(id).not.toMatch(/hotline|call center|free|24 h\b/i);
    expect(renderUrgentAnswer(tr("en"), ["MM"])).toContain("Indonesian embassy in Yangon");
    expect(renderUrgentAnswer(tr("id"), [])).toContain("peduliwni.kemlu.go.id");
  });
});
