import { describe, expect, it } from "vitest";
import { detectEntities } from "#src/playground/telegram/detect-entities.js";
import { parseHtml } from "#src/playground/telegram/formatting/html.js";
import { parseMarkdown } from "#src/playground/telegram/formatting/markdown.js";
import { parseMarkdownV2 } from "#src/playground/telegram/formatting/markdown-v2.js";
import { expectTelegramError, useFakeTelegram } from "./helpers.js";

describe("HTML parse mode", () => {
  it("decodes the four named entities and numeric ones, and keeps unknown ones literally", () => {
    expect(parseHtml("&lt;a&gt; &amp; &quot; &#128512; &nbsp;").text).toBe('<a> & " 😀 &nbsp;');
  });

  it("turns <pre><code class> into one pre entity with a language, and supports spoilers and quotes", () => {
    const { text, entities } = parseHtml(
      '<pre><code class="language-ts">x</code></pre><tg-spoiler>s</tg-spoiler><blockquote expandable>q</blockquote>',
    );
    expect(text).toBe("xsq");
    expect(entities).toEqual([
      { type: "pre", offset: 0, length: 1, language: "ts" },
      { type: "spoiler", offset: 1, length: 1 },
      { type: "expandable_blockquote", offset: 2, length: 1 },
    ]);
  });

  it("reports byte offsets the way Telegram does", () => {
    expect(() => parseHtml("é <foo>")).toThrow('Unsupported start tag "foo" at byte offset 3');
    expect(() => parseHtml("<span>x</span>")).toThrow(
      'Tag "span" must have class "tg-spoiler" at byte offset 0',
    );
    expect(() => parseHtml("x</b>")).toThrow("Unexpected end tag at byte offset 1");
  });
});

describe("MarkdownV2 parse mode", () => {
  it("parses nested entities, escapes and code", () => {
    const { text, entities } = parseMarkdownV2(
      "*bold _italic_* __u__ ~s~ ||sp|| `a.b` ```py\nprint()``` \\.",
    );
    expect(text).toBe("bold italic u s sp a.b print() .");
    expect(entities.map((e) => e.type)).toEqual([
      "bold",
      "italic",
      "underline",
      "strikethrough",
      "spoiler",
      "code",
      "pre",
    ]);
  });

  it("parses block quotes", () => {
    expect(parseMarkdownV2(">kutipan\n>baris dua\nbiasa")).toEqual({
      text: "kutipan\nbaris dua\nbiasa",
      entities: [{ type: "blockquote", offset: 0, length: 18 }],
    });
  });

  it("refuses unescaped reserved characters and unclosed entities", () => {
    expect(() => parseMarkdownV2("Rp 1.000")).toThrow("Character '.' is reserved");
    expect(() => parseMarkdownV2("a (b)")).toThrow("Character '(' is reserved");
    expect(() => parseMarkdownV2("_x")).toThrow("Can't find end of Italic entity at byte offset 0");
  });
});

describe("legacy Markdown parse mode", () => {
  it("parses the four legacy entities", () => {
    expect(parseMarkdown("*b* _i_ `c` [l](https://x.org)").entities.map((e) => e.type)).toEqual([
      "bold",
      "italic",
      "code",
      "text_link",
    ]);
    expect(() => parseMarkdown("*open")).toThrow("Can't find end of the entity starting at byte offset 0");
  });
});

describe("entities a person's message gets", () => {
  it("finds commands, mentions, links, e-mails and hashtags but not file names", () => {
    const text =
      "/start@waspada_test_bot cek @agen_kerja bit.ly/abc https://x.org/a, a@b.co #loker kontrak.pdf";
    const found = detectEntities(text).map((e) => [e.type, text.slice(e.offset, e.offset + e.length)]);
    expect(found).toEqual([
      ["bot_command", "/start@waspada_test_bot"],
      ["mention", "@agen_kerja"],
      ["url", "bit.ly/abc"],
      ["url", "https://x.org/a"],
      ["email", "a@b.co"],
      ["hashtag", "#loker"],
    ]);
  });
});

describe("formatting through the API", () => {
  const ctx = useFakeTelegram();

  it("also parses legacy Markdown and refuses an unknown parse_mode", async () => {
    const user = ctx.tg.createUser({ firstName: "Sari" });
    await user.send("/start");
    const sent = await ctx.api.sendMessage(user.id, "*tebal*", { parse_mode: "Markdown" });
    expect(sent.entities).toEqual([{ type: "bold", offset: 0, length: 5 }]);
    await expectTelegramError(
      ctx.api.sendMessage(user.id, "x", { parse_mode: "BBCode" as never }),
      400,
      "Bad Request: unsupported parse_mode",
    );
  });
});
