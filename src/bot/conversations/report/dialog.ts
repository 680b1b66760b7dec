/**
 * One question and its answer, the same way at every step of the report: a progress marker,
 * buttons where the answer is a choice, Skip where it is optional, Cancel always. Whatever else
 * arrives is answered (a sticker where text was asked, a button of an old message, a command) and
 * the question stands; nothing entered before is lost because the draft lives in the replay log.
 */
import type { Conversation } from "@grammyjs/conversations";
import { InlineKeyboard, type Keyboard } from "grammy";
import type { Message } from "grammy/types";
import type { BotContext, InnerContext, Translate } from "#src/bot/context.js";
import type { Locale } from "#src/config.js";
import { countryName } from "#src/render/country-name.js";

export type ReportConversation = Conversation<BotContext, InnerContext>;

export const TOTAL_STEPS = 8;

/** Longest answer kept for short fields (a city, a job title); offer texts have their own limit. */
export const SHORT_ANSWER_MAX = 300;
export const LONG_TEXT_MAX = 10_000;

/** Commands that keep working during a report: they are passed to the normal handlers. */
const PASS_THROUGH = new Set(["help", "privacy", "language", "mydata"]);

export class ReportCancelled extends Error {}

/**
 * Most answers one conversation keeps: every answer is a replayed update in its log, so the log —
 * and the time to replay it — stays bounded however long someone goes on. A whole report with a
 * few edits takes about 40.
 */
export const MAX_ANSWERS = 150;

/** The conversation reached MAX_ANSWERS; it ends with a clear message (nothing half-kept). */
export class ConversationTooLong extends Error {}

export type Answer =
  | { kind: "choice"; value: string }
  | { kind: "text"; text: string; message: Message }
  | { kind: "photo"; message: Message }
  | { kind: "document"; message: Message }
  | { kind: "contact"; message: Message }
  | { kind: "location"; message: Message };

export type AnswerKind = Answer["kind"];

export interface Question {
  /** Identifies the question in button data, so a button of an earlier question is recognised as old. */
  step: string;
  /** 1…8 for the progress marker; omitted for follow-up questions inside a step. */
  progress?: number;
  text: string;
  /** Choice buttons: [value, label] rows. */
  choices?: Array<Array<[string, string]>>;
  skip?: boolean;
  /** A reply keyboard (contact or location request) shown instead of inline buttons. */
  replyKeyboard?: Keyboard;
  accept: AnswerKind[];
  /** What to say when the wrong kind of message arrives. */
  wrongInput?: string;
  /** Longest text accepted. */
  maxLength?: number;
  /**
   * A reason to refuse an answer of an accepted kind (a limit reached, a file too large), said to
   * the person while the question stands. Refused input is not kept in the conversation's log.
   */
  refuse?: (answer: Answer) => string | undefined;
}

function commandOf(message: Message | undefined): string | undefined {
  const entity = message?.entities?.[0];
  if (!message?.text || entity?.type !== "bot_command" || entity.offset !== 0) return undefined;
  return message.text.slice(1, entity.length).split("@")[0]?.toLowerCase();
}

export class Dialog {
  constructor(
    private readonly conversation: ReportConversation,
    private readonly ctx: InnerContext,
    readonly t: Translate,
    /** Random per report, so buttons of an earlier report are recognised as old. */
    readonly sid: string,
    readonly locale: Locale,
  ) {}

  country(code: string): string {
    return countryName(this.locale, code);
  }

  private data(step: string, value: string): string {
    return `rp:${this.sid}:${step}:${value}`;
  }

  /** The last question sent: its message id keys the once-only Send of the summary. */
  lastQuestion: Message | undefined;

  /** Answers kept so far (replayed identically, so the count is the same on every replay). */
  private answers = 0;

  async say(
    text: string,
    extra: { keyboard?: InlineKeyboard | Keyboard; removeKeyboard?: boolean } = {},
  ): Promise<Message> {
    const reply_markup = extra.removeKeyboard ? { remove_keyboard: true as const } : extra.keyboard;
    return this.ctx.reply(text, { reply_markup, link_preview_options: { is_disabled: true } });
  }

