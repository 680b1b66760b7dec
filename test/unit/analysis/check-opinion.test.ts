/**
 * A check's second opinion through the shared analyser path (real SDK, fake server, real Redis):
 * the same guards, budgets per person and in total, and circuit as a report's; and the section it
 * adds to a reply, which only ever adds and stays within Telegram's limit.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { GuardedOpinion } from "#src/analysis/guards.js";
import { MAX_MESSAGE_LENGTH, withOpinion } from "#src/render/check-opinion.js";
import { screenOffer } from "#src/screening/index.js";
import { FakeOpenAI } from "../../harness/openai/index.js";
import { type AnalysisWorld, startAnalysisWorld } from "./world.js";

let world: AnalysisWorld;
beforeAll(async () => {
  world = await startAnalysisWorld();
});
afterAll(async () => {
  await world.close();
});
beforeEach(async () => {
  world.ai.reset();
  await world.redis.flushall();
});

const OFFER =
  "Lowongan CS online di Kamboja, gaji 1.200 USD, tanpa pengalaman. Paspor dipegang kantor selama kontrak.";
const rulesOf = (text: string) => {
  const r = screenOffer(text);
  return { level: r.level, indicators: r.indicators.map((i) => i.id) };
};

describe("the analyser's check opinion", () => {
  it("keeps only verified quotes and never goes below the rules", async () => {
    world.ai.setDefault("second_opinion", {
      content: {
        indicators: [
          { id: "fl_violence", quote: "dipukuli kalau tidak capai target" },
          { id: "lure_easy_work_high_pay", quote: "gaji 1.200 USD" },
        ],
        level: "low",
      },
    });
    const rules = rulesOf(OFFER);
    const out = await world.analyser().checkOpinion({ texts: [OFFER], rules, ref: "ref-a" });
    if (out.status !== "done") throw new Error(`expected done, got ${out.status}`);
    expect(out.opinion.level).toBe(rules.level);
    expect(out.opinion.indicators.map((i) => i.id)).toEqual(["lure_easy_work_high_pay"]);
    expect(out.opinion.discarded.map((d) => d.id)).toEqual(["fl_violence"]);
  });

  it("spends the person's and the total daily budget", async () => {
    const analyser = world.analyser({ config: { OPENAI_USER_DAILY_BUDGET: 1, OPENAI_DAILY_BUDGET: 2 } });
    const rules = rulesOf(OFFER);
    expect((await analyser.checkOpinion({ texts: [OFFER], rules, ref: "a" })).status).toBe("done");
    expect(await analyser.checkOpinion({ texts: [OFFER], rules, ref: "a" })).toEqual({
      status: "skipped",
      reason: "budget",
    });
    expect((await analyser.checkOpinion({ texts: [OFFER], rules, ref: "b" })).status).toBe("done");
    expect(await analyser.checkOpinion({ texts: [OFFER], rules, ref: "c" })).toEqual({
      status: "skipped",
      reason: "budget",
    });
    expect(world.ai.requests).toHaveLength(2);
  });

  it("fails on a dead server, counts towards the circuit, and is skipped while it is open", async () => {
    const down = world.analyser({
      config: { OPENAI_BASE_URL: await FakeOpenAI.closedPortUrl() },
      breaker: { failures: 1, coolDownMs: 5_000 },
    });
    const rules = rulesOf(OFFER);
    expect(await down.checkOpinion({ texts: [OFFER], rules, ref: "a" })).toEqual({
      status: "failed",
      reason: "network",
    });
    expect(await world.redis.exists(world.keys.llmCircuitOpen())).toBe(1);
    expect(await world.analyser().checkOpinion({ texts: [OFFER], rules, ref: "a" })).toEqual({
      status: "skipped",
      reason: "circuit_open",
    });
    expect(world.ai.requests).toHaveLength(0);
  });

  it("records invalid output as needs_review", async () => {
    world.ai.setDefault("second_opinion", { content: "{not json" });
    const out = await world.analyser().checkOpinion({ texts: [OFFER], rules: rulesOf(OFFER), ref: "a" });
    expect(out).toEqual({ status: "needs_review", reason: "malformed_json" });
  });
});

describe("the section under a check reply", () => {
  const t = (key: string, args?: Record<string, string | number>) =>
    args ? `${key}(${Object.values(args).join(",")})` : key;
  const opinion = (over: Partial<GuardedOpinion>): GuardedOpinion => ({
    ruleLevel: "medium",
    modelLevel: "medium",
    level: "medium",
    indicators: [],
    discarded: [],
    ...over,
  });

  it("is absent when the opinion only agrees, or would lower the level", () => {
    expect(withOpinion(t, "reply", opinion({}))).toBeUndefined();
    expect(withOpinion(t, "reply", opinion({ modelLevel: "low" }))).toBeUndefined();
    expect(
      withOpinion(
        t,
        "reply",
        opinion({ indicators: [{ id: "dest_cambodia", quote: "Kamboja", added: false }] }),
      ),
    ).toBeUndefined();
    // The injection finding is the guards' own, already among the rules' reasons.
    expect(
      withOpinion(
        t,
        "reply",
        opinion({ indicators: [{ id: "proc_model_injection", quote: "abaikan", added: true }] }),
      ),
    ).toBeUndefined();
  });

  it("appends the added reasons and the raised level after the unchanged reply, within 4096 characters", () => {
    const raised = opinion({
      level: "high",
      modelLevel: "high",
      indicators: [{ id: "lure_easy_work_high_pay", quote: "gaji besar", added: true }],
    });
    const text = withOpinion(t, "reply", raised)!;
    expect(text.startsWith("reply\n\ncheck-opinion-title")).toBe(true);
    expect(text).toContain("check-opinion-level(");
    expect(text).toContain("• screening-indicator-lure_easy_work_high_pay — “gaji besar”");

    // renderScreening keeps a reply within 3800 characters; not every reason fits under it.
    const long = "x".repeat(3800);
    const many = opinion({
      indicators: Array.from({ length: 6 }, (_, i) => ({
        id: `id_${i}`,
        quote: "q".repeat(200),
        added: true,
      })),
    });
    const clipped = withOpinion(t, long, many)!;
    expect(clipped.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    expect(clipped.startsWith(long)).toBe(true);
    const shown = clipped.split("\n• ").length - 1;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(4);
    // No room for any reason and no raised level: nothing worth an edit.
    expect(withOpinion(t, "x".repeat(4050), many)).toBeUndefined();
  });
});
