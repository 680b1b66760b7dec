import { z } from "zod";
import { defineCallbackData } from "#src/callback-data/pack.js";

export const CASE_ACTIONS = [
  "take",
  "confirm",
  "notscam",
  "info",
  "escalate",
  "urgent",
  "close",
  "reveal",
  "reopen",
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** A button under a case card: `cs:K7QM-4T2X:take`. */
export const caseActionData = defineCallbackData(
  "cs",
  ["id", "action"],
  z.object({ id: z.string().regex(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/), action: z.enum(CASE_ACTIONS) }),
);
