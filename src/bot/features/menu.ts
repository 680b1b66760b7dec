/** The main menu's buttons, and /menu to show it again. */
import { Composer } from "grammy";
import type { BotContext } from "#src/bot/context.js";
import { languageKeyboard } from "#src/bot/keyboards/language.js";
import { mainMenu, menuData } from "#src/bot/keyboards/main-menu.js";
import { showMyReports } from "#src/bot/show-my-reports.js";
import { startReport, startUrgentReport } from "#src/bot/start-report.js";

const composer = new Composer<BotContext>();
const feature = composer.chatType("private");

feature.command("menu", async (ctx) => {
  await ctx.reply(ctx.t("menu-title"), { reply_markup: mainMenu(ctx.t) });
});

feature.callbackQuery(menuData.filter, async (ctx) => {
  const choice = menuData.unpack(ctx.callbackQuery.data);
  await ctx.answerCallbackQuery();
  switch (choice?.item) {
    case "check":
      return void (await ctx.reply(ctx.t("check-prompt")));
    case "report":
      return startReport(ctx, {});
    case "danger":
      return startUrgentReport(ctx);
    case "mine":
      return showMyReports(ctx);
    case "safe":
      return void (await ctx.reply(ctx.t("stay-safe", { operator: ctx.deps.config.OPERATOR_NAME }), {
        link_preview_options: { is_disabled: true },
      }));
    case "language":
      return void (await ctx.reply(ctx.t("language-choose"), { reply_markup: languageKeyboard(ctx) }));
    default:
      await ctx.reply(ctx.t("callback-expired"));
  }
});

export { composer as menuFeature };
