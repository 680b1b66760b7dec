/**
 * A user-supplied value inside a key name. ":" and "%" are escaped so that no value can produce
 * another key's name (a URL ending in ":reports" must not become an identifier's report set).
 */
function keyPart(value: string): string {
  // Plain string replacement, and none when there is nothing to escape: a check builds 16 band keys.
  const escaped = value.includes("%") ? value.replaceAll("%", "%25") : value;
  return escaped.includes(":") ? escaped.replaceAll(":", "%3A") : escaped;
}

/** The one place Redis key names are built; every key starts with REDIS_PREFIX. */
export function createKeys(prefix: string) {
  const p = prefix === "" || prefix.endsWith(":") ? prefix : `${prefix}:`;
  return {
    prefix: p,
    /*
     * The keys of one chat's update handling share a hash tag ({ref}), so the chat-state
     * middleware reads and writes them in one Lua script on one Cluster slot.
     */
    /** grammY session of one chat; `ref` is the chat's pseudonym. */
    session: (ref: string) => `${p}session:{${ref}}`,
    /** Marks an update of a chat as handled ("done"), so a redelivered one is dropped. */
    update: (ref: string, updateId: number) => `${p}update:{${ref}}:${updateId}`,
    /** The chat's lease: held (and renewed) by the process handling one of its updates. */
    chatLease: (ref: string) => `${p}chat-lease:{${ref}}`,
    /** Sealed replay state of the conversations of one chat (by pseudonym), "<version>:<sealed>". */
    conversation: (ref: string) => `${p}conv:{${ref}}`,
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
    /** Sealed: the text read from one screenshot (by Telegram's file_unique_id), for checks and reports. */
    screenshotReading: (fileUniqueId: string) => `${p}ocr:${keyPart(fileUniqueId)}`,
    /** Set: the screenshot readings made for one chat, so /delete can remove them. */
    chatScreenshotReadings: (chatRef: string) => `${p}ocr-chat:${chatRef}`,
    /** Sealed: where a check of screenshots answers (chat, "Reading…" message, language). */
    checkImage: (id: string) => `${p}check:${keyPart(id)}:image`,
    /** List of sealed screenshots (and captions) of one check; an album adds one per photo. */
    checkImageParts: (id: string) => `${p}check:${keyPart(id)}:parts`,
    /** The check an album (media group) of one chat belongs to, while its photos arrive. */
    checkAlbum: (chatRef: string, mediaGroupId: string) =>
      `${p}check-album:${chatRef}:${keyPart(mediaGroupId)}`,
    /** A check's 👍/👎 vote: set once (NX), so a second press never counts twice. */
    checkVote: (id: string) => `${p}check:${keyPart(id)}:vote`,
    /** Marks that a check's details ("why", "do", "share") were sent, so a double press sends them once. */
    checkShown: (id: string, what: string) => `${p}check:${keyPart(id)}:shown:${keyPart(what)}`,
    /** Hash per day (YYYY-MM-DD): "up" and "down" votes on checks, for /stats. */
    checkFeedback: (day: string) => `${p}check-feedback:${keyPart(day)}`,
    /** JSON: the screenshots of a check, so "Report this" carries them into the report. */
    checkMedia: (id: string) => `${p}check:${keyPart(id)}:media`,
    /** Hash: where a report's case card is in the moderator group (chat, message, thread). */
    reportCard: (id: string) => `${p}report:${id}:card`,
    /** A message or forum topic in the moderator group → the report it belongs to. */
    cardIndex: (chatId: number, kind: "message" | "thread", id: number) =>
      `${p}card-index:${chatId}:${kind}:${id}`,
    /** List of officers' notes on a report (JSON). */
    reportNotes: (id: string) => `${p}report:${id}:notes`,
    /** Officers' first names by Telegram id, shown on case cards ("taken by", history). */
    officerNames: () => `${p}officers:names`,
    /** An officer's membership of the moderator group, cached for a minute. */
    officer: (userId: number) => `${p}officer:${userId}`,
    /** A reporter's chosen "Reply" target: the next message they send goes to this case. */
    pendingReply: (chatRef: string) => `${p}pending-reply:${chatRef}`,
    /** The case a reporter just answered: for a while, her next message may be meant for it too. */
    answeredCase: (chatRef: string) => `${p}answered-case:${chatRef}`,
    /** Her message waiting for "send this to the officers too?" (text or photo, short-lived). */
    followUp: (chatRef: string) => `${p}follow-up:${chatRef}`,

    /** One report as schema-versioned JSON. */
    report: (id: string) => `${p}report:${id}`,
    /** The report id created for one confirming action (`chatRef:messageId`), so a repeat creates nothing. */
    reportOnce: (onceKey: string) => `${p}report-once:${onceKey}`,
    /** Sorted sets of report ids scored by creation time (ms). */
    reportsByTime: () => `${p}reports:by-time`,
    reportsByStatus: (status: string) => `${p}reports:status:${status}`,
    /** A recruiter identifier by its keyed digest (never in clear): first/last seen, officer verdict. */
    entity: (kind: string, digest: string) => `${p}entity:${kind}:${keyPart(digest)}`,
    /** Ids of the reports that mention an identifier (by digest); its size is "reported N times". */
    entityReports: (kind: string, digest: string) => `${p}entity:${kind}:${keyPart(digest)}:reports`,
    /** A reporter (ref = pseudonym of the Telegram user id): sealed chat id and contact, language, consent. */
    reporter: (ref: string) => `${p}reporter:${ref}`,
    reporterReports: (ref: string) => `${p}reporter:${ref}:reports`,
    /** The once-keys of a reporter's reports, so erasure removes those links too. */
    reporterOnceKeys: (ref: string) => `${p}reporter:${ref}:once`,
    /** Hash: one person's token bucket of one kind (tokens, at, refused), by user pseudonym. */
    rateBucket: (kind: string, userRef: string) => `${p}rate:${kind}:${userRef}`,
    /** Hash: refused actions that need no bucket (forged buttons), counted by reason for one day. */
    refusals: (day: string) => `${p}refusals:${day}`,
    /** Hash: proof of the keys this Redis was written with (src/privacy/key-check.ts). */
    keyCheck: () => `${p}key-check`,
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
    /** Sorted set: recent sends to the moderator group (sliding window with a minimum gap). */
    moderatorSends: (chatId: number) => `${p}moderator-sends:${chatId}`,
    /** Hash: status version → "sending" or the message id of the reporter's notification. */
    reportNotifications: (id: string) => `${p}report:${id}:notified`,
    /** An officer's question waiting to be relayed (kept out of job data, which is stored in clear). */
    relayText: (reportId: string, relayId: string) => `${p}relay:${reportId}:${keyPart(relayId)}`,
    /** Hash: relay id → its state (JSON: sending, sent with message id, or refused with a reason). */
    reportRelays: (id: string) => `${p}report:${id}:relays`,
    /**
     * Hash per reporter's chat (pseudonym): relayed question's message id → its case. One key per
     * chat, so erasure deletes it by name (SCAN visits one node of a Cluster).
     */
    relayLinks: (chatRef: string) => `${p}relay-links:${chatRef}`,
    /** Set: the ids of a person's recent checks (check:*), so /delete finds them without SCAN. */
    /** The outreach campaign a person came from (`?start=c-<name>`), by her pseudonym; expires. */
    campaignOf: (userRef: string) => `${p}owner:${userRef}:campaign`,
    /** Counters of one campaign: starts, checks, reports (no one's identity). */
    campaign: (name: string) => `${p}campaign:${name}`,
    /** Names of the campaigns counted (bounded). */
    campaigns: () => `${p}campaigns`,
    checksOf: (userRef: string) => `${p}owner:${userRef}:checks`,
    /** Set: the ids of a person's offers waiting for the model's extraction (analysis-draft:*). */
    draftsOf: (userRef: string) => `${p}owner:${userRef}:drafts`,
    /** Set: the digests of the model's extractions of a person's offers (analysis-extraction:*). */
    extractionsOf: (userRef: string) => `${p}owner:${userRef}:extractions`,

    /** List of focal points' answers on a report (JSON: answer, chat, country, at), oldest first. */
    reportFocalResponses: (id: string) => `${p}report:${id}:focal`,
    /** Hash: deadline kind → when it falls due (ms), while it is pending; shown on the card. */
    reportDeadlines: (id: string) => `${p}report:${id}:deadlines`,
    /** Hash: deadline job id → "sending" while its reminder goes out, then "met:<ms>" or "missed:<ms>". */
    deadlineOutcomes: () => `${p}deadline-outcomes`,
    /** A channel administrator's right to answer on focal posts, cached for at most a minute. */
    focalAdmin: (chatId: number, userId: number) => `${p}focal-admin:${chatId}:${userId}`,
    /** The weekly digest sent to a channel for one week (its effect record). */
    focalDigest: (chatId: number, week: string) => `${p}focal-digest:${chatId}:${keyPart(week)}`,

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
