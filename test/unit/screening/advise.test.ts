import { describe, expect, it } from "vitest";
import { adviseOn, loadHotlines } from "#src/screening/advise.js";
import { CatalogueSchema, readCatalogueFile } from "#src/screening/catalogue.js";
import type { IndicatorHit } from "#src/screening/types.js";

const catalogue = CatalogueSchema.parse(readCatalogueFile());
const hotlines = loadHotlines();
const hit = (id: string, points = 3): IndicatorHit => ({
  id,
  category: "x",
  strength: 3,
  points,
  source: "phrase",
  message: { key: `screening-indicator-${id}` },
  evidence: [],
});

describe("advice", () => {
  it("chooses advice by the indicators, most important first, with the destination's hotline", () => {
    const advice = adviseOn({
      kind: "offer",
      level: "high",
      indicators: [hit("cost_upfront_fee"), hit("proc_tourist_visa"), hit("dest_cambodia")],
      destinations: ["KH"],
      catalogue,
      hotlines,
    });
    const keys = advice.map((a) => a.key);
    expect(keys.indexOf("screening-advice-non-placement-country")).toBeLessThan(
      keys.indexOf("screening-advice-no-fees"),
    );
    expect(keys.indexOf("screening-advice-no-tourist-visa")).toBeLessThan(
      keys.indexOf("screening-advice-no-fees"),
    );
    expect(advice).toContainEqual({
      key: "screening-advice-hotline",
      args: {
        hotline: "kh-kbri-phnom-penh",
        name: expect.stringContaining("Phnom Penh"),
        number: "+855 12 813 282",
      },
    });
    expect(advice).toContainEqual({
      key: "screening-advice-hotline",
      args: { hotline: "id-kp2mi", name: expect.stringContaining("BP2MI"), number: "0800-1000" },
    });
  });

  it("names the embassy without inventing a number when none is documented", () => {
    const advice = adviseOn({
      kind: "offer",
      level: "high",
      indicators: [hit("dest_myanmar")],
      destinations: ["MM"],
      catalogue,
      hotlines,
    });
    expect(advice).toContainEqual({
      key: "screening-advice-hotline-no-number",
      args: { hotline: "mm-kbri-yangon", name: "KBRI Yangon" },
    });
  });

  it("ships no hotline number that is not cited", () => {
    for (const h of hotlines) if (h.number !== null) expect(h.source).toMatch(/S\d+/);
  });
});
