/**
 * Offers seen before: the MinHash signature (src/screening/minhash.ts) of every reported offer,
 * indexed by LSH bands in Redis, so a check or a report learns "this offer matches N earlier
 * reports" and a case card links the matching cases.
 *
 * Keys (src/redis-keys.ts): one set per band value holding report ids, and one string per report
 * holding its signature. A lookup reads the BANDS band sets (at most CANDIDATES_PER_BAND ids from
 * each) and the signatures of those candidates: two round trips whose size does not depend on the
 * number of stored offers. Entries go with the report: retention's deleteReport removes them; an
 * erasure (/delete) keeps the anonymised report and so its signature, which holds no personal data.
 */
import type { RedisClient } from "#src/redis.js";
import { type RedisCommand, runBatch } from "#src/redis-batch.js";
import type { Keys } from "#src/redis-keys.js";
import type { Report } from "#src/reports/report.js";
import {
  bandKeys,
  decodeSignature,
  encodeSignature,
  MATCH_SIMILARITY,
  offerSignature,
  similarity,
} from "#src/screening/minhash.js";
import { normalise } from "#src/screening/normalise.js";

/** Ids read from one band set: a text reported a thousand times is still one bounded read. */
const CANDIDATES_PER_BAND = 24;
/** Matches reported at most; "N earlier reports" is exact up to here. */
export const MAX_OFFER_MATCHES = 50;

/** The signature of a report's offer (its texts joined), or null when there is too little text. */
export function reportSignature(report: Pick<Report, "offer">): Uint32Array | null {
  const text = report.offer.texts.map((t) => t.text).join("\n\n");
  return text.trim() === "" ? null : offerSignature(normalise(text).text);
}

export interface OfferMatch {
  reportId: string;
  similarity: number;
}

export class OfferIndex {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {}

  /** Idempotent commands that index one report's offer. */
  addCommands(reportId: string, sig: Uint32Array | null): RedisCommand[] {
    if (!sig) return [];
    return [
      ["set", this.keys.offerSignature(reportId), encodeSignature(sig)],
      ...bandKeys(sig).map((band): RedisCommand => ["sadd", this.keys.offerBand(band), reportId]),
    ];
  }

  /** Commands that remove one report's offer from the index. */
  removeCommands(reportId: string, sig: Uint32Array | null): RedisCommand[] {
    const commands: RedisCommand[] = [["del", this.keys.offerSignature(reportId)]];
    if (sig) for (const band of bandKeys(sig)) commands.push(["srem", this.keys.offerBand(band), reportId]);
    return commands;
  }

  /** Earlier reports whose offer text matches this signature, most similar first. */
  async matches(sig: Uint32Array | null, options: { excludeReportId?: string } = {}): Promise<OfferMatch[]> {
    if (!sig) return [];
    const bands = await runBatch(
      this.redis,
      bandKeys(sig).map(
        (band): RedisCommand => ["srandmember", this.keys.offerBand(band), CANDIDATES_PER_BAND],
      ),
    );
    const candidates = [
      ...new Set(bands.flatMap((reply) => (Array.isArray(reply) ? reply.map(String) : []))),
    ].filter((id) => id !== options.excludeReportId);
    if (candidates.length === 0) return [];
    const stored = await runBatch(
      this.redis,
      candidates.map((id): RedisCommand => ["get", this.keys.offerSignature(id)]),
    );
    const out: OfferMatch[] = [];
    candidates.forEach((reportId, i) => {
      const other = typeof stored[i] === "string" ? decodeSignature(stored[i] as string) : null;
      if (!other) return;
      const s = similarity(sig, other);
      if (s >= MATCH_SIMILARITY) out.push({ reportId, similarity: s });
    });
    return out
      .sort((a, b) => b.similarity - a.similarity || a.reportId.localeCompare(b.reportId))
      .slice(0, MAX_OFFER_MATCHES);
  }

  /** Matches of a text being checked. */
  matchText(text: string): Promise<OfferMatch[]> {
    return this.matches(offerSignature(normalise(text).text));
  }
}
