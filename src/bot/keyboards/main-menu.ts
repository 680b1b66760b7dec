import { InlineKeyboard } from "grammy";
import { z } from "zod";
import type { Translate } from "#src/bot/context.js";
import { defineCallbackData } from "#src/callback-data/pack.js";

export const MENU_ITEMS = ["check", "report", "danger", "mine", "safe", "language"] as const;
export type MenuItem = (typeof MENU_ITEMS)[number];

export const menuData = defineCallbackData("menu", ["item"], z.object({ item: z.enum(MENU_ITEMS) }));

/** The main menu under /start and after every finished flow. */
export function mainMenu(t: Translate): InlineKeyboard {
  const button = (item: MenuItem) => InlineKeyboard.text(t(`menu-${item}`), menuData.pack({ item }));
  return InlineKeyboard.from([
    [button("check")],
    [button("report")],
    [button("danger")],
    [button("mine"), button("safe")],
    [button("language")],
  ]);
}
