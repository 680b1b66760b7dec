/**
 * A small OpenAI-compatible server for tests: `POST /v1/chat/completions` with
 * `response_format: json_schema` and image content parts, on 127.0.0.1 and a free port. Each test
 * scripts the replies (content, status codes with retry-after, delays, malformed or off-schema
 * JSON) per task, and reads the recorded requests. `closedPortUrl()` gives a server that is down.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { freePort } from "../redis.js";

/** Which prompt a request is for, from the name of its json_schema. */
export type FakeTask = "extract" | "second_opinion" | "unknown";

export interface RecordedRequest {
  task: FakeTask;
  body: Record<string, unknown>;
  /** The raw request body as received, for "does not contain …" assertions. */
  raw: string;
  headers: IncomingMessage["headers"];
  /** Text of every user message, images excluded. */
  userText: string;
  /** Number of image_url parts. */
  images: number;
}

export type FakeReply =
  /** A completion whose message content is this object (as JSON) or string (as given). */
  | { content: unknown; delayMs?: number; usage?: { prompt: number; completion: number } }
  /** An error status, optionally with retry-after (seconds). */
  | { status: number; retryAfter?: number; delayMs?: number }
  /** Accepts the request and never answers (until the server stops). */
  | { hang: true };

export type Responder = (request: RecordedRequest) => FakeReply | undefined;

export const EMPTY_EXTRACTION = {
  recruiters: [],
  agency: null,
  destination_country: null,
  destination_city: null,
  job_title: null,
  salary: null,
  fees: [],
  visa_type: null,
  travel_route: [],
  language: null,
  image_text: null,
};

export class FakeOpenAI {
  readonly requests: RecordedRequest[] = [];
  private readonly queued: Record<FakeTask, FakeReply[]> = { extract: [], second_opinion: [], unknown: [] };
  private responder: Responder | undefined;
  private readonly defaults: Record<FakeTask, FakeReply> = {
    extract: { content: EMPTY_EXTRACTION },
    second_opinion: { content: { indicators: [], level: "low" } },
    unknown: { status: 400 },
  };
  private readonly hanging = new Set<ServerResponse>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(): Promise<FakeOpenAI> {
    let fake!: FakeOpenAI;
    const server = createServer((req, res) => {
      fake.handle(req, res).catch(() => {
        res.statusCode = 500;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    fake = new FakeOpenAI(server, (server.address() as AddressInfo).port);
    return fake;
  }

  /** A base URL where nothing listens: connections are refused, as with a server that is down. */
  static async closedPortUrl(): Promise<string> {
    return `http://127.0.0.1:${await freePort()}/v1`;
  }

  get baseURL(): string {
    return `http://127.0.0.1:${this.port}/v1`;
  }

  /** The reply for every request of a task from now on (until reset), when nothing is queued. */
  setDefault(task: FakeTask, reply: FakeReply): void {
    this.defaults[task] = reply;
  }

  /** Replies used once each, in order, before the default. */
  enqueue(task: FakeTask, ...replies: FakeReply[]): void {
    this.queued[task].push(...replies);
  }

  /** A function that decides the reply from the request (return undefined for the queue/default). */
  respondWith(responder: Responder | undefined): void {
    this.responder = responder;
  }

  reset(): void {
    this.requests.length = 0;
    this.queued.extract.length = 0;
    this.queued.second_opinion.length = 0;
    this.responder = undefined;
    this.defaults.extract = { content: EMPTY_EXTRACTION };
    this.defaults.second_opinion = { content: { indicators: [], level: "low" } };
  }

  of(task: FakeTask): RecordedRequest[] {
    return this.requests.filter((r) => r.task === task);
  }

  async waitForRequests(count: number, task?: FakeTask, timeoutMs = 5000): Promise<RecordedRequest[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const seen = task ? this.of(task) : this.requests;
      if (seen.length >= count) return seen;
      if (Date.now() > deadline)
        throw new Error(`expected ${count} ${task ?? ""} requests, saw ${seen.length}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
      return this.send(res, 404, { error: { message: "not found", type: "invalid_request_error" } });
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return this.send(res, 400, { error: { message: "invalid JSON body", type: "invalid_request_error" } });
    }
    const problem = checkRequest(body);
    if (problem) return this.send(res, 400, { error: { message: problem, type: "invalid_request_error" } });
    const format = body.response_format as { json_schema?: { name?: string } };
    const name = format.json_schema?.name;
    const task: FakeTask =
      name === "offer_extraction" ? "extract" : name === "second_opinion" ? "second_opinion" : "unknown";
    const messages = body.messages as Array<{ role: string; content: unknown }>;
    let userText = "";
    let images = 0;
    for (const m of messages.filter((m) => m.role === "user")) {
      if (typeof m.content === "string") userText += `${m.content}\n`;
      else
        for (const part of m.content as Array<{ type: string; text?: string }>) {
          if (part.type === "text") userText += `${part.text}\n`;
          if (part.type === "image_url") images++;
        }
    }
    const recorded: RecordedRequest = { task, body, raw, headers: req.headers, userText, images };
    this.requests.push(recorded);
    const reply = this.responder?.(recorded) ?? this.queued[task].shift() ?? this.defaults[task];
    if ("hang" in reply) {
      this.hanging.add(res);
      res.on("close", () => this.hanging.delete(res));
      return;
    }
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    if ("status" in reply) {
      if (reply.retryAfter !== undefined) res.setHeader("retry-after", String(reply.retryAfter));
      return this.send(res, reply.status, {
        error: { message: `scripted ${reply.status}`, type: "server_error" },
      });
    }
    const content = typeof reply.content === "string" ? reply.content : JSON.stringify(reply.content);
    this.send(res, 200, {
      id: `chatcmpl-${this.requests.length}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model: String(body.model),
      choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content } }],
      usage: {
        prompt_tokens: reply.usage?.prompt ?? 100,
        completion_tokens: reply.usage?.completion ?? 20,
        total_tokens: (reply.usage?.prompt ?? 100) + (reply.usage?.completion ?? 20),
      },
    });
  }

  private send(res: ServerResponse, status: number, body: unknown): void {
    if (res.destroyed) return;
    res.statusCode = status;
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(body));
  }
}

/** What a real server would refuse: no model, no messages, no json_schema, a malformed image part. */
function checkRequest(body: Record<string, unknown>): string | undefined {
  if (typeof body.model !== "string" || body.model === "") return "model is required";
  if (!Array.isArray(body.messages) || body.messages.length === 0) return "messages are required";
  const format = body.response_format as { type?: string; json_schema?: { name?: string; schema?: unknown } };
  if (
    format?.type !== "json_schema" ||
    !format.json_schema?.name ||
    typeof format.json_schema.schema !== "object"
  )
    return "response_format json_schema with name and schema is required";
  for (const m of body.messages as Array<{ role?: string; content?: unknown }>) {
    if (!["system", "user", "assistant"].includes(String(m.role))) return `unknown role ${m.role}`;
    if (Array.isArray(m.content)) {
      for (const part of m.content as Array<{ type?: string; image_url?: { url?: string } }>) {
        if (
          part.type === "image_url" &&
          !/^data:image\/(jpeg|png|webp|gif);base64,/.test(part.image_url?.url ?? "")
        )
          return "image_url must be a data URL of an image";
        if (part.type !== "text" && part.type !== "image_url") return `unknown content part ${part.type}`;
      }
    } else if (typeof m.content !== "string") return "content must be a string or parts";
  }
  return undefined;
}
