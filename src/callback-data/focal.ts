import { z } from "zod";
import { defineCallbackData } from "#src/callback-data/pack.js";
import { FOCAL_ANSWERS } from "#src/reports/focal-responses.js";

/** A focal point's answer under a channel post: `fp:K7QM-4T2X:located`. */
export const focalAnswerData = defineCallbackData(
  "fp",
  ["id", "answer"],
  z.object({ id: z.string().regex(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/), answer: z.enum(FOCAL_ANSWERS) }),
);
