/**
 * Urgent words: does a message say that someone already left and is held or in danger now, rather
 * than describe an offer to go? A mother's "anak saya sudah berangkat kemarin, sekarang di Bavet,
 * hp nya ditahan" needs the embassy's number before any verdict about an offer.
 *
 * Pure and cheap: a few phrase lists per language over a folded copy of the text (lower case,
 * Latin diacritics removed; Thai, Khmer and Burmese stay as written and are matched as substrings).
 * Judgement, not certainty: a warning or a news article about people held elsewhere is not a person
 * in danger now, nor is an offer that speaks of a passport "held by the company" during a contract.
 */
import type { PlaceMention } from "#src/screening/types.js";

/** Why a text reads as urgent; several can hold at once. */
export type UrgentSign =
  | "held" // held, detained, confined, locked in, not allowed to leave or go home
  | "documents_taken" // passport or phone taken
  | "harmed" // beaten, tortured, electrocuted
  | "sold" // sold on, ransom asked
  | "lost_contact" // cannot be reached since leaving
  | "departed" // already left, already there, taken to …
  | "in_compound_town"; // already in a known scam-compound town

export interface UrgentFinding {
  urgent: boolean;
  signs: UrgentSign[];
}

/** Countries where a departure alone is alarming (scam compounds), by ISO code. */
const COMPOUND_COUNTRIES = new Set(["KH", "MM", "LA"]);

type Patterns = Record<Exclude<UrgentSign, "in_compound_town">, RegExp>;

