import { redisServerMissingMessage } from "./redis.js";

/** Fails the run at once, with install instructions, when the machine has no redis-server. */
export default function setup(): void {
  const missing = redisServerMissingMessage();
  if (missing) throw new Error(missing);
}
