/**
 * `npm run screenshot`: the README's picture of the playground (docs/playground.png), taken from a
 * seeded playground in the machine's Chromium (CHROMIUM_BIN, default /usr/bin/chromium).
 */
import { join } from "node:path";
import { chromium } from "playwright-core";
import { startPlayground } from "#src/playground/run.js";

const OFFER =
  "LOKER KAMBOJA 🇰🇭 CS online, gaji 1.000 USD/bulan, tanpa pengalaman, tiket & mess gratis. Cukup paspor, berangkat minggu ini! WA 0812-3456-7890";

const playground = await startPlayground({
  port: 0,
  seed: true,
  env: { REDIS_URL: undefined },
  out: () => {},
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_BIN ?? "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(`${playground.url}/?lang=en`);
  await page.locator("body[data-live='true']").waitFor();
  await page.getByLabel("Person", { exact: true }).selectOption({ index: 0 });
  await page.getByRole("textbox", { name: "Message", exact: true }).fill(OFFER);
  await page.keyboard.press("Enter");
  await page.locator("#person-messages li.bot", { hasText: "Risiko" }).waitFor();
  // An escalated case in the officers' group, and the Cambodia focal point's posts.
  await page.getByRole("navigation", { name: "Topics" }).getByRole("button").nth(5).click();
  await page.getByRole("navigation", { name: "Channels by destination" }).getByRole("button").first().click();
  await page.waitForTimeout(300);
  const path = join(import.meta.dirname, "..", "docs", "playground.png");
  await page.screenshot({ path });
  console.log(`Saved ${path}`);
} finally {
  await browser.close();
  await playground.stop();
}
