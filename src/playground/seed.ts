/**
 * `--seed`: a dozen sample reports made the way people make them (through the real bot, in the
 * person's language), then triaged by the playground's officer into several states, so a new officer
 * opens a working group. The offers are from the labelled evaluation set (data/eval/dev-scam.jsonl).
 */
import { readFileSync } from "node:fs";
import { type CaseAction, caseActionData } from "#src/callback-data/case.js";
import type { Locale } from "#src/config.js";
import { fillReport, type ReportAnswers, sendReport } from "#src/playground/report-driver.js";
import type { PlaygroundWorld } from "#src/playground/world.js";
import { dataFilePath } from "#src/screening/data-files.js";

interface SampleReport {
  offer: string;
  name: string;
  language: Locale;
  role: "migrant" | "relative";
  answers: Omit<ReportAnswers, "offer">;
  /** What the officer does with the case card, in order. */
  triage: CaseAction[];
}

const SAMPLES: SampleReport[] = [
  {
    offer: "dev-scam-002",
    name: "Rizky",
    language: "id",
    role: "migrant",
    answers: { who: "self", country: "KH", money: "none" },
    triage: [],
  },
  {
    offer: "dev-scam-012",
    name: "Wulan",
    language: "id",
    role: "migrant",
    answers: { who: "self", country: "KH", money: "asked", moneyDetail: "Rp 3.500.000" },
    triage: ["take"],
  },
  {
    offer: "dev-scam-015",
    name: "Bu Siti",
    language: "id",
    role: "relative",
    answers: {
      who: "family_friend",
      country: "MM",
      departed: { relationship: "child", passportTaken: "yes" },
      consent: true,
    },
    triage: ["take", "escalate"],
  },
  {
    offer: "dev-scam-061",
    name: "Mark",
    language: "en",
    role: "migrant",
    answers: { who: "self", country: "TH" },
    triage: ["confirm"],
  },
  {
    offer: "dev-scam-039",
    name: "Dimas",
    language: "id",
    role: "migrant",
    answers: { who: "self", country: "KH", money: "paid", moneyDetail: "Rp 7.000.000" },
    triage: ["take", "confirm", "escalate"],
  },
  {
    offer: "dev-scam-016",
    name: "Yanti",
    language: "id",
    role: "relative",
    answers: { who: "family_friend", country: "LA" },
    triage: ["info"],
  },
  {
    offer: "dev-scam-063",
    name: "Joel",
    language: "en",
    role: "migrant",
    answers: { who: "self", country: "KH" },
    triage: ["take"],
  },
  {
    offer: "dev-scam-009",
    name: "Fajar",
    language: "id",
    role: "migrant",
    answers: { who: "self", country: "AE" },
    triage: ["notscam", "close"],
  },
  {
    offer: "dev-scam-026",
    name: "Pak Hasan",
    language: "id",
    role: "relative",
    answers: {
      who: "family_friend",
      country: "KH",
      departed: { relationship: "sibling", passportTaken: "unknown" },
    },
    triage: ["urgent", "take"],
  },
  {
    offer: "dev-scam-065",
    name: "Grace",
    language: "en",
    role: "relative",
    answers: { who: "family_friend", country: "LA", consent: true },
    triage: ["take", "confirm"],
  },
  {
    offer: "dev-scam-028",
    name: "Nur",
    language: "id",
    role: "migrant",
    answers: { who: "self", country: "KH" },
    triage: ["confirm", "close"],
  },
  {
    offer: "dev-scam-014",
    name: "Eko",
    language: "id",
    role: "migrant",
    answers: { who: "self", country: "TH", money: "asked", moneyDetail: "USD 500" },
    triage: [],
  },
];

function evalOffers(): Map<string, string> {
  const offers = new Map<string, string>();
  const text = readFileSync(dataFilePath("eval/dev-scam.jsonl"), "utf8");
  for (const line of text.split("\n").filter(Boolean)) {
    const entry = JSON.parse(line) as { id: string; text: string };
    offers.set(entry.id, entry.text);
  }
  return offers;
}

/**
 * Makes the sample reports one after another and waits until every case card is in the group
 * (cards are posted at most 20 a minute, as Telegram allows in a group, so the last may wait).
 */
export async function seedReports(world: PlaygroundWorld): Promise<number> {
  const offers = evalOffers();
  const officer = world.snapshot().officers.find((o) => o.status === "administrator")!;
  const ids: string[] = [];
  for (const sample of SAMPLES) {
    const offer = offers.get(sample.offer);
    if (!offer) throw new Error(`seed: no offer ${sample.offer} in data/eval/dev-scam.jsonl`);
    const persona = world.addPersona({ name: sample.name, language: sample.language, role: sample.role });
    const user = world.persona(persona.id);
    await fillReport(user, sample.language, { ...sample.answers, offer: [offer] });
    const id = await sendReport(user, sample.language);
    ids.push(id);
    if (sample.triage.length === 0) continue;
    const card = await waitForCard(world, id);
    for (const action of sample.triage) {
      await world.press(officer.id, world.group.id, card, caseActionData.pack({ id, action }));
    }
  }
  for (const id of ids) await waitForCard(world, id);
  return ids.length;
}

async function waitForCard(world: PlaygroundWorld, id: string): Promise<number> {
  // An open case's card has Take; a closed one keeps only Reopen.
  const mine = new Set([
    caseActionData.pack({ id, action: "take" }),
    caseActionData.pack({ id, action: "reopen" }),
  ]);
  const deadline = Date.now() + 90_000;
  for (;;) {
    const card = world.group
      .messages()
      .find(
        (m) => m.from === "bot" && m.buttons?.flat().some((b) => b.data !== undefined && mine.has(b.data)),
      );
    if (card) return card.messageId;
    if (Date.now() > deadline) throw new Error(`seed: no case card for ${id} in the officers' group`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
