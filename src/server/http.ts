/** The HTTP server of both modes: /healthz and /metrics always, the webhook endpoint in webhook mode. */
import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Logger } from "#src/logger.js";
import type { Metrics } from "#src/metrics.js";
import type { HealthReport } from "#src/server/health.js";

/**
 * Compares a presented secret with the expected one in constant time (digests of equal length),
 * so the time of a refusal tells nothing about how much of the token was right.
 */
export function sameSecret(presented: string | undefined, expected: string): boolean {
  const a = createHash("sha256")
    .update(presented ?? "")
    .digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b) && presented !== undefined;
}

export interface HttpServerOptions {
  logger: Logger;
  metrics: Metrics;
  health: () => Promise<HealthReport>;
  metricsToken?: string | undefined;
  webhook?: { path: string; handle: (req: IncomingMessage, res: ServerResponse) => Promise<void> };
}

export function createHttpServer(options: HttpServerOptions): Server {
  return createServer(async (req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    try {
      if (options.webhook && path === options.webhook.path) return await options.webhook.handle(req, res);
      if (req.method === "GET" && path === "/healthz") {
        const report = await options.health();
        res.writeHead(report.status === "ok" ? 200 : 503, { "content-type": "application/json" });
        return void res.end(JSON.stringify(report));
      }
      if (req.method === "GET" && path === "/metrics") {
        if (
          options.metricsToken &&
          !sameSecret(req.headers.authorization, `Bearer ${options.metricsToken}`)
        ) {
          return void res.writeHead(401).end("unauthorized");
        }
        res.writeHead(200, { "content-type": options.metrics.registry.contentType });
        return void res.end(await options.metrics.registry.metrics());
      }
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    } catch (error) {
      options.logger.error({ err: error, path }, "http request failed");
      if (!res.headersSent) res.writeHead(500).end("error");
    }
  });
}

export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
