import { describe, expect, it } from "vitest";
import type { Locale } from "#src/config.js";
import { fillReport, sendReport, text, waitForStep, waitForText } from "#src/playground/report-driver.js";
import { useRunningBot } from "../harness/running-bot.js";

const bot = useRunningBot();

const OFFER_ID =
  "Lowongan ADMIN di Kamboja, gaji 15jt/bulan, tanpa pengalaman, tiket pesawat ditanggung, berangkat pakai visa wisata. " +
  "Hubungi WA 0812-3456-7890";
const OFFER_EN =
  "Customer service job in Cambodia, salary USD 1,200 per month, no experience needed, free ticket and housing. " +
  "Go on a tourist visa first. Contact @cs_recruit_kh";

async function storedReport(id: string) {
  const report = await bot.app.reports.get(id);
  if (!report) throw new Error(`report ${id} not stored`);
  return report;
}

describe("full reports for each kind of reporter", () => {
  const kinds = ["self", "family_friend", "abroad", "other"] as const;
  const locales: Locale[] = ["id", "en"];
  for (const locale of locales) {
    for (const who of kinds) {
      it(`${who} in ${locale === "id" ? "Indonesian" : "English"}`, async () => {
        const user = bot.tg.createUser({ firstName: "Wati", languageCode: locale });
        const summary = await fillReport(user, locale, {
          who,
          offer: [locale === "id" ? OFFER_ID : OFFER_EN],
          country: "KH",
          job: "admin",
          money: "paid",
          moneyDetail: "Rp 3.500.000 ke rekening BCA 1234567890",
          consent: who !== "other",
        });
        expect(summary).toContain(text(locale, `report-who-${who}`));
        const id = await sendReport(user, locale);
        const report = await storedReport(id);
        expect(report).toMatchObject({
          reporterKind: who,
          locale,
          status: "received",
          urgent: false,
          destination: { country: "KH" },
          jobTitle: "admin",
          money: { paid: "paid" },
          contactConsent: who !== "other",
        });
        expect(report.offer.texts[0]?.text).toBe(locale === "id" ? OFFER_ID : OFFER_EN);
        expect(["high", "critical"]).toContain(report.screening.level);
        expect(report.recruiter.identifiers.length).toBeGreaterThan(0);
      });
    }
  }
});

describe("someone already left", () => {
  it("marks the report urgent, shows the destination's hotlines at once, and keeps a shared location", async () => {
    const ibu = bot.tg.createUser({ firstName: "Siti", languageCode: "id" });
    const summary = await fillReport(ibu, "id", {
      who: "family_friend",
      offer: [OFFER_ID],
      country: "KH",
      departed: {
        relationship: "child",
        passportTaken: "yes",
        location: { latitude: 10.6093, longitude: 103.5296 },
      },
    });
    const chat = ibu.chat().map((m) => m.text ?? "");
    const hotlines = chat.find((t) => t.includes(text("id", "report-urgent-hotlines")));
    expect(hotlines).toContain("+855 12 813 282");
    expect(hotlines).toContain("0800-1000");
    expect(summary).toContain(text("id", "report-summary-urgent"));
    const id = await sendReport(ibu, "id");
    expect(ibu.lastBotMessage()?.text).toContain("0800-1000");
    const report = await storedReport(id);
    expect(report.urgent).toBe(true);
    expect(report.departed).toMatchObject({
      relationship: "child",
      passportTaken: "yes",
      location: { latitude: 10.6093, longitude: 103.5296 },
    });
  });

  it("'Someone is in danger now' shows help first, then asks about the person before the offer", async () => {
    const user = bot.tg.createUser({ firstName: "Rudi", languageCode: "en" });
    await user.send("/start");
    await waitForText(user, "Hello Rudi");
    await user.click(text("en", "menu-danger"));
    const help = await waitForText(user, "0800-1000");
    expect(help.text).toContain("call for help first");
    await waitForStep(user, "en", 1);
    await user.click(text("en", "report-who-family_friend"));
    // The person who left is the second step here, and the counter says so (it never jumps).
    const left = await waitForStep(user, "en", 2);
    expect(left.text).toContain(text("en", "report-departed-question"));
  });
});
