/**
 * "Add information" to one of the person's open reports: texts and screenshots until Done, then
 * stored as one addition. Ownership is checked when storing, not trusted from the button.
 */
import type { BotContext, BotDeps, InnerContext, Translate } from "#src/bot/context.js";
import {
  ConversationTooLong,
  Dialog,
  LONG_TEXT_MAX,
  MAX_ANSWERS,
  ReportCancelled,
  type ReportConversation,
} from "#src/bot/conversations/report/dialog.js";
import type { MediaItem } from "#src/bot/conversations/report/draft.js";
import { MAX_MEDIA, MAX_TEXTS, mediaOf } from "#src/bot/conversations/report/steps/offer.js";
import { mainMenu } from "#src/bot/keyboards/main-menu.js";
import type { Locale } from "#src/config.js";

export const ADD_INFORMATION_CONVERSATION = "add-information";

export interface AddInformationOptions {
  locale: Locale;
  reportId: string;
}

async function store(
  outer: BotContext,
  reportId: string,
  texts: string[],
  media: MediaItem[],
): Promise<"ok" | "refused"> {
  const { deps } = outer;
  const report = await deps.reports.get(reportId);
  const ref = deps.pseudonymize("user", outer.from!.id);
  if (!report || report.reporterRef !== ref) return "refused";
  const result = await deps.reports.addInformation(
    reportId,
    { text: texts.length ? texts.join("\n\n") : undefined, media: media.length ? media : undefined },
    "reporter",
  );
  if (!result.ok) return "refused";
  await deps.cases.changed(result.report);
  return "ok";
}

export function createAddInformationConversation(deps: Pick<BotDeps, "i18n">) {
  return async function addInformation(
    conversation: ReportConversation,
    ctx: InnerContext,
    options: AddInformationOptions,
  ) {
    const t: Translate = (key, args) => deps.i18n.t(options.locale, key, args);
    const sid = Math.floor((await conversation.random()) * 36 ** 4).toString(36);
    const d = new Dialog(conversation, ctx, t, sid, options.locale);
    const texts: string[] = [];
    const media: MediaItem[] = [];
    let prompt = t("add-info-question", { id: options.reportId });
    try {
      for (;;) {
        const some = texts.length + media.length > 0;
        const answer = await d.ask({
          step: "add",
          text: prompt,
          choices: some ? [[["done", t("report-button-done")]]] : [],
          accept: ["text", "photo", "document"],
          wrongInput: t("report-offer-wrong-input"),
          maxLength: LONG_TEXT_MAX,
          refuse: (a) => {
            if (a.kind === "text" && texts.length >= MAX_TEXTS)
              return t("report-offer-text-limit", { max: MAX_TEXTS });
            if (a.kind !== "photo" && a.kind !== "document") return undefined;
            if (media.length >= MAX_MEDIA) return t("report-offer-media-limit", { max: MAX_MEDIA });
            const item = mediaOf(a.message);
            return "refused" in item ? t(item.refused) : undefined;
          },
        });
        if (answer.kind === "choice") break;
        if (answer.kind === "text") texts.push(answer.text);
        else if (answer.kind === "photo" || answer.kind === "document") {
          const item = mediaOf(answer.message);
          if ("refused" in item) continue; // refused by the question; kept for the type
          media.push(item);
          if (answer.message.caption) texts.push(answer.message.caption);
        }
        prompt = t("report-offer-received", {
          texts: texts.length,
          screenshots: media.length,
          max: MAX_MEDIA,
        });
      }
      const outcome = await d.external((outer: BotContext) => store(outer, options.reportId, texts, media));
      await d.say(
        outcome === "ok"
          ? t("add-info-saved", { id: options.reportId })
          : t("add-info-refused", { id: options.reportId }),
        { keyboard: mainMenu(t) },
      );
    } catch (error) {
      if (error instanceof ConversationTooLong) {
        await d.say(t("conversation-too-long", { max: MAX_ANSWERS }), { keyboard: mainMenu(t) });
        return;
      }
      if (!(error instanceof ReportCancelled)) throw error;
      await d.say(t("add-info-cancelled"), { keyboard: mainMenu(t) });
    }
  };
}