// Word-bounded where the script has spaces; each alternative folded as the text is (no diacritics).
const b = (alternatives: string[]) =>
  new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}])`, "u");
const anywhere = (alternatives: string[]) => new RegExp(alternatives.join("|"), "u");

const DOCS =
  "(?:paspor|pasport|passport|pasaporte|ho chieu|hp|hape|handphone|ponsel|telepon|phone|dokumen|ktp|documents?|cellphone|cp|dien thoai)";
const TAKEN =
  "(?:diambil|ditahan|disita|dirampas|dipegang|dikuasai|disimpan|taken|confiscated|held|seized|kept|kinuha|kinumpiska|bi thu|bi giu|bi tich thu)";

const LATIN: Patterns = {
  held: b([
    // id / ms
    "disekap",
    "dikurung",
    "dikunci",
    "terkurung",
    "ditahan (?:di|oleh|sama|polisi|imigrasi|bos|perusahaan)",
    "(?:tidak|tak|gak|ga|nggak|enggak|gk|tdk|ndak) (?:boleh|bisa|dapat|dibolehkan|diizinkan|diijinkan) (?:pulang|keluar|kabur|balik|pergi)",
    "(?:dia|mereka|kami|saya|aku|anak saya|adik saya|kakak saya|suami saya|istri saya) (?:sudah |udah |sdh |sedang |lagi )?ditahan",
    // en
    "held captive",
    "held against",
    "being held",
    "(?:he|she|they|we|i) (?:is|are|am|was|were|'s|'re) (?:being )?held",
    "locked (?:in|up)",
    "detained",
    "trapped",
    "kept inside",
    "(?:can ?n?o?t|can't|cannot|not allowed to|won't let (?:him|her|them|me|us)) (?:leave|go home|come home|get out|escape)",
    // tl
    "ikinulong",
    "nakakulong",
    "kinulong",
    "hindi (?:makauwi|makaalis|pinapauwi|pinapalabas|makalabas)",
    "bihag",
    // vi
    "bi giu",
    "bi nhot",
    "bi giam",
    "bi cam tu",
    "khong (?:duoc|cho) (?:ve|ra ngoai|roi di)",
    "khong the (?:ve|thoat)",
  ]),
  documents_taken: new RegExp(
    `${DOCS}\\s?(?:nya|ku|saya|ku|ko|niya|ng [a-z]+)?(?:\\s+(?:dia|anak saya|adik saya|kami|my|his|her|their|our))?\\s+(?:sudah |udah |sdh |telah |was |were |has been |have been |got |is |are |da |bi )?${TAKEN}|${TAKEN}\\s+(?:the |my |his |her |their |our |ang |nila ang )?${DOCS}|(?:took|take|taking|confiscated|kept|seized) (?:my|his|her|their|our|the) (?:passport|phone|documents)|(?:bi|(?:ho|chung no) da) (?:tich thu|giu|thu) (?:het )?(?:ho chieu|dien thoai)`,
    "u",
  ),
  harmed: b([
    "dipukul(?:i)?",
    "disiksa",
    "disetrum",
    "dianiaya",
    "ditendang",
    "dicambuk",
    "kena pukul",
    "beaten",
    "tortured",
    "electrocuted",
    "abused",
    "(?:they|boss|guards?) (?:beat|hit|hurt|shock)",
    "binugbog",
    "sinaktan",
    "pinahirapan",
    "ginulpi",
    "bi danh",
    "bi tra tan",
    "bi dien giat",
    "bi dap",
  ]),
  sold: b([
    "dijual(?: lagi)?(?: ke)?",
    "diperjualbelikan",
    "(?:minta |meminta |bayar )?tebusan",
    "uang tebusan",
    "(?:was |were |been |got )sold",
    "resold",
    "ransom",
    "pay (?:\\$|usd|rp)? ?[0-9][0-9.,]* (?:to|for) (?:him|her|them|me) to (?:leave|go)",
    "ibinenta",
    "binenta",
    "tubos",
    "bi ban (?:sang|cho|qua)",
    "bi ban lai",
    "tien chuoc",
  ]),
  lost_contact: b([
    "hilang kontak",
    "(?:tidak|tak|gak|ga|nggak|gk|tdk) (?:bisa|dapat) (?:di ?hubungi|dikontak|dihubungin)",
    "(?:tidak|tak|gak|ga|nggak|gk|tdk) ada kabar",
    "lost (?:contact|touch)",
    "can ?n?o?t reach",
    "can't reach",
    "no news (?:from|of)",
    "stopped (?:answering|replying)",
    "hindi (?:ma ?contact|makontak)",
    "nawalan ng contact",
    "mat lien lac",
    "khong lien lac duoc",
  ]),
  departed: b([
    "(?:sudah|udah|sdh|dah|telah|baru) (?:berangkat|pergi|terbang|sampai|sampe|tiba|nyampe|di bawa|dibawa)",
    "(?:sekarang|skrg|skrng|kini) (?:sudah |udah |masih )?(?:di|ada di|berada di)",
    "dibawa (?:ke|lari ke)",
    "diseberangkan",
    "already (?:left|there|in|went|gone|arrived|departed)",
    "left (?:for|to)",
    "(?:is|are) now in",
    "now (?:stuck )?in",
    "(?:was|were|got) taken to",
    "ended up in",
    "(?:flew|went|travell?ed) (?:to|there) (?:last|yesterday|on|a|two|three)",
    "arrived (?:in|at)",
    "umalis na",
    "nakaalis na",
    "nasa [a-z]+ na",
    "dinala sa",
    "pumunta na",
    "da (?:sang|qua|di|den|toi)",
    "dang o",
    "bi dua (?:sang|qua|den)",
    "hien (?:dang )?o",
  ]),
};

/** Thai has no spaces between words: its phrases are matched anywhere. */
const THAI: Patterns = {
  held: anywhere([
    "ถูกขัง",
    "ถูกกักขัง",
    "ถูกกักตัว",
    "ถูกควบคุมตัว",
    "กลับบ้านไม่ได้",
    "ออกไม่ได้",
    "หนีไม่ได้",
    "ไม่ให้กลับ",
    "ไม่ให้ออก",
  ]),
  documents_taken: anywhere(["ยึดพาสปอร์ต", "ยึดหนังสือเดินทาง", "ยึดโทรศัพท์", "ยึดมือถือ"]),
  harmed: anywhere(["ถูกทำร้าย", "ถูกตี", "ถูกซ้อม", "ถูกทรมาน", "ถูกช็อต"]),
  sold: anywhere(["ถูกขาย", "ขายต่อ", "ค่าไถ่"]),
  lost_contact: anywhere(["ติดต่อไม่ได้", "ขาดการติดต่อ"]),
  departed: anywhere(["ไปแล้ว", "ตอนนี้อยู่ที่", "ถูกพาไป", "ถูกพาตัวไป", "เดินทางไปแล้ว"]),
};

/** Someone speaks of themselves or of a person close to them (not of "many workers"). */
const PERSONAL = new RegExp(
  [
    "(?:^|[^\\p{L}])(?:saya|aku|sy|gw|gue|ku|kami|anak(?:ku| saya| sy| kami)|adik|adek|kakak|kak[a-z]* saya|abang|suami|istri|isteri|bapak|ibu saya|ayah|mama|papa|keponakan|sepupu|pacar|tunangan|teman saya|temen|sahabat|keluarga saya|tolong|tlg|bantu)(?![\\p{L}])",
    "(?:^|[^\\p{L}])(?:i|i'm|im|me|we|us|my|our|help)(?![\\p{L}])",
    "(?:^|[^\\p{L}])(?:ako|ko|namin|kami|tulong|anak|kapatid|asawa|pinsan)(?![\\p{L}])",
    "(?:^|[^\\p{L}])(?:toi|con toi|em toi|chong toi|vo toi|anh toi|chi toi|giup|cuu)(?![\\p{L}])",
    "ลูกสาว|ลูกชาย|น้องสาว|น้องชาย|ฉัน|ผม|สามี|ภรรยา|ช่วยด้วย|ช่วย",
  ].join("|"),
  "u",
);

/** A warning, an awareness post or a news article speaks of others, in general. */
const WARNING = new RegExp(
  [
    "(?:^|[^\\p{L}])(?:hati[- ]hati (?:dengan|terhadap|sama|penipuan|modus|lowongan|tawaran|loker|info|ajakan|perekrut)|waspada|waspadai|modus|jangan mau|pengumuman|menceritakan|jangan (?:mudah |sampai |tergiur|tertipu|percaya)|berita|banyak wni|para (?:korban|pekerja|pmi)|kemlu|polisi|polri|mencatat|dilaporkan)(?![\\p{L}])",
    "(?:^|[^\\p{L}])(?:beware|warning|be careful|scam alert|news|reportedly|according to|victims|authorities|police|rescued|repatriated|ministry|urged|wire|fellow)(?![\\p{L}])",
    "(?:^|[^\\p{L}])(?:mag-ingat|babala|ingat|balita|mga biktima)(?![\\p{L}])",
    "(?:^|[^\\p{L}])(?:can than|canh bao|canh giac|nan nhan|theo bao|cong an)(?![\\p{L}])",
    "ระวัง|เตือน|ข่าว|เหยื่อ",
  ].join("|"),
  "u",
);

/** The danger is over: home again, escaped, rescued — a story to learn from, not an emergency. */
const OVER = new RegExp(
  [
    "(?:^|[^\\p{L}])(?:(?:dia|anak saya|adik saya|kakak saya|suami saya) (?:sudah |akhirnya )?bisa pulang|sudah pulang|sudah kembali|sudah selamat|sudah di ?rumah|berhasil kabur|berhasil pulang|dipulangkan|tahun lalu|tahun lepas|akhirnya pulang|dulu (?:aku|saya)|lari dari|kabur dari|(?:sudah|udah|sdh|dah) (?:balik|pulang|keluar)|(?:bisa|berhasil|dapat) keluar|pulang (?:[a-z]+ )?(?:kemarin|kemaren|lepas|lalu)|ceritanya|kisahnya)(?![\\p{L}])",
    "(?:^|[^\\p{L}])(?:finally home|back home|escaped from|i escaped|he escaped|she escaped|we escaped|was rescued|were rescued|last year|made it home|share what happened|my statement|i got out|we got out|in 20[0-9][0-9])(?![\\p{L}])",
    "(?:^|[^\\p{L}])(?:nakauwi na|nakatakas|nakalabas|noong isang taon|noong 20[0-9][0-9]|nung 20[0-9][0-9]|kwento|kwentong|ikukwento|ikwento|kuwento)(?![\\p{L}])",
    "(?:^|[^\\p{L}])(?:da ve (?:toi |den )?nha|da tro ve|da thoat|nam ngoai)(?![\\p{L}])",
    "กลับบ้านแล้ว|กลับถึงบ้าน|กลับมา|ได้กลับ|ได้รับการช่วยเหลือ|หนีออกมาได้|ปีที่แล้ว|อุทาหรณ์",
  ].join("|"),
  "u",
);

/** Still there now: overrides a story's "last year" when the person is still held. */
const STILL =
  /(?:^|[^\p{L}])(?:masih (?:di|ditahan|disekap|dikurung|belum)|(?:still|is|are) (?:there|inside|held|trapped|stuck|locked)|until now|hanggang ngayon|van con o|van dang bi)(?![\p{L}])|ยังอยู่ที่|ยังถูก/u;

/** A plea for help or a question of where to turn: the person speaks for herself now. */
const PLEA =
  /(?:^|[^\p{L}])(?:tolong|tlg|tolongin|help|please|pls|tulong|saklolo|giup|cuu|lapor ke ?mana|harus lapor|harus bagaimana|gimana|bagaimana|mohon (?:bantuan|info|pertolongan)|minta bantuan|what (?:should|do|can) (?:i|we)|who (?:do|should) (?:i|we)|nen bao ai|phai lam sao|ano ang gagawin|saan (?:kami|ako) )(?![\p{L}])|ช่วยด้วย|ต้องแจ้งที่ไหน|ทำยังไง/u;

/** A question before leaving ("should he go?"): the recruiter's man may be there, the asker is not. */
const BEFORE_LEAVING =
  /(?:^|[^\p{L}])(?:should (?:he|she|i|we) (?:go|take|accept)|boleh (?:berangkat|ikut)|sebaiknya (?:berangkat|ikut)|apakah (?:aman|sebaiknya)|is it safe to go)(?![\p{L}])/u;

/** A job offer's own words: "paspor dipegang perusahaan selama kontrak" is a warning sign, not an emergency. */
const OFFER =
  /(?:^|[^\p{L}])(?:lowongan|loker|dibutuhkan|dicari|gaji|hiring|vacancy|salary|we are looking|apply|daftar|minat|interested|sahod|hiring|tuyen|luong|kontrak kerja|berangkat (?:minggu|bulan|besok|tahun) depan|will depart|akan berangkat)(?![\p{L}])|รับสมัคร|เงินเดือน/u;

/**
 * The writer recruits in her own voice ("aku sekarang di Phnom Penh … kantorku lagi butuh 2 orang"):
 * the one who is there is the recruiter, not a person in danger.
 */
const RECRUITING =
  /(?:^|[^\p{L}])(?:butuh [0-9]+ orang|lagi butuh|(?:kantor|tim|team)(?:ku| aku| saya| kami) (?:lagi |sedang )?(?:butuh|cari)|rekomen(?:din)?|join (?:my|our) team|(?:we|my company|our company) (?:is|are) (?:still )?hiring|(?:tiket|ticket) (?:aku|saya|ko) (?:talangin|tanggung|bayarin)|tim kami|cabang kami|office kami|regional office kami|selamat[, ]+(?:ya |kamu )?(?:sudah |udah )?lolos)(?![\p{L}])/u;

/** Lower case, Latin diacritics dropped, đ as d, whitespace runs as one space. */
export function foldForUrgency(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .normalize("NFC")
    .toLowerCase()
    .replace(/đ/g, "d")
    .replace(/[‘’`´]/g, "'")
    .replace(/\s+/g, " ");
}

