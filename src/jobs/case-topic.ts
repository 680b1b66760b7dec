/**
 * A message from the bot into a case's place in the moderator group: its forum topic, or a reply
 * to its card in a group without topics. Reminders and focal points' requests go there, so the
 * officers on the case see them beside the card.
 */
import type { Api } from "grammy";
import type { CaseCards } from "#src/jobs/case-card.js";

/** Posts `text` beside the case's card; undefined when the case has no card (no moderator group). */
export type PostToCase = (reportId: string, text: string) => Promise<number | undefined>;

export function createCaseTopicPoster(api: Api, cards: Pick<CaseCards, "locate">): PostToCase {
  return async (reportId, text) => {
    const where = await cards.locate(reportId);
    if (!where) return undefined;
    const message = await api.sendMessage(where.chatId, text, {
      link_preview_options: { is_disabled: true },
      ...(where.threadId !== undefined
        ? { message_thread_id: where.threadId }
        : where.messageId !== undefined
          ? { reply_parameters: { message_id: where.messageId, allow_sending_without_reply: true } }
          : {}),
    });
    return message.message_id;
  };
}
