/**
 * One question and its answer, the same way at every step of the report: a progress marker,
 * buttons where the answer is a choice, Skip where it is optional, Back where there is a question
 * before, Cancel always. A typed word means what its button means ("iya", "kamboja", "lewati",
 * "kembali", "batal": typed-answers.ts). Whatever else arrives is answered (a sticker where text
 * was asked, a button of an old message, a command) with the question again, buttons and all;
 * nothing entered before is lost because the draft lives in the replay log.
 */
import type { Conversation } from "@grammyjs/conversations";
import { InlineKeyboard, type Keyboard } from "grammy";
import type { Message } from "grammy/types";
import type { BotContext, InnerContext, Translate } from "#src/bot/context.js";
import type { YesNoUnknown } from "#src/bot/conversations/report/draft.js";
import {
  countryFromTyped,
  matchTyped,
  type TypedMeaning,
} from "#src/bot/conversations/report/typed-answers.js";
import { reportStepData } from "#src/callback-data/report-step.js";
import type { Locale } from "#src/config.js";
import { countryName } from "#src/render/country-name.js";

export type ReportConversation = Conversation<BotContext, InnerContext>;

/** Longest answer kept for short fields (a city, a job title); offer texts have their own limit. */
export const SHORT_ANSWER_MAX = 300;
export const LONG_TEXT_MAX = 10_000;

/** Commands that keep working during a report: they are passed to the normal handlers. */
const PASS_THROUGH = new Set(["help", "privacy", "language", "mydata"]);

export class ReportCancelled extends Error {}

/** Back was pressed or typed: the step loop goes to the question before, answers kept. */
export class GoBack extends Error {}

/**
 * Most answers one conversation keeps: every answer is a replayed update in its log, so the log —
 * and the time to replay it — stays bounded however long someone goes on. A whole report with a
 * few edits takes about 40.
 */
export const MAX_ANSWERS = 150;

/** The conversation reached MAX_ANSWERS; it ends with a clear message (nothing half-kept). */
export class ConversationTooLong extends Error {}

export type Answer =
  /** A button, pressed or typed (`typed`: the words, when it was typed). */
  | { kind: "choice"; value: string; typed?: string }
  | { kind: "text"; text: string; message: Message }
  | { kind: "photo"; message: Message }
  | { kind: "document"; message: Message }
  | { kind: "contact"; message: Message }
  | { kind: "location"; message: Message };

export type AnswerKind = Answer["kind"];

export interface Question {
  /** Identifies the question in button data, so a button of an earlier question is recognised as old. */
  step: string;
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
  /** Typed country names and towns count as a choice of that country (the destination question). */
  countries?: boolean;
}

/** The person's own words, quoted back short. */
function clipTyped(text: string): string {
  const short = text.trim().replace(/\s+/g, " ");
  return short.length > 40 ? `${short.slice(0, 39)}…` : short;
}