function signsIn(folded: string, patterns: Patterns): UrgentSign[] {
  return (Object.keys(patterns) as Array<keyof Patterns>).filter((sign) => patterns[sign].test(folded));
}

/** How far (folded characters) a compound town may be from the words that someone went or is there. */
const DEPARTED_REACH = 60;
const DEPARTED_BEFORE = 24;

/** The departure patterns, global, to find where in the text each one is. */
const DEPARTED_ALL = [LATIN.departed, THAI.departed].map((re) => new RegExp(re.source, "gu"));

/** Where (folded offsets) the text says someone went or is there. */
function departuresIn(folded: string): number[] {
  const departures: number[] = [];
  for (const all of DEPARTED_ALL) {
    all.lastIndex = 0;
    for (let m = all.exec(folded); m !== null; m = all.exec(folded)) {
      departures.push(m.index);
      if (m[0].length === 0) all.lastIndex++;
    }
  }
  return departures;
}

function placeNearDeparture(
  text: string,
  departures: readonly number[],
  places: readonly PlaceMention[],
  which: (p: PlaceMention) => boolean,
): boolean {
  if (departures.length === 0) return false;
  const towns = places.filter(which).map((p) => foldForUrgency(text.slice(0, p.start)).length);
  // Mostly right after ("sudah sampai di Shwe Kokko", "left for Sihanoukville", "nasa Myawaddy na"),
  // now and then just before ("di Bavet, anak saya sudah sampai").
  return towns.some((t) => departures.some((d) => t - d <= DEPARTED_REACH && d - t <= DEPARTED_BEFORE));
}

