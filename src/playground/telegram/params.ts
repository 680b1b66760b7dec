import { badRequest } from "./errors.js";
import type { RawRequest } from "./request-body.js";
import { UploadedFile } from "./uploaded-file.js";

/** Multipart and urlencoded requests carry every value as a string; Telegram decodes them per field. */
const jsonFields = new Set([
  "reply_markup",
  "entities",
  "caption_entities",
  "reply_parameters",
  "link_preview_options",
  "media",
  "allowed_updates",
  "commands",
  "scope",
  "message_ids",
]);
const integerFields = new Set([
  "chat_id",
  "from_chat_id",
  "message_id",
  "message_thread_id",
  "user_id",
  "offset",
  "limit",
  "timeout",
  "duration",
  "width",
  "height",
  "max_connections",
  "cache_time",
  "reply_to_message_id",
  "icon_color",
]);
const booleanFields = new Set([
  "disable_notification",
  "protect_content",
  "show_alert",
  "drop_pending_updates",
  "allow_sending_without_reply",
  "disable_content_type_detection",
  "disable_web_page_preview",
  "has_spoiler",
  "show_caption_above_media",
  "remove_caption",
]);

/** Decodes string-typed fields and replaces `attach://name` references with the uploaded files. */
export function normalizeParams({ fields, files }: RawRequest): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    params[key] = attachUploads(decodeField(key, value), files);
  }
  // A file may also be uploaded directly under the parameter's own name.
  for (const [name, file] of files) {
    if (!(name in params)) params[name] = file;
  }
  return params;
}

function decodeField(key: string, value: unknown): unknown {
  if (typeof value !== "string") return value;
  if (jsonFields.has(key)) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  if (integerFields.has(key) && /^-?\d+$/.test(value)) return Number(value);
  if (booleanFields.has(key) && (value === "true" || value === "false")) return value === "true";
  return value;
}

function attachUploads(value: unknown, files: Map<string, UploadedFile>): unknown {
  if (typeof value === "string" && value.startsWith("attach://")) {
    return files.get(value.slice("attach://".length)) ?? value;
  }
  if (Array.isArray(value)) return value.map((item) => attachUploads(item, files));
  if (value !== null && typeof value === "object" && !(value instanceof UploadedFile)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, attachUploads(v, files)]));
  }
  return value;
}

/** Typed access to one request's parameters, failing with Telegram's wording. */
export class Params {
  constructor(readonly values: Record<string, unknown>) {}

  has(name: string): boolean {
    return this.values[name] !== undefined && this.values[name] !== null;
  }

  string(name: string): string | undefined {
    const value = this.values[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value === "string") return value;
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    throw badRequest(`field "${name}" must be of type String`);
  }

  requiredString(name: string): string {
    const value = this.string(name);
    if (value === undefined || value === "") throw badRequest(`${name} is empty`);
    return value;
  }

  int(name: string): number | undefined {
    const value = this.values[name];
    if (value === undefined || value === null || value === "") return undefined;
    const number = typeof value === "string" ? Number(value) : value;
    if (typeof number !== "number" || !Number.isInteger(number)) {
      throw badRequest(`invalid ${name} specified`);
    }
    return number;
  }

  requiredInt(name: string): number {
    const value = this.int(name);
    if (value === undefined) throw badRequest(`${name} is empty`);
    return value;
  }

  bool(name: string): boolean {
    const value = this.values[name];
    return value === true || value === "true" || value === 1 || value === "1";
  }

  /** An object or array field (already decoded from JSON when sent as a string). */
  json<T>(name: string): T | undefined {
    const value = this.values[name];
    if (value === undefined || value === null || value === "") return undefined;
    if (typeof value === "string") throw badRequest(`can't parse ${name} JSON object`);
    return value as T;
  }

  /** `chat_id` as Telegram takes it: a number or an `@username`. */
  chatId(name = "chat_id"): number | string {
    const value = this.values[name];
    if (value === undefined || value === null || value === "") throw badRequest(`${name} is empty`);
    if (typeof value === "number") return value;
    if (typeof value === "string") return /^-?\d+$/.test(value) ? Number(value) : value;
    throw badRequest("chat not found");
  }

  /** A file given as file_id / URL string or as an upload. */
  file(name: string): string | UploadedFile | undefined {
    const value = this.values[name];
    if (value instanceof UploadedFile) return value;
    return this.string(name);
  }
}