/** A button label with a check mark when it is the answer given before (after Back). */
export function checked(label: string, on: boolean): string {
  return on ? `✓ ${label}` : label;
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
    return reportStepData.pack({ sid: this.sid, step, value });
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
    const note = this.pendingNote;
    this.pendingNote = undefined;
    return this.ctx.reply(note ? `${note}\n\n${text}` : text, {
      reply_markup,
      link_preview_options: { is_disabled: true },
    });
  }

  private pendingNote: string | undefined;

  /**
   * Something to tell that needs no message of its own (the intro, the offer's level): it opens
   * the next message, which is usually the next question. Fewer messages to read.
   */
  note(text: string): void {
    this.pendingNote = this.pendingNote ? `${this.pendingNote}\n\n${text}` : text;
  }

  /** Where the report stands, shown above each question ("Step 3/8"); unset outside the report. */
  header: string | undefined;

  /** Whether there is a question before this one to go back to (the step loop decides). */
  canGoBack = false;

  /**
   * Asks and waits until an acceptable answer arrives. Throws ReportCancelled on Cancel or
   * /cancel, GoBack on Back.
   */
  async ask(question: Question): Promise<Answer> {
    if (this.answers >= MAX_ANSWERS) throw new ConversationTooLong();
    this.lastQuestion = await this.sendQuestion(question);
    const answer = await this.waitForAnswer(question);
    this.answers += 1;
    return answer;
  }

  private async sendQuestion(question: Question, before?: string): Promise<Message> {
    const header = this.header ? `${this.header}\n` : "";
    const text = `${before ? `${before}\n\n` : ""}${header}${question.text}`;
    const keyboard = new InlineKeyboard();
    for (const row of question.choices ?? []) {
      for (const [value, label] of row) keyboard.text(label, this.data(question.step, value));
      keyboard.row();
    }
    if (question.skip) keyboard.text(this.t("report-button-skip"), this.data(question.step, "skip"));
    if (this.canGoBack) keyboard.text(this.t("report-button-back"), this.data(question.step, "back"));
    keyboard.text(this.t("report-button-cancel"), this.data(question.step, "cancel"));
    if (!question.replyKeyboard) return this.say(text, { keyboard });
    await this.say(text, { keyboard: question.replyKeyboard });
    return this.say(this.t("report-or-buttons"), { keyboard });
  }

  /**
   * Answers input that is not an answer, and forgets it: the update is dropped from the replay
   * log (skip), so refused input — a flood of stickers, old buttons, over-long texts — costs the
   * conversation nothing. The question is asked again below the reason, with its buttons.
   */
  private async refuse(text: string | undefined, question?: Question): Promise<never> {
    if (text !== undefined && question) await this.sendQuestion(question, text);
    else if (text !== undefined) await this.say(text);
    return this.conversation.skip({ next: false });
  }

  private async waitForAnswer(question: Question): Promise<Answer> {
    const next = await this.conversation.wait();
    const query = next.callbackQuery;
    if (query) {
      const pressed = reportStepData.unpack(query.data ?? "");
      if (!pressed || pressed.sid !== this.sid || pressed.step !== question.step) {
        await next.answerCallbackQuery({ text: this.t("report-button-old") }).catch(() => {});
        return this.refuse(undefined);
      }
      // Both while the next question is sent (the conversation waits for them before it stops at
      // the next question). The query may already be answered ("try again" while Redis was away,
      // then handled when it came back); buttons go away once used, so a second press cannot answer twice.
      void Promise.all([
        next.answerCallbackQuery().catch(() => {}),
        query.message ? next.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => {}) : undefined,
      ]);
      if (pressed.value === "cancel") throw new ReportCancelled();
      if (pressed.value === "back") throw new GoBack();
      return { kind: "choice", value: pressed.value };
    }
    const message = next.message;
    if (!message) return this.refuse(undefined); // edits, member updates: nothing to answer
    const command = commandOf(message);
    if (command === "cancel") throw new ReportCancelled();
    if (command && PASS_THROUGH.has(command)) await this.conversation.skip({ next: true });
    if (command) return this.refuse(this.t("report-command-during-report"), question);
    if (message.text !== undefined && !message.forward_origin) {
      const typed = await this.typedAnswer(question, message.text, next);
      if (typed) return typed;
    }
    const answer = this.classify(message);
    if (!answer || !question.accept.includes(answer.kind)) {
      const notUnderstood =
        answer?.kind === "text" && question.accept.length === 0
          ? this.t("report-not-understood", { answer: clipTyped(answer.text) })
          : undefined;
      return this.refuse(notUnderstood ?? question.wrongInput ?? this.t("report-wrong-input"), question);
    }
    const max = question.maxLength ?? SHORT_ANSWER_MAX;
    if (answer.kind === "text" && answer.text.length > max) {
      return this.refuse(this.t("report-too-long", { max, length: answer.text.length }), question);
    }
    const reason = question.refuse?.(answer);
    if (reason !== undefined) return this.refuse(reason, question);
    return answer;
  }

  /** A typed word that means a button of this question (or Back, Cancel); undefined for plain text. */
  private async typedAnswer(
    question: Question,
    text: string,
    next: InnerContext,
  ): Promise<Answer | undefined> {
    const choices = (question.choices ?? []).flat();
    const meaning: TypedMeaning | undefined = matchTyped(text, {
      choices,
      skip: question.skip ?? false,
      back: this.canGoBack,
      freeText: question.accept.includes("text"),
      extra: question.countries ? (words) => countryFromTyped(words, choices)?.country : undefined,
    });
    if (!meaning) return undefined;
    if (meaning.kind === "cancel") throw new ReportCancelled();
    if (meaning.kind === "back") throw new GoBack();
    if (meaning.kind === "not-here" && meaning.control === "back") {
      return this.refuse(this.t("report-back-none"), question);
    }
    if (meaning.kind === "not-here") {
      return this.refuse(this.t("report-typed-not-here", { answer: clipTyped(text) }), question);
    }
    // The typed answer stands for a press: the buttons of the question go away as after one.
    if (this.lastQuestion) {
      await next.api
        .editMessageReplyMarkup(this.lastQuestion.chat.id, this.lastQuestion.message_id, {
          reply_markup: undefined,
        })
        .catch(() => {});
    }
    return { kind: "choice", value: meaning.value, typed: text };
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

/** A question answered with Yes / No / Don't know (the earlier answer marked after Back). */
export async function askYesNoUnknown(
  d: Dialog,
  step: string,
  text: string,
  current?: YesNoUnknown,
): Promise<YesNoUnknown> {
  const answer = await d.ask({
    step,
    text,
    choices: [
      (["yes", "no", "unknown"] as const).map(
        (v) => [v, checked(d.t(`answer-${v}`), v === current)] as [string, string],
      ),
    ],
    accept: [],
    wrongInput: d.t("report-use-buttons"),
  });
  return answer.kind === "choice" && (answer.value === "yes" || answer.value === "no")
    ? answer.value
    : "unknown";
}
