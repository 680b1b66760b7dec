import { writeFileSync } from "node:fs";
import { it } from "vitest";
import { text } from "#src/playground/report-driver.js";
import { useRunningBot } from "../harness/running-bot.js";
import type { SimUser } from "../harness/telegram/index.js";

const bot = useRunningBot();
const t = (key: string, args?: Record<string, string | number>) => text("id", key, args);
const OFFER =
  "Lowongan ADMIN di Kamboja, gaji 15jt/bulan, tanpa pengalaman, tiket pesawat ditanggung. Hubungi WA 0812-3456-7890";

interface Move {
  type?: string;
  tap?: string;
  fallback?: string;
  next: string;
}

async function walk(user: SimUser, moves: Move[]) {
  let actions = 0;
  let refusals = 0;
  for (const m of moves) {
    actions++;
    if (m.type) await user.send(m.type);
    else await user.click(m.tap!);
    try {
      await user.waitForBotMessage({
        predicate: (x) => (x.text ?? "").includes(m.next),
        timeoutMs: m.fallback ? 2500 : 8000,
      });
    } catch (e) {
      if (!m.fallback) throw e;
      refusals++;
      actions++;
      await user.click(m.fallback);
      await user.waitForBotMessage({ predicate: (x) => (x.text ?? "").includes(m.next), timeoutMs: 8000 });
    }
  }
  return { actions, refusals, botMessages: user.botMessages().length };
}

function moves(typer: boolean): Move[] {
  const s = (typed: string, tap: string, next: string): Move =>
    typer ? { type: typed, fallback: tap, next } : { tap, next };
  return [
    { type: "/start", next: "Waspada" },
    typer
      ? { type: "/report", next: t("report-who-question") }
      : { tap: t("menu-report"), next: t("report-who-question") },
    s("keluarga", t("report-who-family_friend"), t("report-offer-question", { max: 10 }).slice(0, 20)),
    { type: OFFER, next: t("report-button-done").slice(3) },
    s("selesai", t("report-button-done"), t("report-contacts-found", { list: "" }).slice(0, 20)),
    s("lanjut", t("report-button-continue"), t("report-destination-question")),
    s("kamboja", "✓ Kamboja", t("report-city-question")),
    typer
      ? { type: "Bavet", next: t("report-job-question") }
      : { tap: t("report-button-skip"), next: t("report-job-question") },
    typer
      ? { type: "admin", next: t("report-salary-question") }
      : { tap: t("report-button-skip"), next: t("report-salary-question") },
    typer
      ? { type: "gak tau", fallback: t("report-button-skip"), next: t("report-money-question") }
      : { tap: t("report-button-skip"), next: t("report-money-question") },
    s("sudah bayar", t("report-money-paid"), t("report-money-detail-question")),
    { type: "3 juta ke pak Budi", next: t("report-passport-question") },
    s("tidak", t("answer-no"), t("report-departed-question")),
    s("iya", t("answer-yes"), t("report-departed-who")),
    s("anak", t("relationship-child"), t("report-departed-when")),
    typer
      ? { type: "kemarin", next: t("report-departed-last-contact") }
      : { tap: t("report-button-skip"), next: t("report-departed-last-contact") },
    typer
      ? { type: "tadi pagi lewat WA", next: t("report-departed-whereabouts") }
      : { tap: t("report-button-skip"), next: t("report-departed-whereabouts") },
    typer
      ? { type: "di Bavet, hp nya ditahan", next: t("report-departed-can-communicate") }
      : { tap: t("report-button-skip"), next: t("report-departed-can-communicate") },
    s("ngga", t("answer-no"), t("report-departed-passport-taken")),
    s("iya", t("answer-yes"), t("report-or-buttons")),
    s("tidak ada", t("report-button-skip"), t("report-consent-question").slice(0, 30)),
    s("boleh", t("report-consent-yes"), t("report-or-buttons")),
    s("lewati", t("report-button-skip"), t("report-summary-title")),
    s("kirim", t("report-button-send"), t("report-sent", { id: "" }).slice(0, 20)),
  ];
}

it("measure", async () => {
  const out: Record<string, unknown> = {};
  for (const typer of [false, true]) {
    const user = bot.tg.createUser({ firstName: typer ? "Ibu" : "Sari", languageCode: "id" });
    out[typer ? "typer" : "tapper"] = await walk(user, moves(typer));
  }
  writeFileSync(`/tmp/i14b/measure-${process.env.MEASURE ?? "x"}.json`, JSON.stringify(out));
}, 180_000);