  /** Asks and waits until an acceptable answer arrives. Throws ReportCancelled on Cancel or /cancel. */
  async ask(question: Question): Promise<Answer> {
    if (this.answers >= MAX_ANSWERS) throw new ConversationTooLong();
    const header = question.progress
      ? `${this.t("report-progress", { step: question.progress, total: TOTAL_STEPS })}\n`
      : "";
    const keyboard = new InlineKeyboard();
    for (const row of question.choices ?? []) {
      for (const [value, label] of row) keyboard.text(label, this.data(question.step, value));
      keyboard.row();
    }
    if (question.skip) keyboard.text(this.t("report-button-skip"), this.data(question.step, "skip"));
    keyboard.text(this.t("report-button-cancel"), this.data(question.step, "cancel"));
    if (question.replyKeyboard) {
      await this.say(`${header}${question.text}`, { keyboard: question.replyKeyboard });
      this.lastQuestion = await this.say(this.t("report-or-buttons"), { keyboard });
    } else {
      this.lastQuestion = await this.say(`${header}${question.text}`, { keyboard });
    }
    const answer = await this.waitForAnswer(question);
    this.answers += 1;
    return answer;
  }

  /**
   * Answers input that is not an answer, and forgets it: the update is dropped from the replay
   * log (skip), so refused input — a flood of stickers, old buttons, over-long texts — costs the
   * conversation nothing. The question stands.
   */
  private async refuse(text: string | undefined): Promise<never> {
    if (text !== undefined) await this.say(text);
    return this.conversation.skip({ next: false });
  }

  private async waitForAnswer(question: Question): Promise<Answer> {
    const next = await this.conversation.wait();
    const query = next.callbackQuery;
    if (query) {
      const [prefix, sid, step, ...rest] = (query.data ?? "").split(":");
      const value = rest.join(":");
      if (prefix !== "rp" || sid !== this.sid || step !== question.step) {
        await next.answerCallbackQuery({ text: this.t("report-button-old") }).catch(() => {});
        return this.refuse(undefined);
      }
      // May already be answered ("try again" while Redis was away, then handled when it came back).
      await next.answerCallbackQuery().catch(() => {});
      // Buttons go away once used: a second press cannot answer twice.
      if (query.message) await next.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => {});
      if (value === "cancel") throw new ReportCancelled();
      return { kind: "choice", value };
    }
    const message = next.message;
    if (!message) return this.refuse(undefined); // edits, member updates: nothing to answer
    const command = commandOf(message);
    if (command === "cancel") throw new ReportCancelled();
    if (command && PASS_THROUGH.has(command)) await this.conversation.skip({ next: true });
    if (command) return this.refuse(this.t("report-command-during-report"));
    const answer = this.classify(message);
    if (!answer || !question.accept.includes(answer.kind)) {
      return this.refuse(question.wrongInput ?? this.t("report-wrong-input"));
    }
    const max = question.maxLength ?? SHORT_ANSWER_MAX;
    if (answer.kind === "text" && answer.text.length > max) {
      return this.refuse(this.t("report-too-long", { max, length: answer.text.length }));
    }
    const reason = question.refuse?.(answer);
    if (reason !== undefined) return this.refuse(reason);
    return answer;
  }

  private classify(message: Message): Answer | undefined {
    if (message.text !== undefined) return { kind: "text", text: message.text, message };
    if (message.photo) return { kind: "photo", message };
    if (message.document) return { kind: "document", message };
    if (message.contact) return { kind: "contact", message };
    if (message.location) return { kind: "location", message };
    return undefined;
  }

  /** Fetches data outside the replay log's determinism (Redis, clocks) exactly once. */
  external<R>(task: (ctx: BotContext) => R | Promise<R>): Promise<R> {
    return this.conversation.external(async (ctx) => {
      ctx.deps.faults?.point("external");
      const result = await task(ctx);
      ctx.deps.faults?.point("external done");
      return result;
    });
  }
}
