/**
 * Reads the text out of a screenshot on this machine (tesseract.js, WebAssembly): a small pool of
 * workers, started when first needed and kept warm, fed by a bounded in-process queue. Each image
 * is checked before decoding (format, bytes, pixels) and read under a timeout; a worker that runs
 * past it is terminated and replaced, since tesseract cannot cancel a recognition.
 * The text read is personal data: callers store it like the offer's text, and logs get sizes only.
 */
import { createWorker, type Worker } from "tesseract.js";
import type { Logger } from "#src/logger.js";
import { imageInfo } from "#src/ocr/image.js";
import { prepareLanguageFolder } from "#src/ocr/languages.js";

export interface ReaderOptions {
  langs: readonly string[];
  concurrency: number;
  timeoutMs: number;
  maxBytes: number;
  maxPixels: number;
  /** Images waiting beyond this many are refused as "busy" rather than queued for minutes. */
  maxQueued?: number;
  logger: Logger;
}

export type ReadOutcome =
  | { status: "text"; text: string; confidence: number; ms: number }
  /** Decoded, but nothing that reads as words: a photo, a blank picture, a sticker. */
  | { status: "no_text"; ms: number }
  | { status: "not_an_image" | "too_large" | "timeout" | "busy" | "failed" };

export interface ScreenshotReader {
  read(bytes: Buffer): Promise<ReadOutcome>;
  /** Starts the workers now instead of at the first image (start-up, benchmarks). */
  warmUp(): Promise<void>;
  close(): Promise<void>;
}

/** Fewer letters or digits than this, or lower confidence, is "no readable text". */
const MIN_CHARACTERS = 12;
const MIN_CONFIDENCE = 45;
/** Telegram's caption and message limits make anything longer useless to screen at once. */
const MAX_TEXT = 20_000;

/** Lines as a person would copy them: trimmed, runs of spaces folded, empty and junk lines dropped. */
export function cleanReadText(raw: string): string {
  return raw
    .split(/\r?\n/)
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
    .filter((line) => /[\p{L}\p{N}]{2}/u.test(line))
    .join("\n")
    .slice(0, MAX_TEXT);
}

function readable(text: string, confidence: number): boolean {
  const characters = text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  return characters >= MIN_CHARACTERS && confidence >= MIN_CONFIDENCE;
}

interface Task {
  bytes: Buffer;
  resolve: (outcome: ReadOutcome) => void;
}

export function createScreenshotReader(options: ReaderOptions): ScreenshotReader {
  const { logger } = options;
  const maxQueued = options.maxQueued ?? 100;
  const langPath = prepareLanguageFolder(options.langs);
  const idle: Worker[] = [];
  const queue: Task[] = [];
  let workers = 0;
  let closed = false;

  async function startWorker(): Promise<Worker> {
    return createWorker([...options.langs], 1, {
      langPath,
      gzip: true,
      cacheMethod: "none",
      errorHandler: (error: unknown) => logger.warn({ err: error }, "ocr worker error"),
    });
  }

  async function recognise(worker: Worker, bytes: Buffer): Promise<{ outcome: ReadOutcome; keep: boolean }> {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), options.timeoutMs);
    });
    try {
      const result = await Promise.race([worker.recognize(bytes), timeout]);
      if (result === "timeout") return { outcome: { status: "timeout" }, keep: false };
      const ms = Math.round(performance.now() - started);
      const text = cleanReadText(result.data.text);
      if (!readable(text, result.data.confidence)) return { outcome: { status: "no_text", ms }, keep: true };
      return {
        outcome: { status: "text", text, confidence: Math.round(result.data.confidence), ms },
        keep: true,
      };
    } catch (error) {
      // Leptonica refuses files it cannot decode; the worker itself is still usable.
      logger.warn(
        { err: error instanceof Error ? error.message : "unknown", bytes: bytes.length },
        "ocr failed",
      );
      return { outcome: { status: "failed" }, keep: true };
    } finally {
      clearTimeout(timer);
    }
  }

  async function drain(): Promise<void> {
    while (queue.length > 0 && !closed) {
      let worker = idle.pop();
      if (!worker) {
        if (workers >= options.concurrency) return;
        workers++;
        try {
          worker = await startWorker();
        } catch (error) {
          workers--;
          logger.error({ err: error }, "could not start an ocr worker");
          for (const task of queue.splice(0)) task.resolve({ status: "failed" });
          return;
        }
      }
      const task = queue.shift();
      if (!task) {
        idle.push(worker);
        return;
      }
      void recognise(worker, task.bytes).then(({ outcome, keep }) => {
        if (keep && !closed) idle.push(worker);
        else {
          workers--;
          void worker.terminate().catch(() => {});
        }
        task.resolve(outcome);
        void drain();
      });
    }
  }

  return {
    read(bytes) {
      if (closed) return Promise.resolve({ status: "failed" });
      if (bytes.length > options.maxBytes) return Promise.resolve({ status: "too_large" });
      const info = imageInfo(bytes);
      if (!info) return Promise.resolve({ status: "not_an_image" });
      if (info.width * info.height > options.maxPixels) return Promise.resolve({ status: "too_large" });
      if (queue.length >= maxQueued) return Promise.resolve({ status: "busy" });
      return new Promise((resolve) => {
        queue.push({ bytes, resolve });
        void drain();
      });
    },
    async warmUp() {
      while (workers < options.concurrency) {
        workers++;
        idle.push(await startWorker());
      }
    },
    async close() {
      closed = true;
      for (const task of queue.splice(0)) task.resolve({ status: "failed" });
      await Promise.allSettled(idle.splice(0).map((w) => w.terminate()));
    },
  };
}
