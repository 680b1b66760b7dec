/** Every key and every value in one Redis node, as text: what someone with a dump of it would see. */
import type { Redis } from "ioredis";

export async function dumpRedis(client: Redis): Promise<string> {
  const out: string[] = [];
  let cursor = "0";
  do {
    const [next, keys] = await client.scan(cursor, "COUNT", 500);
    cursor = next;
    for (const key of keys) {
      out.push(key);
      const type = await client.type(key);
      if (type === "string") out.push((await client.get(key)) ?? "");
      else if (type === "hash") out.push(JSON.stringify(await client.hgetall(key)));
      else if (type === "set") out.push(JSON.stringify(await client.smembers(key)));
      else if (type === "zset") out.push(JSON.stringify(await client.zrange(key, "0", "-1", "WITHSCORES")));
      else if (type === "list") out.push(JSON.stringify(await client.lrange(key, "0", "-1")));
      else if (type === "stream") out.push(JSON.stringify(await client.xrange(key, "-", "+")));
    }
  } while (cursor !== "0");
  return out.join("\n");
}
