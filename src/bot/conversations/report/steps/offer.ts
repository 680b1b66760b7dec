import type { Message } from "grammy/types";
import { type Dialog, LONG_TEXT_MAX } from "#src/bot/conversations/report/dialog.js";
import type { Draft, ForwardOrigin, MediaItem, OfferText } from "#src/bot/conversations/report/draft.js";

export const MAX_MEDIA = 10;
export const MAX_TEXTS = 20;
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
/** Telegram lets bots download files up to 20 MB; larger ones could never be looked at. */
const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
const DOCUMENT_TYPES = new Set([
  "image/jpeg",
  "image/png",
  "image/webp",
  "image/heic",
  "image/heif",
  "application/pdf",
]);

export function forwardOriginOf(message: Message): ForwardOrigin | undefined {
  const origin = message.forward_origin;
  if (!origin) return undefined;
  switch (origin.type) {
    case "user":
      return {
        kind: "user",
        id: origin.sender_user.id,
        username: origin.sender_user.username,
        name: [origin.sender_user.first_name, origin.sender_user.last_name].filter(Boolean).join(" "),
      };
    case "hidden_user":
      return { kind: "hidden_user", name: origin.sender_user_name };
    case "chat":
      return {
        kind: "chat",
        id: origin.sender_chat.id,
        username: "username" in origin.sender_chat ? origin.sender_chat.username : undefined,
        name: "title" in origin.sender_chat ? origin.sender_chat.title : undefined,
      };
    case "channel":
      return { kind: "channel", id: origin.chat.id, username: origin.chat.username, name: origin.chat.title };
  }
}

/**
 * The sender of a forwarded message as a recruiter *candidate*, or undefined when there is none to
 * ask about: a message the person forwards from herself (her own id, or her own name where the
 * sender is hidden) is dropped at once, and a hidden sender has nothing that identifies them.
 */
export function forwardedSender(message: Message): ForwardOrigin | undefined {
  const origin = forwardOriginOf(message);
  if (!origin || origin.kind === "hidden_user") return undefined;
  const self = message.from;
  if (self && origin.kind === "user" && origin.id === self.id) return undefined;
  if (origin.id === undefined && origin.username === undefined) return undefined;
  return origin;
}

/** Checks one screenshot; returns the media item or the key of the reason it was refused. */
export function mediaOf(message: Message): MediaItem | { refused: string } {
  if (message.photo) {
    const largest = message.photo[message.photo.length - 1]!;
    if ((largest.file_size ?? 0) > MAX_PHOTO_BYTES) return { refused: "report-offer-too-large" };
    return {
      kind: "photo",
      fileId: largest.file_id,
      fileUniqueId: largest.file_unique_id,
      fileSize: largest.file_size,
    };
  }
  const doc = message.document!;
  if (!doc.mime_type || !DOCUMENT_TYPES.has(doc.mime_type)) return { refused: "report-offer-wrong-file" };
  if ((doc.file_size ?? 0) > MAX_DOCUMENT_BYTES) return { refused: "report-offer-too-large" };
  return {
    kind: "document",
    fileId: doc.file_id,
    fileUniqueId: doc.file_unique_id,
    mimeType: doc.mime_type,
    fileSize: doc.file_size,
  };
}

function offerTextOf(text: string, message: Message): OfferText {
  const sender = forwardedSender(message);
  if (!message.forward_origin) return { text };
  return sender ? { text, forwarded: true, forwardedFrom: sender } : { text, forwarded: true };
}

function receivedText(d: Dialog, offer: Draft["offer"]): string {
  return d.t("report-offer-received", {
    texts: offer.texts.length,
    screenshots: offer.media.length,
    max: MAX_MEDIA,
  });
}

/**
 * Step 2: the offer — pasted or forwarded texts and screenshots, until Done. What came with
 * "Report this" under a check is already in the draft and is not asked for again; after Back, what
 * was sent is kept and counted.
 */
export async function collectOffer(
  d: Dialog,
  current: Draft["offer"],
  fromCheck = false,
): Promise<Draft["offer"]> {
  const offer = { ...current, texts: [...current.texts], media: [...current.media] };
  let text =
    offer.texts.length + offer.media.length === 0
      ? d.t("report-offer-question", { max: MAX_MEDIA })
      : fromCheck
        ? d.t("report-offer-question-checked", {
            texts: offer.texts.length,
            screenshots: offer.media.length,
            max: MAX_MEDIA,
          })
        : receivedText(d, offer);
  for (;;) {
    const hasSomething = offer.texts.length + offer.media.length > 0;
    const answer = await d.ask({
      step: "offer",
      text,
      choices: hasSomething ? [[["done", d.t("report-button-done")]]] : [],
      skip: !hasSomething,
      accept: ["text", "photo", "document"],
      wrongInput: d.t("report-offer-wrong-input"),
      maxLength: LONG_TEXT_MAX,
      // Past a limit, more input is refused before it is kept (the log stays bounded).
      refuse: (a) => {
        if (a.kind === "text" && offer.texts.length >= MAX_TEXTS)
          return d.t("report-offer-text-limit", { max: MAX_TEXTS });
        if (a.kind !== "photo" && a.kind !== "document") return undefined;
        if (offer.media.length >= MAX_MEDIA) return d.t("report-offer-media-limit", { max: MAX_MEDIA });
        const media = mediaOf(a.message);
        return "refused" in media ? d.t(media.refused) : undefined;
      },
    });
    if (answer.kind === "choice") return offer;
    if (answer.kind === "text") {
      offer.texts.push(offerTextOf(answer.text, answer.message));
    } else if (answer.kind === "photo" || answer.kind === "document") {
      const media = mediaOf(answer.message);
      if ("refused" in media) continue; // refused above; kept for the type
      offer.media.push(media);
      // Read while the person goes on: the text is picked up after Done.
      await d.external(async (ctx) => {
        if (
          !ctx.deps.screenshots.enabled ||
          (media.kind === "document" && !media.mimeType?.startsWith("image/"))
        )
          return;
        await ctx.deps.screenshots
          .queue(ctx.deps.pseudonymize("chat", ctx.chat!.id), media)
          .catch((error: unknown) => ctx.logger.warn({ err: error }, "could not queue a screenshot reading"));
      });
      const caption = answer.message.caption;
      if (caption && offer.texts.length < MAX_TEXTS) offer.texts.push(offerTextOf(caption, answer.message));
    }
    text = receivedText(d, offer);
  }
}
