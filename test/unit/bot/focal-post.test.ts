/**
 * The focal post reads fully in the channel's language — Khmer or English — for every status and
 * every answer: labels, reasons worded for an officer, dates made absolute, money also in USD, the
 * reporter's words kept but quoted, and nothing that identifies the reporter.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { createI18n, LOCALES_DIR } from "#src/bot/i18n.js";
import type { FocalLocale } from "#src/config.js";
import { focalKeyboard, renderChannelPost } from "#src/render/channel-post.js";
import { FOCAL_ANSWERS } from "#src/reports/focal-responses.js";
import { absoluteDate } from "#src/reports/relative-date.js";
import type { Report } from "#src/reports/report.js";
import { STATUSES } from "#src/reports/status.js";
import { sampleDraft } from "../reports/fixtures.js";

const i18n = createI18n("en");
const translate = (locale: FocalLocale) => (key: string, args?: Record<string, string | number>) =>
  i18n.t(locale, key, args);

function fpKeys(locale: string): Set<string> {
  const ids = new Set<string>();
  for (const file of readdirSync(LOCALES_DIR).filter(
    (f) => f.startsWith(`${locale}.`) && f.endsWith(".ftl"),
  )) {
    for (const entry of new FluentResource(readFileSync(join(LOCALES_DIR, file), "utf8")).body)
      if (entry.id.startsWith("fp-")) ids.add(entry.id);
  }
  return ids;
}

function report(overrides: Partial<Report> = {}): Report {
  return {
    ...sampleDraft({
      offer: {
        texts: [{ text: "Lowongan CS online di Kamboja, gaji 15 juta, tanpa pengalaman, visa turis" }],
        media: [],
      },
      screening: {
        ...sampleDraft().screening,
        level: "high",
        indicators: ["dest_cambodia", "lure_cs_admin_marketing", "proc_tourist_visa", "ok_domestic_job"],
      },
      destination: { country: "KH", city: "Sihanoukville" },
      jobTitle: "Customer service online",
      salary: "Rp 15 juta per bulan",
      money: { asked: "Rp 5.000.000 untuk tiket", paid: "paid" },
      departed: {
        relationship: "adik saya",
        when: "kemarin",
        canCommunicate: "no",
        passportTaken: "yes",
        whereabouts: "dekat kasino",
        location: { latitude: 10.6278, longitude: 103.5229 },
      },
    }),
    schemaVersion: 1,
    id: "K7QM-4T2X",
    createdAt: "2026-12-03T08:00:00.000Z",
    updatedAt: "2026-12-03T08:00:00.000Z",
    status: "escalated",
    statusVersion: 2,
    history: [{ status: "received", at: "2026-12-03T08:00:00.000Z", actor: "reporter" }],
    reporterRef: "ref",
    additions: [],
    ...overrides,
  };
}

describe("the focal post's languages", () => {
  it("Khmer and Indonesian define every message English defines for focal posts", () => {
    const en = fpKeys("en");
    expect(en.size).toBeGreaterThan(80);
    for (const locale of ["km", "id"]) {
      const other = fpKeys(locale);
      expect([...en].filter((k) => !other.has(k))).toEqual([]);
      expect([...other].filter((k) => !en.has(k))).toEqual([]);
    }
  });

  it("Khmer is for focal posts only: people still choose between Indonesian and English", async () => {
    const { SUPPORTED_LOCALES } = await import("#src/render/locales.js");
    expect(SUPPORTED_LOCALES).toEqual(["id", "en"]);
  });

  for (const locale of ["en", "km"] as const) {
    it(`renders every status and every answer in ${locale}, with no message missing`, () => {
      const t = translate(locale);
      for (const status of STATUSES) {
        for (const answer of [undefined, ...FOCAL_ANSWERS]) {
          const post = renderChannelPost(report({ status }), t, {
            locale,
            reason: "escalated",
            threshold: "high",
            ...(answer && { response: { answer, at: "2026-12-03T14:02:00.000Z" } }),
          });
          expect(post.text).not.toMatch(/\{fp-|\{focal-/);
          expect(post.text).toContain(`${t("fp-status")}: ${t(`fp-status-${status}`)}`);
          if (answer)
            expect(post.text).toContain(
              `${t("fp-response")}: ${t(`fp-answer-${answer}`)} (2026-12-03 14:02 UTC)`,
            );
        }
      }
      const buttons = focalKeyboard("K7QM-4T2X", t).inline_keyboard.flat();
      expect(buttons.map((b) => b.text)).toEqual(FOCAL_ANSWERS.map((a) => t(`fp-answer-${a}`)));
      expect(buttons.map((b) => ("callback_data" in b ? b.callback_data : ""))).toEqual(
        FOCAL_ANSWERS.map((a) => `fp:K7QM-4T2X:${a}`),
      );
    });
  }

  it("reads in Khmer: Khmer labels and country, the reporter's words quoted as written", () => {
    const t = translate("km");
    const post = renderChannelPost(report(), t, { locale: "km", reason: "level", threshold: "high" });
    const text = post.text;
    expect(text).toContain(`${t("fp-destination")}: កម្ពុជា, “Sihanoukville”`);
    expect(text).toContain(`${t("fp-job")}: “Customer service online”`);
    expect(text).toContain(t("fp-reason-job_lure"));
    expect(text).toContain(t("fp-reason-process_irregularity"));
    expect(text).toContain(
      t("fp-flagged-level", { level: t("fp-level-name-high"), threshold: t("fp-level-name-high") }),
    );
    expect(text).toContain(t("fp-quoted-note"));
    // No English or Indonesian label is left: Latin text appears only in quotes and code (ids, contacts).
    let outside = text;
    for (const e of post.entities.filter((x) => x.type === "code"))
      outside = outside.slice(0, e.offset) + " ".repeat(e.length) + outside.slice(e.offset + e.length);
    outside = outside.replace(/“[^”]*”/g, "");
    expect(outside).not.toMatch(/[A-Za-z]{3,}/);
    // Quoted words are italic entities.
    const job = text.indexOf("“Customer service online”");
    expect(post.entities).toContainEqual({
      type: "italic",
      offset: job,
      length: "“Customer service online”".length,
    });
  });

  it("makes 'kemarin' a date, shows rupiah also in USD, and words reasons for an officer", () => {
    const t = translate("en");
    const text = renderChannelPost(report(), t, { locale: "en", reason: "urgent" }).text;
    expect(text).toContain("Left on: 2026-12-02 (“kemarin”)");
    expect(text).toMatch(/Salary as promised: “Rp 15 juta per bulan” \(≈ USD [\d,]+\)/);
    expect(text).toMatch(/“Rp 5\.000\.000 untuk tiket” \(≈ USD \d+\)/);
    expect(text).toContain(`Flagged because: ${t("fp-flagged-urgent")}`);
    // The warning signs describe the offer for an officer; they never address the migrant.
    const signs = text.slice(text.indexOf("Warning signs"), text.indexOf("⚠️"));
    expect(signs.split("\n").filter((l) => l.startsWith("• "))).toHaveLength(3);
    expect(signs).not.toMatch(/\byou\b|\byour\b/i);
    // Nothing about the reporter beyond their kind: no relationship, no location.
    for (const secret of ["adik saya", "10.6278", "103.5229"]) expect(text).not.toContain(secret);
  });
});

describe("relative dates", () => {
  const reference = new Date("2026-12-03T08:00:00Z");
  it.each([
    ["kemarin", "2026-12-02", false],
    ["kemarin lusa", "2026-12-01", false],
    ["besok pagi", "2026-12-04", false],
    ["3 hari yang lalu", "2026-11-30", false],
    ["5 hari lagi", "2026-12-08", false],
    ["minggu depan", "2026-12-10", true],
    ["minggu lalu", "2026-11-26", true],
    ["2 weeks ago", "2026-11-19", true],
    ["yesterday evening", "2026-12-02", false],
    ["bulan lalu", "2026-11-03", true],
  ] as const)("%s → %s", (input, date, approximate) => {
    expect(absoluteDate(input, reference)).toEqual({ date, approximate });
  });

  it("leaves a text without a relative date alone", () => {
    expect(absoluteDate("12 Agustus", reference)).toBeUndefined();
    expect(absoluteDate("gaji 15 juta", reference)).toBeUndefined();
  });
});
