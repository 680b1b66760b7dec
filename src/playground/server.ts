/**
 * The page's HTTP server: the page itself (bundled once at start with esbuild), a JSON snapshot of
 * the world, live changes as server-sent events, and one endpoint for what people and officers do.
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { join } from "node:path";
import { z } from "zod";
import { LOCALES_DIR } from "#src/bot/i18n.js";
import type { Locale } from "#src/config.js";
import { PlaygroundInputError, type PlaygroundWorld } from "#src/playground/world.js";

/** The page's own strings, from locales/<lang>.playground.ftl (Fluent messages without placeables). */
export function pageStrings(locale: Locale): Record<string, string> {
  const text = readFileSync(join(LOCALES_DIR, `${locale}.playground.ftl`), "utf8");
  const strings: Record<string, string> = {};
  for (const match of text.matchAll(/^([a-z][a-z0-9-]*)\s*=\s*(.*)$/gm))
    strings[match[1]!] = match[2]!.trim();
  return strings;
}

const persona = z.coerce.number().int();
const action = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text"), persona, text: z.string().min(1).max(4096) }),
  z.object({ type: z.literal("reply-button"), persona, text: z.string().min(1).max(300) }),
  z.object({
    type: z.literal("forward"),
    persona,
    text: z.string().min(1).max(4096),
    from: z.string().trim().min(1).max(64),
  }),
  z.object({ type: z.literal("location"), persona }),
  z.object({
    type: z.literal("contact"),
    persona,
    name: z.string().trim().min(1).max(64),
    phone: z.string().trim().min(3).max(32),
  }),
  z.object({
    type: z.literal("photo"),
    persona,
    base64: z.string().min(1).max(14_000_000),
    width: z.number().int().positive().max(10_000),
    height: z.number().int().positive().max(10_000),
    caption: z.string().max(1024).optional(),
  }),
  z.object({
    type: z.literal("press"),
    persona,
    chatId: z.number().int(),
    messageId: z.number().int(),
    data: z.string().min(1).max(64),
  }),
  z.object({
    type: z.literal("group"),
    persona,
    text: z.string().min(1).max(4096),
    threadId: z.number().int().optional(),
    replyTo: z.number().int().optional(),
  }),
  z.object({
    type: z.literal("persona"),
    name: z.string().trim().min(1).max(40),
    language: z.enum(["id", "en"]),
    role: z.enum(["migrant", "relative"]),
  }),
]);
export type PlaygroundAction = z.infer<typeof action>;

export class PageServer {
  private readonly streams = new Set<ServerResponse>();
  private readonly unsubscribe: () => void;

