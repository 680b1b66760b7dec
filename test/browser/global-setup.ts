import { chromiumPath } from "./playground-process.js";

/** Fails the run at once, with install instructions, when the machine has no chromium. */
export default function setup(): void {
  chromiumPath();
}
