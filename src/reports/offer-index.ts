/**
 * Offers seen before: the MinHash signature (src/screening/minhash.ts) of every reported offer,
 * indexed by LSH bands in Redis, so a check or a report learns "this offer matches N earlier
 * reports" and a case card links the matching cases.
 *
 * Keys (src/redis-keys.ts): one set per band value holding report ids, and one string per report
 * holding its signature. A lookup reads the BANDS band sets (at most CANDIDATES_PER_BAND ids from
 * each) and the signatures of those candidates, in one round trip on a single node (a script) and
 * two on a Cluster (where the signature keys live on other nodes); neither depends on the number of
 * stored offers. Entries go with the report: retention's deleteReport removes them; an
 * erasure (/delete) keeps the anonymised report and so its signature, which holds no personal data.
 */
import type { RedisClient } from "#src/redis.js";
import { LuaScript, type RedisCommand, runBatch, runScriptBatch } from "#src/redis-batch.js";
import type { Keys } from "#src/redis-keys.js";
import type { Report } from "#src/reports/report.js";
import {
  BANDS,
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

// KEYS: the band sets. ARGV: ids per band, the signature key prefix, an id to leave out.
// Returns id, signature, id, signature … for the distinct candidates that still have a signature.
const CANDIDATES = `
local seen, out = {}, {}
for _, band in ipairs(KEYS) do
  for _, id in ipairs(redis.call('SRANDMEMBER', band, tonumber(ARGV[1]))) do
    if not seen[id] and id ~= ARGV[3] then
      seen[id] = true
      local sig = redis.call('GET', ARGV[2] .. id)
      if sig then
        out[#out + 1] = id
        out[#out + 1] = sig
      end
    end
  end
end
return out
`;
/** Sent by its SHA-1: a lookup carries the band keys and not the script's text. */
const candidatesScript = new LuaScript(CANDIDATES, BANDS);

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
    const out: OfferMatch[] = [];
    for (const [reportId, stored] of await this.candidates(sig, options.excludeReportId ?? "")) {
      const other = decodeSignature(stored);
      if (!other) continue;
      const s = similarity(sig, other);
      if (s >= MATCH_SIMILARITY) out.push({ reportId, similarity: s });
    }
    return out
      .sort((a, b) => b.similarity - a.similarity || a.reportId.localeCompare(b.reportId))
      .slice(0, MAX_OFFER_MATCHES);
  }

  /** Reports sharing a band with this signature, with their stored signatures. */
  private async candidates(sig: Uint32Array, exclude: string): Promise<[string, string][]> {
    const bandSets = bandKeys(sig).map((band) => this.keys.offerBand(band));
    if (!this.redis.isCluster) {
      // Sent like every other batch (src/redis-batch.ts), so it behaves the same while connecting.
      const args = [...bandSets, CANDIDATES_PER_BAND, this.keys.offerSignature(""), exclude];
      const [reply] = await runScriptBatch(this.redis, [candidatesScript.command(args)], (byText) => [
        candidatesScript.command(args, byText),
      ]);
      const flat = Array.isArray(reply) ? reply : [];
      const pairs: [string, string][] = [];
      for (let i = 0; i + 1 < flat.length; i += 2) pairs.push([String(flat[i]), String(flat[i + 1])]);
      return pairs;
    }
    const bands = await runBatch(
      this.redis,
      bandSets.map((key): RedisCommand => ["srandmember", key, CANDIDATES_PER_BAND]),
    );
    const ids = [
      ...new Set(bands.flatMap((reply) => (Array.isArray(reply) ? reply.map(String) : []))),
    ].filter((id) => id !== exclude);
    if (ids.length === 0) return [];
    const stored = await runBatch(
      this.redis,
      ids.map((id): RedisCommand => ["get", this.keys.offerSignature(id)]),
    );
    return ids.flatMap((id, i): [string, string][] =>
      typeof stored[i] === "string" ? [[id, stored[i] as string]] : [],
    );
  }

  /** Matches of a text being checked. */
  matchText(text: string): Promise<OfferMatch[]> {
    return this.matches(offerSignature(normalise(text).text));
  }
}
