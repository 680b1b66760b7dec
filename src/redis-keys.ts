/**
 * A user-supplied value inside a key name. ":" and "%" are escaped so that no value can produce
 * another key's name (a URL ending in ":reports" must not become an identifier's report set).
 */
function keyPart(value: string): string {
  return value.replace(/%/g, "%25").replace(/:/g, "%3A");
}

/** The one place Redis key names are built; every key starts with REDIS_PREFIX. */
export function createKeys(prefix: string) {
  const p = prefix === "" || prefix.endsWith(":") ? prefix : `${prefix}:`;
  return {
    prefix: p,
    /** grammY session of one chat; `ref` is the chat's pseudonym. */
    session: (ref: string) => `${p}session:${ref}`,
    /** Marks an update as being or having been handled, so a redelivered one runs once. */
    update: (updateId: number) => `${p}update:${updateId}`,
    /** Replay state of the conversations of one chat (by pseudonym). */
    conversation: (ref: string) => `${p}conv:${ref}`,
    /** Sorted set: chat pseudonym → when its conversation expires (ms). */
    conversationDeadlines: () => `${p}conv-deadlines`,
    /** Hash: the sealed chat id and language of a chat with a conversation, for the expiry notice. */
    conversationOwner: (ref: string) => `${p}conv-owner:${ref}`,
    /** A checked text kept briefly so "Report this" can start a report with it. */
    check: (id: string) => `${p}check:${id}`,

    /** One report as schema-versioned JSON. */
    report: (id: string) => `${p}report:${id}`,
    /** The report id created for one confirming action (`chatRef:messageId`), so a repeat creates nothing. */
    reportOnce: (onceKey: string) => `${p}report-once:${onceKey}`,
    /** Sorted sets of report ids scored by creation time (ms). */
    reportsByTime: () => `${p}reports:by-time`,
    reportsByStatus: (status: string) => `${p}reports:status:${status}`,
    /** A recruiter identifier: first/last seen, officer verdict. */
    entity: (kind: string, value: string) => `${p}entity:${kind}:${keyPart(value)}`,
    /** Ids of the reports that mention an identifier; its size is "reported N times". */
    entityReports: (kind: string, value: string) => `${p}entity:${kind}:${keyPart(value)}:reports`,
    /** A reporter (ref = pseudonym of the Telegram user id): sealed chat id and contact, language, consent. */
    reporter: (ref: string) => `${p}reporter:${ref}`,
    reporterReports: (ref: string) => `${p}reporter:${ref}:reports`,
    /** The once-keys of a reporter's reports, so erasure removes those links too. */
    reporterOnceKeys: (ref: string) => `${p}reporter:${ref}:once`,
    /** Stream of officer actions and status changes; never personal data. */
    audit: () => `${p}audit`,
  };
}

export type Keys = ReturnType<typeof createKeys>;
