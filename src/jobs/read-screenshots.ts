/**
 * Screenshots read on this machine, off the update path. Two queues:
 * - `read-screenshot`: one file → its text, sealed under `ocr:{file_unique_id}` (the report flow
 *   queues each screenshot as it arrives and picks the texts up after step 2);
 * - `check-screenshot`: a check of one screenshot or an album: every photo is read (or its reading
 *   reused), then the bot's finisher screens caption and read text together and edits the
 *   "Reading your screenshot…" message into the verdict.
 * Job data holds ids only; what a job needs waits sealed in Redis. The text read is personal data:
 * it is kept sealed, expires, and is listed per chat for /delete. Logs carry sizes and timings.
 */
import { z } from "zod";
import { type JobRunner, UnrecoverableError } from "#src/jobs/runner.js";
import type { Logger } from "#src/logger.js";
import type { Metrics } from "#src/metrics.js";
import type { ReadOutcome, ScreenshotReader } from "#src/ocr/reader.js";
import type { Sealer } from "#src/privacy/sealed.js";
import type { RedisClient } from "#src/redis.js";
import type { Keys } from "#src/redis-keys.js";
import { type Media, mediaSchema } from "#src/reports/report.js";
import { downloadTelegramFile, type FileSource } from "#src/telegram-files.js";

export const READ_SCREENSHOT_QUEUE = "read-screenshot";
export const CHECK_SCREENSHOT_QUEUE = "check-screenshot";

/** A check is answered within the hour or not at all: the person has moved on. */
const CHECK_TTL_SECONDS = 60 * 60;
/** Photos of one album arrive within a second; the check waits this long for the rest. */
export const ALBUM_WAIT_MS = 1_500;
/** At most this many screenshots are read for one check (Telegram albums hold ten). */
const MAX_CHECK_IMAGES = 10;

export const screenshotReadingSchema = z.object({
  status: z.enum(["text", "no_text", "too_large", "unreadable"]),
  text: z.string().max(20_000).optional(),
  /** Letters and digits read, for the summary ("read 412 characters"). */
  chars: z.number().int().nonnegative(),
});
export type ScreenshotReading = z.infer<typeof screenshotReadingSchema>;

/** One screenshot of a check, with the caption it came with. */
export const checkPartSchema = z.object({
  media: mediaSchema,
  caption: z.string().max(1_024).optional(),
});
export type CheckPart = z.infer<typeof checkPartSchema>;

/** Where a check of screenshots answers. */
export const imageCheckSchema = z.object({
  chatId: z.number().int(),
  /** The "Reading your screenshot…" message, edited into the verdict. */
  messageId: z.number().int().positive(),
  locale: z.enum(["id", "en"]),
});
export type ImageCheck = z.infer<typeof imageCheckSchema>;

/** Screens what was read and answers the person; provided by the bot (it renders and edits). */
export type ImageCheckFinisher = (input: {
  checkId: string;
  check: ImageCheck;
  parts: CheckPart[];
  readings: ScreenshotReading[];
}) => Promise<void>;

export interface ScreenshotReadingDeps {
  /** Undefined when OCR_ENABLED=false: nothing is read, callers fall back to captions. */
  reader: ScreenshotReader | undefined;
  files: FileSource;
  maxBytes: number;
  redis: RedisClient;
  keys: Keys;
  sealer: Sealer;
  logger: Logger;
  metrics?: Metrics;
  /** How long a reading is kept for a report in progress (the conversation's lifetime). */
  readingTtlSeconds: number;
}

export interface ScreenshotReadings {
  readonly enabled: boolean;
  /** Queues the reading of a report's screenshot (once per file); `chatRef` owns it for /delete. */
  queue(chatRef: string, media: Media): Promise<void>;
  /** What has been read so far, in the order given (undefined: not read yet). */
  readingsOf(media: readonly Media[]): Promise<Array<ScreenshotReading | undefined>>;
  /** Like readingsOf, waiting up to `timeoutMs` for readings still pending. */
  waitFor(media: readonly Media[], timeoutMs: number): Promise<Array<ScreenshotReading | undefined>>;
  /**
   * Adds a screenshot to a check; the first part of a check stores where to answer and queues the
   * job (after ALBUM_WAIT_MS for an album, so its other photos join it).
   */
  addToCheck(input: {
    checkId: string;
    chatRef: string;
    part: CheckPart;
    check?: ImageCheck;
    album: boolean;
  }): Promise<void>;
  /** Removes every reading made for a chat (/delete). */
  eraseChat(chatRef: string): Promise<void>;
}

function lettersAndDigits(text: string): number {
  return text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
}

export function readingOf(outcome: ReadOutcome): ScreenshotReading {
  if (outcome.status === "text")
    return { status: "text", text: outcome.text, chars: lettersAndDigits(outcome.text) };
  if (outcome.status === "no_text") return { status: "no_text", chars: 0 };
  if (outcome.status === "too_large") return { status: "too_large", chars: 0 };
  return { status: "unreadable", chars: 0 };
}

