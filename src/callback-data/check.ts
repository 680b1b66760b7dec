/** Buttons under a check's answer: details on demand, feedback, report, another check, the urgent report. */
import { z } from "zod";
import { defineCallbackData } from "#src/callback-data/pack.js";

const checkId = z.string().regex(/^[A-Za-z0-9_-]{8,16}$/);

export const VERDICT_ACTIONS = ["why", "do", "share", "up", "down"] as const;
export type VerdictAction = (typeof VERDICT_ACTIONS)[number];

/** "Why? (N more)", "What to do", "Share a warning", 👍, 👎 under a verdict. */
export const verdictData = defineCallbackData(
  "vd",
  ["action", "check"],
  z.object({ action: z.enum(VERDICT_ACTIONS), check: checkId }),
);

/** 🆘 under the answer to urgent words: the urgent report with what was said already in it. */
export const urgentReportData = defineCallbackData("ur", ["check"], z.object({ check: checkId }));

/** "Report this" under a check's answer: the report with the checked text already in it. */
export const reportThisData = defineCallbackData("rt", ["check"], z.object({ check: checkId }));

/** "Check another" under a check's answer. */
export const checkAnotherData = "chk:again";
