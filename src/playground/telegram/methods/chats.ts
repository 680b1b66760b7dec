import type { ChatMember, ForumTopic } from "grammy/types";
import { badRequest } from "../errors.js";
import { codePointLength } from "../formatting/index.js";
import { limits, topicIconColors } from "../limits.js";
import { chatMember, isAdminStatus } from "../members.js";
import { messageEnvelope } from "../message-builder.js";
import { readableChat, writableChat } from "./chat-access.js";
import type { MethodTable } from "./context.js";

export const chatMethods: MethodTable = {
  /** ChatFullInfo has many required fields; these are the ones a bot reads. */
  getChat: ({ backend, params }) => {
    const chat = readableChat(backend, params.chatId());
    return {
      ...chat.chat,
      accent_color_id: 0,
      max_reaction_count: 11,
      accepted_gift_types: {
        unlimited_gifts: false,
        limited_gifts: false,
        unique_gifts: false,
        premium_subscription: false,
        gifts_from_channels: false,
      },
    };
  },

  /** Known users outside the chat are "left"; ids Telegram never saw are "user not found". */
  getChatMember: ({ backend, params }) => {
    const chat = readableChat(backend, params.chatId());
    const userId = params.requiredInt("user_id");
    const { state } = backend;
    const user = userId === state.bot.id ? state.bot : state.users.get(userId)?.user;
    if (!user) throw badRequest("user not found");
    return chatMember(user, state.memberStatus(chat, userId), chat.chat.type === "channel");
  },

  getChatAdministrators: ({ backend, params }) => {
    const chat = readableChat(backend, params.chatId());
    if (chat.chat.type === "private") throw badRequest("there are no administrators in the private chat");
    const { state } = backend;
    const admins: ChatMember[] = [];
    for (const [userId, status] of chat.members) {
      if (!isAdminStatus(status)) continue;
      const user = userId === state.bot.id ? state.bot : state.users.get(userId)?.user;
      if (user) admins.push(chatMember(user, status, chat.chat.type === "channel"));
    }
    return admins.sort((a, b) => Number(b.status === "creator") - Number(a.status === "creator"));
  },

  getChatMemberCount: ({ backend, params }) => {
    const chat = readableChat(backend, params.chatId());
    if (chat.chat.type === "private") return 2;
    return [...chat.members.values()].filter((status) => status !== "left" && status !== "kicked").length;
  },

  /** The topic id is the id of the "topic created" service message, as on Telegram. */
  createForumTopic: ({ backend, params }) => {
    const chat = writableChat(backend, params.chatId());
    if (chat.chat.type !== "supergroup" || !chat.chat.is_forum) throw badRequest("the chat is not a forum");
    if (!isAdminStatus(backend.state.botStatus(chat)))
      throw badRequest("not enough rights to create a topic");
    const name = params.requiredString("name");
    if (codePointLength(name) > limits.topicNameLength) throw badRequest("TOPIC_TITLE_INVALID");
    const iconColor = params.int("icon_color") ?? topicIconColors[0];
    if (!(topicIconColors as readonly number[]).includes(iconColor))
      throw badRequest("invalid icon_color specified");
    const stored = backend.state.storeMessage(chat, "bot", (messageId) => ({
      ...messageEnvelope(chat, messageId, backend.state.bot, { threadId: messageId }),
      forum_topic_created: { name, icon_color: iconColor },
    }));
    const topic: ForumTopic = { message_thread_id: stored.message.message_id, name, icon_color: iconColor };
    chat.topics.set(topic.message_thread_id, topic);
    return topic;
  },

  leaveChat: ({ backend, params }) => {
    const chat = backend.state.requireChat(params.chatId());
    if (chat.chat.type === "private")
      throw badRequest("chat member status can't be changed in private chats");
    chat.members.set(backend.state.bot.id, "left");
    return true;
  },
};
