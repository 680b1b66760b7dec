import { describe, expect, it } from "vitest";
import { extractLinks } from "#src/screening/extract/links.js";

const links = (text: string) => extractLinks(text).map((l) => `${l.kind}=${l.value}`);

describe("extractLinks: Telegram", () => {
  it.each([
    ["Chat admin: @rekrut_kerja88", "telegram_handle=rekrut_kerja88"],
    ["DM @LokerKamboja sekarang", "telegram_handle=lokerkamboja"],
    ["link tele t.me/LokerKamboja", "telegram_handle=lokerkamboja"],
    ["https://t.me/rekrut_asia", "telegram_handle=rekrut_asia"],
    ["telegram.me/hrd_thailand ya", "telegram_handle=hrd_thailand"],
    ["t.me/s/loker_asia", "telegram_handle=loker_asia"],
    ["(@admin_loker)", "telegram_handle=admin_loker"],
  ])("%j → %s", (text, expected) => {
    expect(links(text)).toEqual([expected]);
  });

  it.each([
    ["nama@gmail.com"],
    ["@gmail.com"],
    ["@abc"],
    ["@1abcdef"],
    [`@${"a".repeat(40)}`],
    ["harga @5000"],
  ])("%j holds no handle", (text) => {
    expect(extractLinks(text).filter((l) => l.kind === "telegram_handle")).toEqual([]);
  });

  it("treats invite links as URLs, not handles", () => {
    expect(links("join t.me/+AbCdEf123 dan t.me/joinchat/XYZ")).toEqual([
      "url=t.me/+AbCdEf123",
      "url=t.me/joinchat/XYZ",
    ]);
  });
});

describe("extractLinks: WhatsApp", () => {
  it.each([
    ["kirim ke wa.me/6281234567890", "whatsapp=+6281234567890"],
    ["https://wa.me/+6281234567890?text=halo", "whatsapp=+6281234567890"],
    ["https://api.whatsapp.com/send?phone=6281234567891&text=hi", "whatsapp=+6281234567891"],
    ["api.whatsapp.com/send/?phone=855128132820", "whatsapp=+855128132820"],
  ])("%j → %s", (text, expected) => {
    expect(links(text)[0]).toBe(expected);
  });

  it("reports the country of a WhatsApp number", () => {
    expect(extractLinks("wa.me/85512813282")[0]?.country).toBe("KH");
  });
});

describe("extractLinks: URLs, domains and e-mail", () => {
  it.each([
    ["daftar di bit.ly/abcDEF", ["url=bit.ly/abcDEF"]],
    ["www.loker-asia.com", ["domain=loker-asia.com", "url=www.loker-asia.com"]],
    [
      "form: https://Rekrut-Kerja.site/Form?id=1.",
      ["domain=rekrut-kerja.site", "url=https://rekrut-kerja.site/Form?id=1"],
    ],
    ["cek kemlu.go.id ya", ["domain=kemlu.go.id", "url=kemlu.go.id"]],
    ["HTTP://WWW.Example.COM/Path", ["domain=example.com", "url=http://www.example.com/Path"]],
    ["(lihat www.x.com)", ["url=www.x.com"]],
    ["fb.com/groups/lokerluarnegeri", ["url=fb.com/groups/lokerluarnegeri"]],
  ])("%j → %j", (text, expected) => {
    expect(links(text).sort()).toEqual([...expected].sort());
  });

  it.each([
    ["Kirim CV ke hr.rekrut@gmail.com ya", "email=hr.rekrut@gmail.com"],
    ["Email: Rekrut.Asia@Yahoo.co.id.", "email=rekrut.asia@yahoo.co.id"],
  ])("%j → %s", (text, expected) => {
    expect(links(text)).toEqual([expected]);
  });

  it.each([
    ["Node.js developer"],
    ["Jl.Kaliurang km 7"],
    ["Rp.5.000.000"],
    ["foto.jpg"],
    ["PT.Maju Jaya"],
    ["ya.Kalo mau"],
    ["tp.hcm"],
    ["1.2k USD"],
    ["e.g. this"],
  ])("%j holds no link", (text) => {
    expect(extractLinks(text)).toEqual([]);
  });

  it("gives every identifier its exact original span", () => {
    const text = "Info: https://bit.ly/Loker1 , @rekrut_asia, wa.me/6281234567890 dan hr@loker.co.id!";
    const found = extractLinks(text);
    expect(found.length).toBeGreaterThanOrEqual(4);
    for (const id of found) expect(text.slice(id.start, id.end)).toBe(id.raw);
  });
});
