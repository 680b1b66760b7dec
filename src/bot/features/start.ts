/**
 * /start, also from links: `?start=check` lands in checking ("send me the offer"), `?start=report`
 * starts a report, `?start=c-<campaign>` (a village, a poster, a radio spot) is the usual welcome,
 * counted for that campaign. Anything else in the link is ignored: the usual welcome.
 */
import { Composer } from "grammy";
import type { BotContext } from "#src/bot/context.js";
import { mainMenu } from "#src/bot/keyboards/main-menu.js";
import { startReport } from "#src/bot/start-report.js";
import { Campaigns, parseCampaign } from "#src/reports/campaigns.js";

const composer = new Composer<BotContext>();
const feature = composer.chatType("private");

feature.command("start", async (ctx) => {
  const payload = ctx.match.trim();
  if (payload === "check") return void (await ctx.reply(ctx.t("check-prompt")));
  if (payload === "report") return startReport(ctx, {});
  const campaign = parseCampaign(payload);
  if (campaign)
    await new Campaigns(ctx.deps.redis, ctx.deps.keys).arrived(
      ctx.deps.pseudonymize("user", ctx.from.id),
      campaign,
    );
  const { OPERATOR_NAME, OPERATOR_CONTACT } = ctx.deps.config;
  let text = ctx.t("start-welcome", { name: ctx.from.first_name, operator: OPERATOR_NAME });
  if (OPERATOR_CONTACT) text += `\n${ctx.t("start-welcome-contact", { contact: OPERATOR_CONTACT })}`;
  await ctx.reply(text, { link_preview_options: { is_disabled: true }, reply_markup: mainMenu(ctx.t) });
});

export { composer as startFeature };
