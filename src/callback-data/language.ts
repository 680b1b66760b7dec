import { z } from "zod";
import { defineCallbackData } from "#src/callback-data/pack.js";

export const languageData = defineCallbackData(
  "lang",
  ["locale"],
  z.object({ locale: z.enum(["id", "en"]) }),
);
