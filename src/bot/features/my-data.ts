/**
 * The person's data rights (UU 27/2022): /mydata shows what is stored about them; /delete erases
 * their reporter record and contact details and detaches their identity from their reports, which
 * stay for the officers, anonymised. Deleting asks for a confirmation first.
 */
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "#src/bot/context.js";
import { erasePerson } from "#src/privacy/erasure.js";

const CONFIRM = "del:yes";
const ABORT = "del:no";

const composer = new Composer<BotContext>();
const feature = composer.chatType("private");

feature.command("mydata", async (ctx) => {
  const ref = ctx.deps.pseudonymize("user", ctx.from.id);
  const reporter = await ctx.deps.reports.reporterOf(ref);
  const lines = [ctx.t("mydata-title"), "", ctx.t("mydata-language", { language: ctx.t("language-name") })];
  if (!reporter) {
    lines.push(ctx.t("mydata-no-reports"));
  } else {
    lines.push(
      ctx.t("mydata-reports", {
        count: reporter.reportIds.length,
        ids: reporter.reportIds.join(", ") || "—",
      }),
    );
    lines.push(reporter.consent ? ctx.t("mydata-consent-yes") : ctx.t("mydata-consent-no"));
    lines.push(
      reporter.contactPhone
        ? ctx.t("mydata-phone", { phone: reporter.contactPhone })
        : ctx.t("mydata-no-phone"),
    );
  }
  lines.push("", ctx.t("mydata-delete-hint"));
  await ctx.reply(lines.join("\n"));
});

feature.command("delete", async (ctx) => {
  const keyboard = new InlineKeyboard()
    .text(ctx.t("delete-confirm"), CONFIRM)
    .row()
    .text(ctx.t("delete-abort"), ABORT);
  await ctx.reply(ctx.t("delete-question"), { reply_markup: keyboard });
});

feature.callbackQuery(ABORT, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t("delete-aborted")).catch(() => {});
});

feature.callbackQuery(CONFIRM, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { deps } = ctx;
  const ref = deps.pseudonymize("user", ctx.from.id);
  const chatRef = deps.pseudonymize("chat", ctx.chat.id);
  await ctx.conversation.exitAll();
  const { reports } = await erasePerson(deps, { userRef: ref, chatRef });
  // Texts read from screenshots this chat sent (checks and unfinished reports).
  await deps.screenshots.eraseChat(chatRef);
  // Say it before the session goes: the reply needs the language one last time.
  await ctx
    .editMessageText(ctx.t("delete-done", { count: reports }))
    .catch(() => ctx.reply(ctx.t("delete-done", { count: reports })));
  ctx.session = null as unknown as typeof ctx.session;
  ctx.logger.info({ reports }, "reporter erased their data");
});

export { composer as myDataFeature };
