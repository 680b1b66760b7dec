/** `npm run eval -- --llm`, against the fake server only (a real endpoint is never part of CI). */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { EVAL_SETS, evalCommand, evaluateWithModel } from "#src/cli/eval.js";
import { FakeOpenAI } from "../../harness/openai/index.js";

let ai: FakeOpenAI;
beforeAll(async () => {
  ai = await FakeOpenAI.start();
});
afterAll(async () => {
  await ai.stop();
});

const env = () => ({ OPENAI_API_KEY: "sk-eval", OPENAI_BASE_URL: ai.baseURL, OPENAI_MODEL: "fake-small-1" });

describe("eval with the model", () => {
  it("keeps the rules' results when the model finds nothing, and raises them with quotes found in the offer", async () => {
    ai.reset();
    const same = await evaluateWithModel(EVAL_SETS.hard, env());
    expect(same.withModel.overall).toEqual(same.rules.overall);
    expect(ai.of("second_opinion")).toHaveLength(same.rules.rows.length);

    // A model that calls everything critical, quoting the first word of each offer.
    ai.reset();
    ai.respondWith((request) => {
      const offer = /<<<OFFER\n([\s\S]*)\nOFFER>>>/.exec(request.userText)?.[1] ?? "";
      return {
        content: { indicators: [{ id: "fl_violence", quote: offer.split(/\s+/)[0] }], level: "critical" },
      };
    });
    const raised = await evaluateWithModel(EVAL_SETS.hard, env());
    expect(raised.withModel.overall.tp).toBeGreaterThanOrEqual(raised.rules.overall.tp);
    expect(raised.withModel.overall.fn).toBe(0);
  });

  it("prints the rules-only and rules+model tables side by side", async () => {
    ai.reset();
    const lines: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((line?: unknown) => {
      lines.push(String(line ?? ""));
    });
    try {
      expect(await evalCommand(["--llm"], env())).toBe(0);
    } finally {
      log.mockRestore();
    }
    const out = lines.join("\n");
    expect(out).toMatch(/== development set: rules only ==\s+│ == development set: rules \+ model ==/);
    expect(out).toContain("== hard cases: rules + model ==");
  });

  it("refuses to run without a configured model", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(await evalCommand(["--llm"], {})).toBe(2);
    } finally {
      error.mockRestore();
    }
  });
});
