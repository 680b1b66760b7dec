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
  caseOfReply(chatId: number, repliedMessageId: number): Promise<string | undefined>;
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
  /** The case whose relayed question a reporter's message replies to. */
  caseOfReply(chatId: number, repliedMessageId: number): Promise<string | undefined>;
}

export function createCaseEvents(
  cards: CaseCards,
  forwarding: ForwardingPort,
  notifications: NotificationsPort,
  analysis?: AnalysisPort,
): CaseEvents {
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
      // After the card and forwarding: the model only adds notes, it never holds anything up.
      await analysis?.enqueue(report);
    },
    async statusChanged(report) {
      await notifications.notifyStatus(report);
      await forwardIfDue(report);
    },
    async changed(report, options = {}) {
      if (!options.cardUpToDate) await cards.publish(report.id, { urgent: report.urgent });
      await forwardIfDue(report);
    },
    async relay(report, text, relayId) {
      await notifications.relay(report.id, text, relayId);
    },
    caseOfReply: (chatId, repliedMessageId) => notifications.caseOfReply(chatId, repliedMessageId),
  };
}
