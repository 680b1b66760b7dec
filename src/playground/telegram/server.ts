import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { TelegramBackend } from "./backend.js";
import type { CallLog } from "./call-log.js";
import { methodNotFound, serverError, TelegramError, tooManyRequests, unauthorized } from "./errors.js";
import type { FaultInjector, FaultRule } from "./faults.js";
import { findMethod } from "./methods/index.js";
import { normalizeParams, Params } from "./params.js";
import { readRequest } from "./request-body.js";

interface ServerParts {
  token: string;
  backend: TelegramBackend;
  calls: CallLog;
  faults: FaultInjector;
}

type Outcome = { ok: true; result: unknown } | { ok: false; error: TelegramError };

/** The HTTP side: `/bot<token>/<method>` and `/file/bot<token>/<path>`, on 127.0.0.1 and a free port. */
export class BotApiServer {
  private constructor(
    private readonly server: Server,
    private readonly parts: ServerParts,
  ) {}

  static async listen(parts: ServerParts): Promise<BotApiServer> {
    const server = createServer();
    const apiServer = new BotApiServer(server, parts);
    server.on("request", (req, res) => {
      apiServer.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) writeJson(res, 500, { ok: false, error_code: 500, description: String(error) });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return apiServer;
  }

  get apiRoot(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** Answers waiting long polls with no updates, then closes every connection. */
  async close(): Promise<void> {
    this.parts.backend.queue.endPolls();
    this.parts.backend.webhook.stop();
    await new Promise((resolve) => setImmediate(resolve));
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (download) return this.serveFile(download[1]!, decodeURIComponent(download[2]!), res);
    const api = /^\/bot([^/]+)\/([A-Za-z0-9_]+)\/?$/.exec(url.pathname);
    if (!api) return writeJson(res, 404, methodNotFound().toResponseBody());

    const at = Date.now();
    const method = findMethod(api[2]!);
    const name = method?.name ?? api[2]!;
    let params: Record<string, unknown> = {};
    const respond = (outcome: Outcome) => {
      const status = outcome.ok ? 200 : outcome.error.errorCode;
      const body = outcome.ok ? { ok: true, result: outcome.result } : outcome.error.toResponseBody();
      this.record(name, params, at, outcome, status);
      writeJson(res, status, body);
    };

    try {
      params = normalizeParams(await readRequest(req, url));
    } catch (error) {
      return respond({ ok: false, error: asTelegramError(error) });
    }
    if (api[1] !== this.parts.token) return respond({ ok: false, error: unauthorized() });
    if (!method) return respond({ ok: false, error: methodNotFound() });

    const fault = this.parts.faults.take(name);
    if (fault && "delayMs" in fault) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    const refusal = fault && faultError(fault);
    if (refusal) return respond({ ok: false, error: refusal });
    if (fault && "dropConnection" in fault && !fault.afterProcessing) return this.drop(name, params, at, res);

    const aborted = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) aborted.abort();
    });
    if (req.socket.destroyed) aborted.abort();
    let outcome: Outcome;
    try {
      const result = await method.handler({
        backend: this.parts.backend,
        params: new Params(params),
        signal: aborted.signal,
      });
      outcome = { ok: true, result };
    } catch (error) {
      outcome = { ok: false, error: asTelegramError(error) };
    }
    if (fault && "dropConnection" in fault) return this.drop(name, params, at, res, outcome);
    respond(outcome);
  }

  private drop(
    method: string,
    params: Record<string, unknown>,
    at: number,
    res: ServerResponse,
    outcome?: Outcome,
  ) {
    this.parts.calls.record({
      method,
      params,
      status: 0,
      ok: false,
      description: outcome?.ok ? "connection dropped after the method took effect" : "connection dropped",
      ...(outcome?.ok && { result: outcome.result }),
      at,
    });
    res.socket?.destroy();
  }

  private record(
    method: string,
    params: Record<string, unknown>,
    at: number,
    outcome: Outcome,
    status: number,
  ) {
    this.parts.calls.record(
      outcome.ok
        ? { method, params, status, ok: true, result: outcome.result, at }
        : {
            method,
            params,
            status,
            ok: false,
            errorCode: outcome.error.errorCode,
            description: outcome.error.description,
            at,
          },
    );
  }

  private serveFile(token: string, path: string, res: ServerResponse): void {
    const file = token === this.parts.token ? this.parts.backend.files.atPath(path) : undefined;
    if (!file) {
      const error = token === this.parts.token ? methodNotFound() : unauthorized();
      writeJson(res, error.errorCode, error.toResponseBody());
      return;
    }
    const contents = this.parts.backend.files.contents(file);
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": contents.length });
    res.end(contents);
  }
}

function faultError(fault: FaultRule): TelegramError | undefined {
  if (!("status" in fault)) return undefined;
  return fault.status === 429 ? tooManyRequests(fault.retryAfter) : serverError(fault.status);
}

/** Unexpected exceptions are harness bugs; they surface as 500 with the message so tests show them. */
function asTelegramError(error: unknown): TelegramError {
  if (error instanceof TelegramError) return error;
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return new TelegramError(500, `Internal Server Error: fake Telegram failed: ${message}`);
}

function writeJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
