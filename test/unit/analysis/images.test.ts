/** Screenshots reach the model only with OPENAI_SEND_IMAGES, downloaded through the Bot API. */
import { Api } from "grammy";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { downloadImages } from "#src/analysis/images.js";
import type { Media } from "#src/reports/report.js";
import { FakeTelegram } from "../../harness/telegram/index.js";
import { type AnalysisWorld, startAnalysisWorld } from "./world.js";

let world: AnalysisWorld;
let tg: FakeTelegram;
beforeAll(async () => {
  world = await startAnalysisWorld();
  tg = await FakeTelegram.start();
});
afterAll(async () => {
  await tg.stop();
  await world.close();
});
beforeEach(async () => {
  world.ai.reset();
  await world.redis.flushall();
});

async function photoFromUser(): Promise<Media> {
  const user = tg.createUser({ firstName: "Wati" });
  const message = await user.sendPhoto();
  const size = message.photo!.at(-1)!;
  return { kind: "photo", fileId: size.file_id, fileUniqueId: size.file_unique_id, fileSize: size.file_size };
}

describe("screenshots", () => {
  it("are downloaded with getFile and the file URL, and passed as data URLs", async () => {
    const media = await photoFromUser();
    const source = { api: new Api(tg.token, { apiRoot: tg.apiRoot }), apiRoot: tg.apiRoot, token: tg.token };
    const [url] = await downloadImages(source, [media, { ...media, fileId: "missing-file" }]);
    expect(url).toBe(`data:image/jpeg;base64,${tg.fileContents(media.fileId)!.toString("base64")}`);
    expect(tg.calls.some((c) => c.method === "getFile")).toBe(true);
  });

  it("go to the extraction only when OPENAI_SEND_IMAGES is on, and never as a URL with the token", async () => {
    const media = await photoFromUser();
    const source = { api: new Api(tg.token, { apiRoot: tg.apiRoot }), apiRoot: tg.apiRoot, token: tg.token };
    const images = (m: readonly Media[]) => downloadImages(source, m);
    const offer = { offer: { texts: [{ text: "Info lowongan ada di gambar" }], media: [media] } };

    await world.analyser({ images }).analyseReport((await world.report(offer)).report);
    expect(world.ai.of("extract")[0]?.images).toBe(0);

    world.ai.reset();
    world.ai.enqueue("extract", {
      content: {
        recruiters: [],
        agency: null,
        destination_country: "KH",
        destination_city: null,
        job_title: null,
        salary: null,
        fees: [],
        visa_type: "tourist",
        travel_route: [],
        language: "id",
        image_text: "Berangkat pakai VISA TURIS ke Kamboja",
      },
    });
    world.ai.enqueue("second_opinion", {
      content: { indicators: [{ id: "proc_tourist_visa", quote: "visa turis" }], level: "high" },
    });
    const { report } = await world.report({
      offer: { texts: [{ text: "Info lowongan ada di gambar." }], media: [media] },
    });
    const analysis = await world
      .analyser({ config: { OPENAI_SEND_IMAGES: true }, images })
      .analyseReport(report);
    const request = world.ai.of("extract")[0]!;
    expect(request.images).toBe(1);
    expect(request.raw).not.toContain(tg.token);
    expect(analysis.imagesSent).toBe(1);
    // A quote from the text read in the screenshot counts as being in the offer.
    expect(analysis.opinion?.indicators.map((i) => i.id)).toContain("proc_tourist_visa");
    expect(world.ai.of("second_opinion")[0]?.images).toBe(0);
  });
});
