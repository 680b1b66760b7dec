/**
 * What the model must answer, declared once with zod: the same schema validates the reply and,
 * through `z.toJSONSchema`, is sent as `response_format: json_schema`. Every field is required and
 * nullable (strict structured output needs that); bounds keep one reply from growing without limit.
 */
import { z } from "zod";
import { LEVELS, type Level } from "#src/screening/types.js";

const short = z.string().max(300);

const contact = z.object({
  kind: z.enum(["phone", "whatsapp", "telegram", "email", "website", "other"]),
  value: z.string().min(1).max(200),
});

const money = z.object({
  amount: z.number().nullable(),
  currency: z.string().max(10).nullable(),
  period: z.enum(["hour", "day", "week", "month", "year", "once"]).nullable(),
  text: short.nullable(),
});

export const extractionSchema = z.object({
  recruiters: z.array(z.object({ name: short.nullable(), contacts: z.array(contact).max(10) })).max(10),
  agency: short.nullable(),
  destination_country: z.string().max(60).nullable(),
  destination_city: short.nullable(),
  job_title: short.nullable(),
  salary: money.nullable(),
  fees: z
    .array(
      z.object({
        amount: z.number().nullable(),
        currency: z.string().max(10).nullable(),
        purpose: short.nullable(),
        text: short.nullable(),
      }),
    )
    .max(10),
  visa_type: z.enum(["tourist", "business", "work", "student", "none"]).nullable(),
  travel_route: z.array(z.string().max(100)).max(10),
  language: z.string().max(10).nullable(),
  image_text: z.string().max(8000).nullable(),
});
export type ModelExtraction = z.infer<typeof extractionSchema>;

const LEVEL_VALUES = LEVELS as readonly Level[] as [Level, ...Level[]];

/** The second opinion; `ids` are the catalogue's risk indicator ids, so the model cannot invent one. */
export function secondOpinionSchema(ids: readonly string[]) {
  return z.object({
    indicators: z
      .array(z.object({ id: z.enum(ids as [string, ...string[]]), quote: z.string().min(1).max(300) }))
      .max(30),
    level: z.enum(LEVEL_VALUES),
  });
}
export type ModelSecondOpinion = z.infer<ReturnType<typeof secondOpinionSchema>>;

/**
 * Looser twin used to read a reply: an unknown id is dropped by the guard (and recorded), not a
 * reason to throw the whole answer away; everything else must match.
 */
export const secondOpinionReplySchema = z.object({
  indicators: z.array(z.object({ id: z.string().max(100), quote: z.string().max(300) })).max(30),
  level: z.enum(LEVEL_VALUES),
});
export type SecondOpinionReply = z.infer<typeof secondOpinionReplySchema>;

/** The JSON Schema of a zod schema, in the form `response_format: json_schema` takes. */
export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema) as Record<string, unknown>;
  return rest;
}