  private constructor(
    private readonly server: Server,
    private readonly world: PlaygroundWorld,
    private readonly script: string,
  ) {
    this.unsubscribe = world.onEvent((event) => {
      const frame = `data: ${JSON.stringify(event)}\n\n`;
      for (const stream of this.streams) stream.write(frame);
    });
    server.on("request", (req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        const status = error instanceof PlaygroundInputError || error instanceof z.ZodError ? 400 : 500;
        writeJson(res, status, { error: error instanceof Error ? error.message : String(error) });
      });
    });
  }

  /**
   * Listens on 127.0.0.1 only: the playground has no accounts, so nobody else on the network may use
   * it. Rejects with the listen error (EADDRINUSE) so the caller can explain it.
   */
  static async listen(port: number, world: PlaygroundWorld, script: string): Promise<PageServer> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
    return new PageServer(server, world, script);
  }

  get port(): number {
    const address = this.server.address();
    return typeof address === "object" && address ? address.port : 0;
  }

  async close(): Promise<void> {
    this.unsubscribe();
    for (const stream of this.streams) stream.end();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (req.method === "GET") {
      if (url.pathname === "/") return writeBody(res, "text/html; charset=utf-8", pageHtml(url));
      if (url.pathname === "/app.js") return writeBody(res, "text/javascript; charset=utf-8", this.script);
      if (url.pathname === "/app.css") return writeBody(res, "text/css; charset=utf-8", pageCss());
      if (url.pathname === "/api/ping") return writeJson(res, 200, { playground: "waspada" });
      if (url.pathname === "/api/state") return writeJson(res, 200, this.world.snapshot());
      if (url.pathname === "/api/strings") {
        const lang = url.searchParams.get("lang") === "id" ? "id" : "en";
        return writeJson(res, 200, pageStrings(lang));
      }
      if (url.pathname === "/api/events") return this.openStream(res);
      const file = /^\/api\/files\/([A-Za-z0-9_-]+)$/.exec(url.pathname);
      if (file) {
        const bytes = this.world.fileBytes(file[1]!);
        if (!bytes) return writeJson(res, 404, { error: "no such file" });
        return writeBody(res, imageType(bytes), bytes);
      }
    }
    if (req.method === "POST" && url.pathname === "/api/act") {
      const parsed = action.parse(JSON.parse(await readBody(req)));
      return writeJson(res, 200, await this.act(parsed));
    }
    writeJson(res, 404, { error: "not found" });
  }

  private async act(input: PlaygroundAction): Promise<unknown> {
    const world = this.world;
    switch (input.type) {
      case "text":
        await world.sendText(input.persona, input.text);
        return { ok: true };
      case "reply-button":
        await world.pressReplyButton(input.persona, input.text);
        return { ok: true };
      case "forward":
        await world.forward(input.persona, input.text, input.from);
        return { ok: true };
      case "location":
        await world.shareLocation(input.persona);
        return { ok: true };
      case "contact":
        await world.shareContact(input.persona, { name: input.name, phone: input.phone });
        return { ok: true };
      case "photo":
        await world.sendPhoto(input.persona, {
          data: Buffer.from(input.base64, "base64"),
          width: input.width,
          height: input.height,
          ...(input.caption && { caption: input.caption }),
        });
        return { ok: true };
      case "press":
        return {
          ok: true,
          answer: await world.press(input.persona, input.chatId, input.messageId, input.data),
        };
      case "group":
        await world.postInGroup(input.persona, input.text, {
          ...(input.threadId !== undefined && { threadId: input.threadId }),
          ...(input.replyTo !== undefined && { replyTo: input.replyTo }),
        });
        return { ok: true };
      case "persona":
        return { ok: true, persona: world.addPersona(input) };
    }
  }

  private openStream(res: ServerResponse): void {
    res.writeHead(200, {
      "content-type": "text/event-stream",
      "cache-control": "no-store",
      connection: "keep-alive",
    });
    res.write(": waspada playground\n\n");
    this.streams.add(res);
    res.on("close", () => this.streams.delete(res));
  }
}

function pageHtml(url: URL): string {
  const lang = url.searchParams.get("lang") === "id" ? "id" : "en";
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Waspada playground</title>
<link rel="stylesheet" href="/app.css">
</head>
<body>
<div id="app"></div>
<script type="module" src="/app.js"></script>
</body>
</html>
`;
}

let css: string | undefined;
function pageCss(): string {
  css ??= readFileSync(new URL("./page/style.css", import.meta.url.replace("/dist/src/", "/src/")), "utf8");
  return css;
}

function imageType(bytes: Buffer): string {
  if (bytes[0] === 0x89 && bytes[1] === 0x50) return "image/png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return "image/jpeg";
  if (bytes.subarray(0, 4).toString() === "RIFF") return "image/webp";
  if (bytes.subarray(0, 3).toString() === "GIF") return "image/gif";
  return bytes.subarray(0, 64).includes(0) ? "application/octet-stream" : "text/plain; charset=utf-8";
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > 16_000_000) {
        reject(new PlaygroundInputError("request too large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function writeBody(res: ServerResponse, type: string, body: string | Buffer): void {
  res.writeHead(200, { "content-type": type, "cache-control": "no-store" });
  res.end(body);
}

function writeJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}
