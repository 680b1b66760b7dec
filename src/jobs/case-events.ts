/**
 * What follows a change to a case, in one place: the card is re-published, the reporter is told
 * about statuses they should know, and the case goes to focal points when it is due (level,
 * urgency, or an officer's escalation). Everything here only queues jobs: the update path stays fast.
 */
import type { CaseCards } from "#src/jobs/case-card.js";
import type { Report } from "#src/reports/report.js";

export interface ForwardingPort {
  shouldForward(report: Report): boolean;
  enqueue(report: Report, reason: "level" | "urgent" | "escalated"): Promise<void>;
}

export interface NotificationsPort {
  notifyStatus(report: Report): Promise<void>;
  relay(reportId: string, text: string, relayId: string): Promise<void>;
  caseOfReply(
    chatId: number,
    repliedMessageId: number,
  ): Promise<{ reportId: string; answered: boolean } | undefined>;
  markAnswered(chatId: number, repliedMessageId: number): Promise<void>;
}

/** The language model's analysis of a new report (a no-op without a model). */
export interface AnalysisPort {
  enqueue(report: Report): Promise<void>;
}

export interface CaseEvents {
  cards: CaseCards;
  created(report: Report): Promise<void>;
  statusChanged(report: Report): Promise<void>;
  /** `cardUpToDate`: the caller has just edited the card itself (a button press), so no job is queued for it. */
  changed(report: Report, options?: { cardUpToDate?: boolean }): Promise<void>;
  relay(report: Report, text: string, relayId: string): Promise<void>;
  /** The case whose relayed question a reporter's message replies to, and whether it was answered. */
  caseOfReply(
    chatId: number,
    repliedMessageId: number,
  ): Promise<{ reportId: string; answered: boolean } | undefined>;
  /** One answer per question: a second reply to the same question is not relayed. */
  markAnswered(chatId: number, repliedMessageId: number): Promise<void>;
}

/** Deadlines that start with a change (see jobs/deadlines.ts). */
export interface DeadlinesPort {
  start(kind: "urgent_take" | "need_info", report: Report, instance: string): Promise<void>;
}

/** Outreach campaigns: a report by someone a campaign brought counts for it. */
export interface CampaignsPort {
  count(userRef: string, event: "reports"): Promise<void>;
}

export function createCaseEvents(
  cards: CaseCards,
  forwarding: ForwardingPort,
  notifications: NotificationsPort,
  analysis?: AnalysisPort,
  deadlines?: DeadlinesPort,
  campaigns?: CampaignsPort,
): CaseEvents {
  async function startDeadlines(report: Report): Promise<void> {
    if (!deadlines) return;
    // Same id each time: a repeated event does not restart a running deadline.
    if (report.urgent && report.status === "received") await deadlines.start("urgent_take", report, "1");
    if (report.status === "needs_info")
      await deadlines.start("need_info", report, String(report.statusVersion));
  }
  async function forwardIfDue(report: Report): Promise<void> {
    if (report.status === "escalated") await forwarding.enqueue(report, "escalated");
    else if (report.urgent) await forwarding.enqueue(report, "urgent");
    else if (forwarding.shouldForward(report)) await forwarding.enqueue(report, "level");
  }
  return {
    cards,
    async created(report) {
      // The reporter was told "received" with the case number when they sent it.
      await cards.publish(report.id, { urgent: report.urgent });
      await forwardIfDue(report);
      await startDeadlines(report);
      if (report.reporterRef) await campaigns?.count(report.reporterRef, "reports");
      // After the card and forwarding: the model only adds notes, it never holds anything up.
      await analysis?.enqueue(report);
    },
    async statusChanged(report) {
      await notifications.notifyStatus(report);
      await forwardIfDue(report);
      await startDeadlines(report);
    },
    async changed(report, options = {}) {
      if (!options.cardUpToDate) await cards.publish(report.id, { urgent: report.urgent });
      await forwardIfDue(report);
      await startDeadlines(report);
    },
    async relay(report, text, relayId) {
      await notifications.relay(report.id, text, relayId);
    },
    caseOfReply: (chatId, repliedMessageId) => notifications.caseOfReply(chatId, repliedMessageId),
    markAnswered: (chatId, repliedMessageId) => notifications.markAnswered(chatId, repliedMessageId),
  };
}
