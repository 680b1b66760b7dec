/** Who may answer on a focal post: the channel's administrators, or the destination's focal group's; cached, forgettable. */

import { Api } from "grammy";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFocalAdminCheck } from "#src/bot/middlewares/focal-admin.js";
import { createKeys } from "#src/redis-keys.js";
import { TestRedis } from "../../harness/redis.js";
import { FakeTelegram } from "../../harness/telegram/index.js";
import { botRedis } from "../reports/fixtures.js";

let server: TestRedis;
let redis: Redis;
let tg: FakeTelegram;

beforeAll(async () => {
  server = await TestRedis.start();
  redis = await botRedis(server);
  tg = await FakeTelegram.start();
});
afterAll(async () => {
  redis.disconnect();
  await tg.stop();
  await server.stop();
});

describe("focal administrators", () => {
  it("are the channel's admins, or the admins of the focal group named for its destination", async () => {
    const channelAdmin = tg.createUser({ firstName: "Sokha" });
    const groupAdmin = tg.createUser({ firstName: "Dara" });
    const subscriber = tg.createUser({ firstName: "Reader" });
    const kh = tg.createChannel({ title: "Focal point KH" });
    const mm = tg.createChannel({ title: "Focal point MM" });
    const khGroup = tg.createGroup({
      title: "KH focal officers",
      supergroup: true,
      botStatus: "administrator",
      members: [{ user: groupAdmin, status: "administrator" }],
    });
    tg.setMemberStatus(kh.id, channelAdmin.id, "administrator");
    tg.setMemberStatus(kh.id, subscriber.id, "member");
    const check = createFocalAdminCheck({
      api: new Api(tg.token, { apiRoot: tg.apiRoot }),
      redis,
      keys: createKeys("waspada:"),
      channels: { KH: kh.id, MM: mm.id },
      groups: { KH: khGroup.id },
      cacheSeconds: 60,
    });
    expect(await check.isFocalAdmin(kh.id, "KH", channelAdmin.id)).toBe(true);
    expect(await check.isFocalAdmin(kh.id, "KH", groupAdmin.id)).toBe(true);
    expect(await check.isFocalAdmin(kh.id, "KH", subscriber.id)).toBe(false);
    // The KH group's admins have no say on the MM channel.
    expect(await check.isFocalAdmin(mm.id, "MM", groupAdmin.id)).toBe(false);
    expect(check.watches(khGroup.id)).toBe(true);

    // Cached: a demotion shows only once the cached answer is dropped (at once on chat_member).
    const calls = tg.callsOf("getChatMember").length;
    tg.setMemberStatus(kh.id, channelAdmin.id, "member");
    expect(await check.isFocalAdmin(kh.id, "KH", channelAdmin.id)).toBe(true);
    expect(tg.callsOf("getChatMember").length).toBe(calls);
    expect(await redis.ttl(`waspada:focal-admin:${kh.id}:${channelAdmin.id}`)).toBeLessThanOrEqual(60);
    await check.forget(kh.id, channelAdmin.id);
    expect(await check.isFocalAdmin(kh.id, "KH", channelAdmin.id)).toBe(false);
  });
});
