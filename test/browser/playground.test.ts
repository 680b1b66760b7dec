/**
 * The playground in a real browser: a person checks an offer and reports it to a case number, an
 * officer takes the case in the moderator group (a plain member may not), and the focal-point
 * channel shows the post. Screenshots go to .tmp/playground-screenshots/.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { text } from "#src/playground/report-driver.js";
import { freePort, TestRedis } from "../harness/redis.js";
import {
  interrupt,
  launchBrowser,
  type PlaygroundProcess,
  SCREENSHOTS,
  startPlayground,
} from "./playground-process.js";

const OFFER =
  "Dibutuhkan CS online di Kamboja, gaji 15jt/bulan, tanpa pengalaman, tiket pesawat gratis. Berangkat minggu ini, cukup paspor. WA 0812-3456-7890";

let playground: PlaygroundProcess;
let browser: Browser;
let page: Page;

const person = () => page.locator("#person-messages");
const group = () => page.locator("#group-messages");

/** Waits until some message in the list contains the text (bot replies arrive live, by SSE). */
async function waitForMessage(list: Locator, fragment: string): Promise<Locator> {
  const message = list.locator("li.message", { hasText: fragment }).last();
  await message.waitFor({ timeout: 15_000 });
  return message;
}

/** Presses the newest inline button with this label in a list. */
async function press(list: Locator, label: string): Promise<void> {
  const button = list.getByRole("button", { name: label, exact: true }).last();
  await button.waitFor({ timeout: 15_000 });
  await button.click();
}

async function sendAsPerson(message: string): Promise<void> {
  await page.getByRole("textbox", { name: "Message", exact: true }).fill(message);
  await page.keyboard.press("Enter");
}

async function step(n: number): Promise<void> {
  await waitForMessage(person(), text("en", "report-progress", { step: n, total: 8 }));
}

beforeAll(async () => {
  playground = await startPlayground({ PLAYGROUND_PORT: String(await freePort()) });
  if (!playground.url) throw new Error(`the playground did not start:\n${playground.output()}`);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(playground.url);
  await page.locator("body[data-live='true']").waitFor();
});

afterAll(async () => {
  await browser?.close();
  if (playground) await interrupt(playground);
});

