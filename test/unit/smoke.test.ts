import { expect, it } from "vitest";
import { LEVELS } from "#src/screening/types.js";

it("resolves #src", () => {
  expect(LEVELS).toHaveLength(4);
});
