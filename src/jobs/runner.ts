/**
 * BullMQ, set up once: queues and workers share one prefix under REDIS_PREFIX, blocking worker
 * connections of their own, and one backoff that honours Telegram's retry_after. Job data holds
 * ids only (BullMQ stores it in clear text); a job records its effect so a re-run does not repeat it.
 */
import { type Job, type JobsOptions, Queue, UnrecoverableError, Worker, type WorkerOptions } from "bullmq";
import { GrammyError, HttpError } from "grammy";
import type { Config } from "#src/config.js";
import type { Logger } from "#src/logger.js";
import { createRedis, type RedisClient } from "#src/redis.js";

export { UnrecoverableError };

/** Thrown by a job to be retried after exactly this many seconds (Telegram's retry_after). */
export class RetryAfterError extends Error {
  constructor(readonly seconds: number) {
    super(`retry after ${seconds} s`);
    this.name = "RetryAfterError";
  }
}

/** Exponential from 1 s, capped at a minute; a RetryAfterError waits what Telegram asked. */
export function jobBackoff(attemptsMade: number, _type?: string, error?: Error): number {
  if (error instanceof RetryAfterError) return error.seconds * 1000;
  return Math.min(1000 * 2 ** Math.max(0, attemptsMade - 1), 60_000);
}

/**
 * Sorts a failed Bot API call: 429 waits retry_after, 5xx and network errors are retried, and any
 * other 4xx (chat not found, bot removed, bad request) is permanent — retrying cannot help.
 */
export function classifyTelegramError(error: unknown): Error {
  if (error instanceof GrammyError) {
    if (error.error_code === 429) return new RetryAfterError(error.parameters.retry_after ?? 5);
    if (error.error_code >= 500) return error;
    return new UnrecoverableError(`telegram ${error.error_code}: ${error.description}`);
  }
  if (error instanceof HttpError) return error;
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * True when a failed send certainly did not reach the chat: Telegram answered with an error, or
 * the connection was never made. A reset or timeout after the request left is NOT such a case —
 * the message may have been delivered and only the answer lost.
 */
export function certainlyNotDelivered(error: unknown): boolean {
  if (error instanceof GrammyError) return true;
  if (error instanceof HttpError) {
    const code = (error.error as { code?: unknown } | undefined)?.code;
    return code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN";
  }
  return false;
}

/** How long a job's lock lasts without renewal (renewed at half of it while the job runs). */
const JOB_LOCK_MS = 10_000;
/** How often workers look for jobs whose holder stopped renewing its lock. */
const JOB_STALLED_CHECK_MS = 5_000;

export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: "custom" },
  removeOnComplete: { age: 24 * 60 * 60, count: 10_000 },
  removeOnFail: { age: 30 * 24 * 60 * 60 },
};

type Handler<T> = (job: Job<T>) => Promise<void>;

interface Registration {
  name: string;
  handler: Handler<never>;
  options: Partial<WorkerOptions>;
}

export class JobRunner {
  private readonly queues = new Map<string, Queue>();
  private readonly registrations: Registration[] = [];
  private readonly workers: Worker[] = [];
  private readonly connections: RedisClient[] = [];
  readonly prefix: string;

  constructor(
    private readonly config: Pick<
      Config,
      "REDIS_URL" | "REDIS_SENTINELS" | "REDIS_SENTINEL_MASTER" | "REDIS_CLUSTER_NODES" | "REDIS_PREFIX"
    >,
    private readonly logger: Logger,
  ) {
    // Cluster needs every key of a queue in one slot: the braces make the prefix a hash tag.
    this.prefix = config.REDIS_CLUSTER_NODES ? `{${config.REDIS_PREFIX}bull}` : `${config.REDIS_PREFIX}bull`;
  }

  private connection(name: string): RedisClient {
    const client = createRedis(this.config, {
      maxRetriesPerRequest: null,
      connectionName: `waspada-${name}`,
      lazyConnect: false,
    });
    client.on("error", (error: Error) => this.logger.debug({ err: error, name }, "job connection error"));
    this.connections.push(client);
    return client;
  }

  queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: this.connection(`queue-${name}`) as never,
        prefix: this.prefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      });
      queue.on("error", (error) => this.logger.warn({ err: error, queue: name }, "queue error"));
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** Registers a handler; workers start with start(). */
  process<T>(name: string, handler: Handler<T>, options: Partial<WorkerOptions> = {}): void {
    this.registrations.push({ name, handler: handler as Handler<never>, options });
  }

  async add<T>(name: string, data: T, options: JobsOptions & { jobId: string }): Promise<void> {
    await this.queue(name).add(name, data, options);
  }

  start(): void {
    for (const { name, handler, options } of this.registrations) {
      const worker = new Worker(name, handler as Handler<unknown>, {
        connection: this.connection(`worker-${name}`) as never,
        prefix: this.prefix,
        concurrency: 1,
        settings: { backoffStrategy: jobBackoff },
        // A job held by a process that died is taken up again within about 15 s (BullMQ's default
        // is up to a minute): card and focal queues run one job at a time across processes, so a
        // dead holder would otherwise hold up every case behind it. A live worker renews its lock
        // every 5 s; effects are recorded before they can repeat, so a second run is harmless.
        lockDuration: JOB_LOCK_MS,
        stalledInterval: JOB_STALLED_CHECK_MS,
        ...options,
      });
      worker.on("failed", (job, error) =>
        this.logger.warn(
          { queue: name, jobId: job?.id, attempts: job?.attemptsMade, err: error },
          "job failed",
        ),
      );
      worker.on("error", (error) => this.logger.warn({ err: error, queue: name }, "worker error"));
      this.workers.push(worker);
    }
  }

  /**
   * Stops at once, as a crash would: running jobs are abandoned (their locks expire and another
   * runner's stalled check takes them over). For tests and for a fatal error.
   */
  async kill(): Promise<void> {
    await Promise.allSettled(this.workers.map((w) => w.close(true)));
    for (const client of this.connections) client.disconnect();
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
  }

  /**
   * Lets running jobs finish (up to `graceMs`), then closes workers, queues and their connections.
   * With Redis away a graceful close would wait forever: past the grace the connections are cut,
   * which fails what is pending, and a job cut short is retried by the next process (at-least-once).
   */
  async stop(graceMs = 10_000): Promise<void> {
    const closed = Promise.allSettled([
      ...this.workers.map((w) => w.close()),
      ...[...this.queues.values()].map((q) => q.close()),
    ]);
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs);
    });
    await Promise.race([closed, grace]);
    clearTimeout(timer);
    for (const client of this.connections) client.disconnect();
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 1_000).unref())]);
  }
}
