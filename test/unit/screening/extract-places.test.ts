import { describe, expect, it } from "vitest";
import { extractPlaces, getPlace, PLACES } from "#src/screening/extract/places.js";
import { normalise } from "#src/screening/normalise.js";

const places = (text: string) => extractPlaces(normalise(text)).map((p) => `${p.placeId}:${p.raw}`);

describe("extractPlaces", () => {
  it.each([
    ["kerja di Kamboja", ["kh:Kamboja"]],
    ["LOKER CAMBODIA!!!", ["kh:CAMBODIA"]],
    ["loker K4mb0j4", ["kh:K4mb0j4"]],
    ["k a m b o j a", ["kh:k a m b o j a"]],
    ["kerja di Kambojanya", ["kh:Kamboja"]],
    ["Lokasi kerja: Sihanoukville", ["kh-sihanoukville:Sihanoukville"]],
    ["kantor di SHV, Shihanoukville", ["kh-sihanoukville:SHV", "kh-sihanoukville:Shihanoukville"]],
    ["Preah Sihanouk", ["kh-sihanoukville:Preah Sihanouk"]],
    ["Kompong Som", ["kh-sihanoukville:Kompong Som"]],
    ["Bavet dan Poipet", ["kh-bavet:Bavet", "kh-poipet:Poipet"]],
    ["O'Smach", ["kh-osmach:O'Smach"]],
    ["Koh Kong", ["kh-koh-kong:Koh Kong"]],
    ["nyebrang dari Mae Sot ke Myawaddy", ["th-mae-sot:Mae Sot", "mm-myawaddy:Myawaddy"]],
    ["KK Park / Shwe Kokko", ["mm-kk-park:KK Park", "mm-shwe-kokko:Shwe Kokko"]],
    ["Tachileik, Laukkaing", ["mm-tachileik:Tachileik", "mm-laukkaing:Laukkaing"]],
    ["Golden Triangle SEZ, Laos", ["la-golden-triangle:Golden Triangle SEZ", "la:Laos"]],
    ["Segitiga Emas", ["la-golden-triangle:Segitiga Emas"]],
    ["Clark, Pampanga", ["ph-clark:Clark", "ph-clark:Pampanga"]],
    ["transit Ho Chi Minh lalu Moc Bai", ["vn-ho-chi-minh:Ho Chi Minh", "vn-moc-bai:Moc Bai"]],
    ["đi qua cửa khẩu Mộc Bài", ["vn-moc-bai:Mộc Bài"]],
    ["sang Campuchia làm việc", ["kh:Campuchia"]],
    ["Ho-Chi-Minh", ["vn-ho-chi-minh:Ho-Chi-Minh"]],
    ["berangkat dari Dumai naik kapal", ["id-dumai:Dumai"]],
    ["lewat Batam nyebrang", ["id-batam:Batam"]],
    ["Tanjung Balai", ["id-tanjungbalai:Tanjung Balai"]],
    ["Kuala Lumpur, Singapura, Dubai", ["my-kuala-lumpur:Kuala Lumpur", "sg:Singapura", "ae-dubai:Dubai"]],
    ["Korea Selatan", ["kr:Korea Selatan"]],
    ["ทำงานที่กัมพูชา", ["kh:กัมพูชา"]],
    ["ข้ามไปฝั่งเมียวดี", ["mm-myawaddy:เมียวดี"]],
    ["Loker 🇰🇭🇲🇲", ["kh:🇰🇭", "mm:🇲🇲"]],
  ])("%j → %j", (text, expected) => {
    expect(places(text)).toEqual(expected);
  });

  it("reads short names only where they are places", () => {
    expect(places("kerja di PP udah 6 bulan")).toEqual(["kh-phnom-penh:PP"]);
    expect(places("jemput di bandara PP")).toEqual(["kh-phnom-penh:PP"]);
    expect(places("tiket pesawat PP, hotel")).toEqual([]);
    expect(places("Nomor: PENG. 2062/04.04/PP.02.04/V/2025")).toEqual([]);
    expect(places("transit ke KL dulu")).toEqual(["my-kuala-lumpur:KL"]);
    expect(places("kl mau ikut bilang ya")).toEqual([]);
    expect(places("relocate to KH")).toEqual(["kh:KH"]);
  });

  it("does not take a language for a country", () => {
    expect(places("bisa bahasa Inggris dikit")).toEqual([]);
    expect(places("belajar bahasa Jepang")).toEqual([]);
    expect(places("kerja di Jepang")).toEqual(["jp:Jepang"]);
  });

  it.each([
    ["Kursus bahasa"],
    ["Thailandia"],
    ["Bavetto"],
    ["indomie"],
    ["Clarkson"],
    ["myawaddyx"],
    ["ppp"],
  ])("%j names no place", (text) => {
    expect(places(text)).toEqual([]);
  });

  it("gives each mention its country, kind and gazetteer entry", () => {
    const [m] = extractPlaces(normalise("Lokasi Bavet"));
    expect(m).toMatchObject({ placeId: "kh-bavet", country: "KH", kind: "compound_town", start: 7, end: 12 });
    expect(getPlace("kh-bavet")?.fires).toContain("dest_compound_place");
  });

  it("has a source and at least one name for every entry", () => {
    for (const place of PLACES) {
      expect(place.source.length).toBeGreaterThan(0);
      expect(place.names.length).toBeGreaterThan(0);
    }
  });
});
