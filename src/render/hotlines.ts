/** Hotlines for a destination, from data/hotlines.json, always followed by Indonesia's own. */
import { z } from "zod";
import type { Translate } from "#src/render/translate.js";
import { readDataFile } from "#src/screening/data-files.js";

const Hotline = z.object({
  id: z.string(),
  country: z.string().length(2),
  name: z.string(),
  number: z.string().nullable(),
  source: z.string(),
});
const HotlineFile = z.object({ hotlines: z.array(Hotline) });

let hotlines: z.infer<typeof Hotline>[] | undefined;

function all(): z.infer<typeof Hotline>[] {
  hotlines ??= HotlineFile.parse(readDataFile("hotlines.json")).hotlines;
  return hotlines;
}

export function hotlinesFor(country: string | undefined): z.infer<typeof Hotline>[] {
  const destination = country ? all().filter((h) => h.country === country.toUpperCase()) : [];
  return [...destination, ...all().filter((h) => h.country === "ID")];
}

/** One line per hotline; a mission without a published number points to the official portal. */
export function renderHotlines(t: Translate, country: string | undefined): string {
  return hotlinesFor(country)
    .map((h) => {
      // Named in the reader's language; the data's own name only for a hotline without a message yet.
      const name = t("hotline-name", { hotline: h.id, name: h.name });
      return h.number ? `☎️ ${name}: ${h.number}` : `🏛 ${name}: ${t("hotline-no-number")}`;
    })
    .join("\n");
}
