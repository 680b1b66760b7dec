import type { IncomingMessage } from "node:http";
import { badRequest } from "./errors.js";
import { parseMultipart } from "./multipart.js";
import type { UploadedFile } from "./uploaded-file.js";

export interface RawRequest {
  fields: Record<string, unknown>;
  files: Map<string, UploadedFile>;
}

const maxBodyBytes = 60 * 1024 * 1024;

/** Reads parameters the way the Bot API accepts them: query string, JSON, urlencoded or multipart. */
export async function readRequest(req: IncomingMessage, url: URL): Promise<RawRequest> {
  const fields: Record<string, unknown> = Object.fromEntries(url.searchParams);
  const body = await readBody(req);
  const contentType = req.headers["content-type"] ?? "";
  if (body.length === 0) return { fields, files: new Map() };

  if (/^application\/json/i.test(contentType)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      throw badRequest("can't parse JSON request body");
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw badRequest("JSON request body must be an object");
    }
    return { fields: { ...fields, ...parsed }, files: new Map() };
  }
  if (/^application\/x-www-form-urlencoded/i.test(contentType)) {
    return {
      fields: { ...fields, ...Object.fromEntries(new URLSearchParams(body.toString("utf8"))) },
      files: new Map(),
    };
  }
  const boundary = /^multipart\/form-data;.*boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (boundary) {
    const multipart = parseMultipart(body, boundary);
    return { fields: { ...fields, ...multipart.fields }, files: multipart.files };
  }
  return { fields, files: new Map() };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBodyBytes) throw badRequest("request body is too big");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