describe("the playground in a browser", () => {
  it("says what it made up, and every pane has an accessible name", async () => {
    expect(playground.output()).toContain("Throw-away DATA_KEY");
    for (const name of [
      "A person's private chat with the bot",
      "Moderator group (officers)",
      "Focal-point channels",
    ]) {
      await expect(page.getByRole("region", { name }).count()).resolves.toBe(1);
    }
    await expect(page.getByRole("log").count()).resolves.toBe(3);
  });

  it("a person pastes an offer and sees the verdict with its buttons", async () => {
    // Sari's Telegram is in Indonesian: the verdict comes in Indonesian.
    await sendAsPerson(OFFER);
    const verdict = await waitForMessage(person(), "Risiko");
    await expect(
      verdict.getByRole("button", { name: text("id", "check-button-report") }).count(),
    ).resolves.toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, "check.png") });
    // The full advice is one press away. Entities are drawn as Telegram draws them: its web address is a link.
    await press(person(), text("id", "verdict-button-do"));
    const advice = await waitForMessage(person(), text("id", "check-advice-title"));
    await expect(advice.locator("a[href^='http']").count()).resolves.toBeGreaterThan(0);
  });

  it("a relative reports the offer to a case number (typed /report and Send from the keyboard)", async () => {
    await page.getByLabel("Person", { exact: true }).selectOption({ label: "Agus · relative · English" });
    await page.getByRole("textbox", { name: "Message", exact: true }).focus();
    await page.keyboard.type("/report");
    await page.keyboard.press("Enter");
    await step(1);
    await press(person(), text("en", "report-who-self"));
    await step(2);
    await sendAsPerson(OFFER);
    await press(person(), text("en", "report-button-done"));
    await step(3);
    const contacts = person().locator("li.message.bot").last();
    const proceed = (await contacts
      .getByRole("button", { name: text("en", "report-button-continue") })
      .count())
      ? "report-button-continue"
      : "report-button-skip";
    await press(person(), text("en", proceed));
    await step(4);
    // The destination may be prefilled from the offer (Cambodia); otherwise choose it.
    const destination = person().locator("li.message.bot").last();
    await destination
      .getByRole("button", { name: /Cambodia/ })
      .first()
      .click();
    await waitForMessage(person(), text("en", "report-city-question"));
    await press(person(), text("en", "report-button-skip"));
    await waitForMessage(person(), text("en", "report-job-question"));
    await press(person(), text("en", "report-button-skip"));
    await waitForMessage(person(), text("en", "report-salary-question"));
    await press(person(), text("en", "report-button-skip"));
    await step(5);
    await press(person(), text("en", "report-button-skip"));
    await waitForMessage(person(), text("en", "report-passport-question"));
    await press(person(), text("en", "answer-no"));
    await step(6);
    await press(person(), text("en", "answer-no"));
    await step(7);
    await press(person(), text("en", "report-consent-yes"));
    // The reply keyboard's request_contact button shares the persona's own (fictional) number.
    const share = page
      .getByRole("group", { name: "Reply keyboard" })
      .getByRole("button", { name: text("en", "report-button-share-phone") });
    await share.click();
    await person().locator("li.message.user", { hasText: "+628120000" }).waitFor();
    await step(8);
    // Keyboard only: Tab to the Send button and press Enter.
    const send = person()
      .getByRole("button", { name: text("en", "report-button-send") })
      .last();
    await send.focus();
    await page.keyboard.press("Enter");
    const sent = await waitForMessage(person(), "case number");
    const caseId = /([A-Z0-9]{4}-[A-Z0-9]{4})/.exec((await sent.textContent()) ?? "")?.[1];
    expect(caseId).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await page.screenshot({ path: join(SCREENSHOTS, "report-sent.png") });

    // The moderator group shows the case in its own topic, opened by itself.
    const card = await waitForMessage(group(), caseId!);
    await expect(
      page.getByRole("navigation", { name: "Topics" }).getByRole("button", { pressed: true }).textContent(),
    ).resolves.toContain(caseId!);

    // A plain member may not act on it.
    await page.getByLabel("Acting as").selectOption({ label: "Tono (plain member)" });
    await card.getByRole("button", { name: text("en", "card-button-take") }).click();
    await page.locator(".toast", { hasText: text("en", "triage-not-officer") }).waitFor();

    // The administrator takes it; the card is edited in place and the person hears of it.
    await page.getByLabel("Acting as").selectOption({ label: "Lina (administrator)" });
    await card.getByRole("button", { name: text("en", "card-button-take") }).click();
    await page.locator(".toast", { hasText: text("en", "triage-taken") }).waitFor();
    await group()
      .locator("li.message.bot", { hasText: caseId! })
      .filter({ hasText: "edited" })
      .first()
      .waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, "officer-took-case.png") });

    // FORWARD_MODE=review (the default): a case leaves the country when an officer escalates it.
    await group()
      .locator("li.message.bot", { hasText: caseId! })
      .last()
      .getByRole("button", { name: text("en", "card-button-escalate") })
      .click();
    await page
      .locator(".toast", { hasText: text("en", "triage-done", { status: "" }).slice(0, 5) })
      .waitFor();

    // The focal point for Cambodia gets the case, without the reporter's name.
    await page
      .getByRole("navigation", { name: "Channels by destination" })
      .getByRole("button", { name: /Cambodia/ })
      .click();
    const post = await waitForMessage(page.locator("#channel-messages"), caseId!);
    const posted = (await post.textContent()) ?? "";
    expect(posted).not.toContain("Agus");
    expect(posted).not.toContain("+628120000");
    await page.screenshot({ path: join(SCREENSHOTS, "focal-channel.png") });
  });

  it("a new person forwards an offer and attaches a screenshot; officers ask for /stats and /export", async () => {
    await page.getByText("New person", { exact: true }).click();
    await page.getByLabel("Name", { exact: true }).first().fill("Putri");
    await page.getByRole("button", { name: "Create", exact: true }).click();
    await page.locator("#persona option:checked", { hasText: "Putri" }).waitFor({ state: "attached" });

    await page.getByText("↪ Forward a message").click();
    const forward = page.locator("#forward-form");
    await forward.getByLabel("Forwarded from").fill("Info Loker Kamboja");
    await forward.getByLabel("Message").fill(OFFER);
    await forward.getByRole("button", { name: "Forward", exact: true }).click();
    await waitForMessage(person(), "Forwarded from Info Loker Kamboja");
    await waitForMessage(person(), "Risiko");

    // A real PNG: the page shows the very bytes it uploaded, served back by the emulator.
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==",
      "base64",
    );
    await page.locator("#photo").setInputFiles({ name: "offer.png", mimeType: "image/png", buffer: png });
    const image = person().locator("li.message.user img").last();
    await image.waitFor();
    await expect(
      image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).resolves.toBe(2);

    await page.getByRole("navigation", { name: "Topics" }).getByRole("button", { name: "General" }).click();
    const groupBox = page.getByRole("textbox", { name: "Message to the group" });
    await groupBox.fill("/stats");
    await groupBox.press("Enter");
    await waitForMessage(group(), text("en", "stats-title", { days: 30, total: 1 }).split(":")[0]!);
    await groupBox.fill("/export");
    await groupBox.press("Enter");
    const csv = group().locator("li.message.bot a[download]").last();
    await csv.waitFor();
    const href = (await csv.getAttribute("href")) ?? "";
    const body = await page.evaluate(async (url) => (await fetch(url)).text(), href);
    expect(body.split("\n")[0]).toContain(",");
    await page.screenshot({ path: join(SCREENSHOTS, "tools-and-commands.png") });
  });

  it("works at phone width: the panes stack", async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(playground.url!);
    await phone.locator("body[data-live='true']").waitFor();
    const personBox = await phone.locator("#person").boundingBox();
    const groupBox = await phone.locator("#group").boundingBox();
    expect(personBox!.width).toBeLessThanOrEqual(390);
    expect(groupBox!.y).toBeGreaterThan(personBox!.y + personBox!.height - 1);
    await phone.screenshot({ path: join(SCREENSHOTS, "phone.png") });
    await phone.close();
  });
});

