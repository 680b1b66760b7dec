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
    /** Sealed: where a check's reply is and what the rules found, for its second-opinion job. */
    checkReply: (id: string) => `${p}check:${keyPart(id)}:reply`,
    /** Sealed: the reply as the second opinion revised it ("" for no edit), so a retry asks the model once. */
    checkOpinion: (id: string) => `${p}check:${keyPart(id)}:opinion`,
    /** Hash: where a report's case card is in the moderator group (chat, message, thread). */
    reportCard: (id: string) => `${p}report:${id}:card`,
    /** A message or forum topic in the moderator group → the report it belongs to. */
    cardIndex: (chatId: number, kind: "message" | "thread", id: number) =>
      `${p}card-index:${chatId}:${kind}:${id}`,
    /** List of officers' notes on a report (JSON). */
    reportNotes: (id: string) => `${p}report:${id}:notes`,
    /** An officer's membership of the moderator group, cached for a minute. */
    officer: (userId: number) => `${p}officer:${userId}`,
    /** A reporter's chosen "Reply" target: the next message they send goes to this case. */
    pendingReply: (chatRef: string) => `${p}pending-reply:${chatRef}`,

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
    /** Set of report ids whose offer signature has this LSH band value (src/reports/offer-index.ts). */
    offerBand: (band: string) => `${p}offer-band:${keyPart(band)}`,
    /** The MinHash signature of a report's offer (base64); deleted with the report. */
    offerSignature: (id: string) => `${p}offer-sig:${id}`,
    /** Stream of officer actions and status changes; never personal data. */
    audit: () => `${p}audit`,

    /** Hash: focal-point channel id → message id of the report's post there (the effect of forwarding). */
    reportPosts: (id: string) => `${p}report:${id}:posts`,
    /** Hash: steps of forwarding per channel (`<chat>:sending`, `<chat>:media`, `<chat>:done`). */
    reportForwarding: (id: string) => `${p}report:${id}:forwarding`,
    /** Hash: `<reportId>:<chatId>` → permanent forwarding failure (JSON: error, at), shown in /healthz. */
    forwardFailures: () => `${p}forward-failures`,
    /** Sorted set: when messages were sent into one channel (ms), for the per-channel rate limit. */
    channelSends: (chatId: number) => `${p}channel-sends:${chatId}`,
    /** Hash: status version → "sending" or the message id of the reporter's notification. */
    reportNotifications: (id: string) => `${p}report:${id}:notified`,
    /** An officer's question waiting to be relayed (kept out of job data, which is stored in clear). */
    relayText: (reportId: string, relayId: string) => `${p}relay:${reportId}:${keyPart(relayId)}`,
    /** Hash: relay id → its state (JSON: sending, sent with message id, or refused with a reason). */
    reportRelays: (id: string) => `${p}report:${id}:relays`,
    /** The case a relayed question belongs to, by the reporter's chat pseudonym and the message id. */
    relayMessage: (chatRef: string, messageId: number) => `${p}relay-message:${chatRef}:${messageId}`,

    /** The language model's analysis of a report (JSON, schema-versioned): extraction, second opinion. */
    reportAnalysis: (id: string) => `${p}report:${id}:analysis`,
    /** An offer being reported, kept briefly so the extraction job (which gets only this id) can read it. */
    analysisDraft: (draftId: string) => `${p}analysis-draft:${keyPart(draftId)}`,
    /** An extraction by offer digest, so the conversation can pre-fill and the report's job can reuse it. */
    extractionCache: (digest: string) => `${p}analysis-extraction:${keyPart(digest)}`,
    /** Consecutive failed model calls; the circuit opens at a threshold and closes on a success. */
    llmFailures: () => `${p}llm:failures`,
    /** Present while the circuit is open (expires after the cool-down). */
    llmCircuitOpen: () => `${p}llm:circuit-open`,
    /** Model calls made on one day (YYYY-MM-DD), in total and by reporter pseudonym. */
    llmBudget: (day: string) => `${p}llm:budget:${day}`,
    llmUserBudget: (day: string, ref: string) => `${p}llm:budget:${day}:${keyPart(ref)}`,
  };
}

export type Keys = ReturnType<typeof createKeys>;
