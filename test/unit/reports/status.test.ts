import { describe, expect, it } from "vitest";
import { canTransition, isOpenStatus, notifiesReporter, STATUSES, TRANSITIONS } from "#src/reports/status.js";

describe("the status state machine", () => {
  it("lets officers act on a new report in any way", () => {
    for (const to of STATUSES.filter((s) => s !== "received"))
      expect(canTransition("received", to)).toBe(true);
  });

  it("reopens a closed report only for review", () => {
    expect(TRANSITIONS.closed).toEqual(["in_review"]);
    expect(canTransition("closed", "confirmed_scam")).toBe(false);
  });

  it("never returns to received and never loops on itself", () => {
    for (const from of STATUSES) {
      expect(canTransition(from, "received")).toBe(false);
      expect(canTransition(from, from)).toBe(false);
    }
  });

  it("can reach closed from every status and review again from every verdict", () => {
    for (const from of STATUSES.filter((s) => s !== "closed"))
      expect(canTransition(from, "closed")).toBe(true);
    for (const from of ["confirmed_scam", "not_scam", "escalated", "needs_info"] as const) {
      expect(canTransition(from, "in_review")).toBe(true);
    }
  });

  it("tells the reporter about everything but a bare not-a-scam", () => {
    expect(STATUSES.filter(notifiesReporter)).toEqual([
      "received",
      "in_review",
      "needs_info",
      "confirmed_scam",
      "escalated",
      "closed",
    ]);
    expect(STATUSES.filter((s) => !isOpenStatus(s))).toEqual(["closed"]);
  });
});
