/**
 * Outreach campaigns: a link `t.me/<bot>?start=c-<name>` on a village poster or in a radio spot.
 * Each campaign is a row of counters (people who started, checks, reports) so an awareness
 * programme sees what reached whom — never who. The person's pseudonym points at the campaign
 * for CAMPAIGN_DAYS so her later checks and reports count, and /delete erases that link.
 */
import type { RedisClient } from "#src/redis.js";
import { hashReply, runBatch } from "#src/redis-batch.js";
import type { Keys } from "#src/redis-keys.js";

/** How long a person's checks and reports still count for the campaign that brought her. */
export const CAMPAIGN_DAYS = 30;
/** Anyone can make up a link: past this many campaigns, new names are not counted. */
export const MAX_CAMPAIGNS = 500;

export type CampaignEvent = "starts" | "checks" | "reports";

export interface CampaignCount {
  name: string;
  starts: number;
  checks: number;
  reports: number;
}

/**
 * The campaign name in a start payload (`c-desa_sukamaju`), or undefined: lower-case letters,
 * digits, `_` and `-`, 2–32 characters, with a letter, and no run of 6 digits (a phone number or
 * an id is personal data, not a campaign).
 */
export function parseCampaign(payload: string): string | undefined {
  const match = /^c-([a-z0-9_-]{2,32})$/i.exec(payload.trim());
  const name = match?.[1]?.toLowerCase();
  if (!name || !/[a-z]/.test(name) || /\d{6}/.test(name)) return undefined;
  return name;
}

export class Campaigns {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {}

  /** She came through the campaign's link: counted, and remembered under her pseudonym. */
  async arrived(userRef: string, name: string): Promise<boolean> {
    if (!(await this.admit(name))) return false;
    await runBatch(this.redis, [
      ["set", this.keys.campaignOf(userRef), name, "EX", CAMPAIGN_DAYS * 24 * 60 * 60],
      ["hincrby", this.keys.campaign(name), "starts", 1],
    ]);
    return true;
  }

  /** A check or a report by someone a campaign brought (nothing when none did). */
  async count(userRef: string, event: Exclude<CampaignEvent, "starts">): Promise<void> {
    const name = await this.redis.get(this.keys.campaignOf(userRef));
    if (name === null || parseCampaign(`c-${name}`) !== name) return;
    await this.redis.hincrby(this.keys.campaign(name), event, 1);
  }

  /** Every campaign with its counters, most starts first. */
  async list(): Promise<CampaignCount[]> {
    const names = (await this.redis.smembers(this.keys.campaigns())).sort();
    if (names.length === 0) return [];
    const hashes = await runBatch(
      this.redis,
      names.map((name) => ["hgetall", this.keys.campaign(name)] as const),
    );
    return names
      .map((name, i) => {
        const hash = hashReply(hashes[i]);
        const n = (field: string) => Number(hash[field] ?? 0) || 0;
        return { name, starts: n("starts"), checks: n("checks"), reports: n("reports") };
      })
      .sort((a, b) => b.starts - a.starts || a.name.localeCompare(b.name));
  }

  private async admit(name: string): Promise<boolean> {
    if ((await this.redis.sismember(this.keys.campaigns(), name)) === 1) return true;
    if ((await this.redis.scard(this.keys.campaigns())) >= MAX_CAMPAIGNS) return false;
    await this.redis.sadd(this.keys.campaigns(), name);
    return true;
  }
}