describe("a seeded playground", () => {
  it("--seed opens on a working group: a dozen cases in several states, posts at the focal points", async () => {
    const seeded = await startPlayground({ PLAYGROUND_PORT: String(await freePort()) }, ["--seed"]);
    try {
      expect(seeded.output()).toContain("Seeded 12 sample reports.");
      const seededPage = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await seededPage.goto(seeded.url!);
      await seededPage.locator("body[data-live='true']").waitFor();
      const topicButtons = seededPage.getByRole("navigation", { name: "Topics" }).getByRole("button");
      await topicButtons.nth(12).waitFor(); // General and one topic per case
      const cards = seededPage.locator("#group-messages");
      const history = new Set<string>();
      for (let i = 1; i <= 12; i++) {
        await topicButtons.nth(i).click();
        const card = await cards.locator("li.message.bot").first().textContent();
        for (const status of ["confirmed as a scam", "being reviewed", "needs more information", "closed"]) {
          if (card?.includes(status)) history.add(status);
        }
      }
      expect(history.size).toBeGreaterThanOrEqual(3);
      const channels = await seededPage
        .getByRole("navigation", { name: "Channels by destination" })
        .textContent();
      expect(channels).toMatch(/Cambodia \([1-9]/);
      await seededPage.screenshot({ path: join(SCREENSHOTS, "seeded.png") });
      await seededPage.close();
    } finally {
      await interrupt(seeded);
    }
  }, 180_000);
});

describe("starting and stopping", () => {
  it("a second start while one runs says so", async () => {
    const port = new URL(playground.url!).port;
    const second = await startPlayground({ PLAYGROUND_PORT: port });
    await expect(second.exited).resolves.toBe(1);
    expect(second.output()).toContain(`A Waspada playground is already running at http://127.0.0.1:${port}`);
  });

  it("a port taken by another program is named, with how to choose another", async () => {
    const { createServer } = await import("node:http");
    const other = createServer((_req, res) => res.end("not waspada"));
    const port = await freePort();
    await new Promise<void>((resolve) => other.listen(port, "127.0.0.1", resolve));
    try {
      const blocked = await startPlayground({ PLAYGROUND_PORT: String(port) });
      await expect(blocked.exited).resolves.toBe(1);
      expect(blocked.output()).toContain(`Port ${port} is in use by another program`);
      expect(blocked.output()).toContain(`PLAYGROUND_PORT=${port + 1} npm run playground`);
    } finally {
      other.close();
    }
  });

  it("without redis-server it says how to install it", async () => {
    const missing = await startPlayground({
      PLAYGROUND_PORT: String(await freePort()),
      REDIS_SERVER_BIN: "/nonexistent/redis-server",
    });
    await expect(missing.exited).resolves.toBe(1);
    expect(missing.output()).toContain("sudo apt-get install redis-server");
    expect(missing.output()).toContain("REDIS_URL");
  });

  it("with REDIS_URL it uses that Redis under a fresh prefix, and removes its keys at exit", async () => {
    const named = await TestRedis.start();
    const client = named.client();
    try {
      await client.set("someone-else:key", "kept");
      const own = await startPlayground({ PLAYGROUND_PORT: String(await freePort()), REDIS_URL: named.url });
      expect(own.output()).toContain("(REDIS_URL), under a fresh key prefix removed at exit");
      expect(own.output()).not.toContain("private redis-server");
      // Someone uses it: the bot writes its session and dedupe keys.
      const state = (await (await fetch(`${own.url}/api/state`)).json()) as {
        personas: Array<{ id: number }>;
      };
      await fetch(`${own.url}/api/act`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ type: "text", persona: state.personas[0]!.id, text: "/start" }),
      });
      let keys: string[] = [];
      for (let tries = 0; tries < 100 && keys.length < 2; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        keys = await client.keys("*");
      }
      expect(keys.some((key) => key.startsWith("waspada-playground-"))).toBe(true);
      expect(keys.filter((key) => !key.startsWith("waspada-playground-"))).toEqual(["someone-else:key"]);
      expect(await interrupt(own), own.output()).toBe(0);
      await expect(client.keys("*")).resolves.toEqual(["someone-else:key"]);
    } finally {
      client.disconnect();
      await named.stop();
    }
  });

  it("Ctrl-C stops everything and removes the Redis files", async () => {
    const own = await startPlayground({ PLAYGROUND_PORT: String(await freePort()) });
    const dir = /data in (\S+) \(removed at exit\)/.exec(own.output())?.[1];
    expect(dir && existsSync(dir)).toBe(true);
    const code = await interrupt(own);
    expect(code, own.output()).toBe(0);
    expect(existsSync(dir!)).toBe(false);
    expect(own.output()).toContain("Stopped; nothing left behind.");
  });
});
