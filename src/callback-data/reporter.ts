/** Buttons a reporter presses about her own cases: in My reports, and after answering an officer. */
import { z } from "zod";
import { defineCallbackData } from "#src/callback-data/pack.js";

const reportId = z.string().regex(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

/** "Add information" under an open case in My reports. */
export const addInformationData = defineCallbackData("add", ["id"], z.object({ id: reportId }));

/** "Reply" under an open case in My reports: her next message goes to the officers. */
export const replyToCaseData = defineCallbackData("rply", ["id"], z.object({ id: reportId }));

/** "Send this to the officers too?": Yes or No, for her message number `message`. */
export const followUpData = defineCallbackData(
  "rfu",
  ["answer", "message"],
  z.object({ answer: z.enum(["y", "n"]), message: z.string().regex(/^\d{1,12}$/) }),
);