export function createScreenshotReadings(
  runner: JobRunner,
  deps: ScreenshotReadingDeps,
  finish?: ImageCheckFinisher,
): ScreenshotReadings {
  const { reader, redis, keys, sealer, logger } = deps;
  const readingContext = (uniqueId: string) => `ocr:${uniqueId}`;

  function openJson<T>(raw: string | null, context: string, schema: z.ZodType<T>): T | undefined {
    if (!raw) return undefined;
    try {
      const parsed = schema.safeParse(JSON.parse(sealer.open(raw, context)));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  /** Downloads and reads one file. */
  async function readFile(media: Media): Promise<ScreenshotReading> {
    if (!reader) return { status: "unreadable", chars: 0 };
    // A PDF or another document is kept for the officers but not read.
    if (media.kind === "document" && !media.mimeType?.startsWith("image/"))
      return { status: "unreadable", chars: 0 };
    const download = await downloadTelegramFile(deps.files, media.fileId, deps.maxBytes);
    const outcome: ReadOutcome = download.ok
      ? await reader.read(download.bytes)
      : { status: download.reason === "too_large" ? "too_large" : "failed" };
    if (outcome.status === "busy") throw new Error("ocr queue full"); // retried by the job's backoff
    const reading = readingOf(outcome);
    deps.metrics?.ocrReadings.inc({ result: outcome.status });
    if (outcome.status === "text" || outcome.status === "no_text")
      deps.metrics?.ocrDuration.observe(outcome.ms / 1000);
    logger.info(
      {
        result: outcome.status,
        bytes: download.ok ? download.bytes.length : undefined,
        ms: "ms" in outcome ? outcome.ms : undefined,
        chars: reading.chars,
      },
      "screenshot read",
    );
    return reading;
  }

  /** The stored reading of a file, or a new one (stored, so a waiting report sees it). */
  async function read(media: Media, ttlSeconds: number): Promise<ScreenshotReading> {
    const key = keys.screenshotReading(media.fileUniqueId);
    const stored = openJson(
      await redis.get(key),
      readingContext(media.fileUniqueId),
      screenshotReadingSchema,
    );
    if (stored) return stored;
    const reading = await readFile(media);
    await redis.set(
      key,
      sealer.seal(JSON.stringify(reading), readingContext(media.fileUniqueId)),
      "EX",
      ttlSeconds,
    );
    return reading;
  }

  runner.process<{ chatRef: string; media: Media }>(
    READ_SCREENSHOT_QUEUE,
    async (job) => {
      const media = mediaSchema.parse(job.data.media);
      await read(media, deps.readingTtlSeconds);
    },
    { concurrency: 1 },
  );

  runner.process<{ checkId: string }>(
    CHECK_SCREENSHOT_QUEUE,
    async (job) => {
      const { checkId } = job.data;
      const check = openJson(
        await redis.get(keys.checkImage(checkId)),
        `check:${checkId}:image`,
        imageCheckSchema,
      );
      if (!check) return; // expired or already answered
      const rawParts = await redis.lrange(keys.checkImageParts(checkId), 0, MAX_CHECK_IMAGES - 1);
      const parts = rawParts
        .map((raw) => openJson(raw, `check:${checkId}:part`, checkPartSchema))
        .filter((p): p is CheckPart => p !== undefined);
      if (parts.length === 0) throw new UnrecoverableError("a check without screenshots");
      const readings: ScreenshotReading[] = [];
      for (const part of parts) readings.push(await read(part.media, CHECK_TTL_SECONDS));
      if (!finish) return;
      await finish({ checkId, check, parts, readings });
      // Answered: a re-run of this job (a crash after the edit) finds nothing to do.
      await redis.del(keys.checkImage(checkId));
    },
    { concurrency: 1 },
  );

  return {
    enabled: reader !== undefined,

    async queue(chatRef, media) {
      if (!reader) return;
      await redis
        .multi()
        .sadd(keys.chatScreenshotReadings(chatRef), media.fileUniqueId)
        .expire(keys.chatScreenshotReadings(chatRef), deps.readingTtlSeconds)
        .exec();
      await runner.add(READ_SCREENSHOT_QUEUE, { media }, { jobId: `r-${media.fileUniqueId}` });
    },

    async readingsOf(media) {
      if (media.length === 0) return [];
      const raw = await redis.mget(...media.map((m) => keys.screenshotReading(m.fileUniqueId)));
      return raw.map((value, i) =>
        openJson(value, readingContext(media[i]!.fileUniqueId), screenshotReadingSchema),
      );
    },

    async waitFor(media, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const readings = await this.readingsOf(media);
        if (readings.every((r) => r !== undefined) || Date.now() >= deadline || !reader) return readings;
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    },

    async addToCheck({ checkId, chatRef, part, check, album }) {
      const partsKey = keys.checkImageParts(checkId);
      const multi = redis
        .multi()
        .rpush(partsKey, sealer.seal(JSON.stringify(part), `check:${checkId}:part`))
        .expire(partsKey, CHECK_TTL_SECONDS)
        .sadd(keys.chatScreenshotReadings(chatRef), part.media.fileUniqueId)
        .expire(keys.chatScreenshotReadings(chatRef), Math.max(deps.readingTtlSeconds, CHECK_TTL_SECONDS));
      if (check) {
        multi.set(
          keys.checkImage(checkId),
          sealer.seal(JSON.stringify(check), `check:${checkId}:image`),
          "EX",
          CHECK_TTL_SECONDS,
        );
      }
      await multi.exec();
      if (check) {
        await runner.add(
          CHECK_SCREENSHOT_QUEUE,
          { checkId },
          { jobId: `c-${checkId}`, delay: album ? ALBUM_WAIT_MS : 0 },
        );
      }
    },

    async eraseChat(chatRef) {
      const setKey = keys.chatScreenshotReadings(chatRef);
      const ids = await redis.smembers(setKey);
      // One key at a time: on a Cluster the readings live in different slots.
      for (const id of ids) await redis.del(keys.screenshotReading(id));
      await redis.del(setKey);
    },
  };
}