/**
 * Whether a message says someone is already gone and in danger now. `places` are the places the
 * screening extraction recognised (a compound town or a compound country after "already left").
 */
export function detectUrgent(text: string, places: readonly PlaceMention[] = []): UrgentFinding {
  const folded = foldForUrgency(text.slice(0, 4_000));
  const signs = new Set<UrgentSign>([...signsIn(folded, LATIN), ...signsIn(folded, THAI)]);
  const personal = PERSONAL.test(folded);
  // Gone to a compound town: the town is named near the words that say someone went or is there
  // ("sudah sampai di Shwe Kokko"), not anywhere in a long story that ends "nasa Batangas na".
  const departures = signs.has("departed") ? departuresIn(folded) : [];
  if (placeNearDeparture(text, departures, places, (p) => p.kind === "compound_town"))
    signs.add("in_compound_town");
  const found = [...signs];
  const danger = found.some((s) => s !== "departed" && s !== "in_compound_town");
  const departedToRisk =
    signs.has("in_compound_town") ||
    (signs.has("departed") &&
      personal &&
      placeNearDeparture(text, departures, places, (p) => COMPOUND_COUNTRIES.has(p.country)));
  if (!danger && !departedToRisk) return { urgent: false, signs: found };
  // Judgement: general warnings and news, offers' own clauses, and stories that ended are not "now".
  const plea = PLEA.test(folded);
  if (WARNING.test(folded) && !plea) return { urgent: false, signs: found };
  if (!personal && OFFER.test(folded)) return { urgent: false, signs: found };
  if (OVER.test(folded) && !STILL.test(folded)) return { urgent: false, signs: found };
  if (!danger && BEFORE_LEAVING.test(folded)) return { urgent: false, signs: found };
  if (
    RECRUITING.test(folded) &&
    !plea &&
    !signs.has("lost_contact") &&
    !signs.has("harmed") &&
    !signs.has("held")
  )
    return { urgent: false, signs: found };
  if (OFFER.test(folded) && !signs.has("departed") && !signs.has("lost_contact") && !plea)
    return { urgent: false, signs: found };
  return { urgent: true, signs: found };
}
