import type { Chat, ForumTopic } from "grammy/types";
import { type ChatViewMessage, toChatView } from "./chat-view.js";
import type { ChatRecord } from "./state.js";

/** A group, forum or channel created by a test. */
export class SimChat {
  constructor(private readonly record: ChatRecord) {}

  get id(): number {
    return this.record.chat.id;
  }

  get chat(): Chat {
    return this.record.chat;
  }

  get title(): string {
    return this.record.chat.title ?? "";
  }

  /** Everything posted here, oldest first, edits applied. */
  messages(): ChatViewMessage[] {
    return [...this.record.messages.values()].map(toChatView).sort((a, b) => a.messageId - b.messageId);
  }

  /** Messages in one forum topic. */
  messagesInTopic(threadId: number): ChatViewMessage[] {
    return this.messages().filter((message) => message.threadId === threadId);
  }

  topics(): ForumTopic[] {
    return [...this.record.topics.values()];
  }
}
