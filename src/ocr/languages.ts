/**
 * Tesseract's language data comes from npm packages (`@tesseract.js-data/<lang>`), never from a
 * CDN: every wanted `<lang>.traineddata.gz` is linked into one folder, which is tesseract.js's
 * `langPath`. A language whose package is missing is an error at start, with the command to fix it.
 */
import { copyFileSync, existsSync, mkdirSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
/** The "best_int" models: the accuracy of "best" at the speed of integer arithmetic. */
const MODEL_FOLDER = "4.0.0_best_int";

export class OcrLanguageError extends Error {
  constructor(readonly missing: string[]) {
    super(
      `OCR_LANGS names ${missing.length === 1 ? "a language" : "languages"} whose data is not installed: ` +
        `${missing.join(", ")}. Install ${missing.map((l) => `@tesseract.js-data/${l}`).join(" ")} ` +
        "with npm (e.g. npm install " +
        `${missing.map((l) => `@tesseract.js-data/${l}`).join(" ")}), or remove ${missing.length === 1 ? "it" : "them"} from OCR_LANGS.`,
    );
    this.name = "OcrLanguageError";
  }
}

/** The packaged model file of one language, or undefined when its package is not installed. */
export function languageFile(lang: string): string | undefined {
  try {
    const root = dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`));
    const file = join(root, MODEL_FOLDER, `${lang}.traineddata.gz`);
    return existsSync(file) ? file : undefined;
  } catch {
    return undefined;
  }
}

/** Throws OcrLanguageError naming every language without its data package. */
export function checkLanguages(langs: readonly string[]): void {
  const missing = langs.filter((lang) => languageFile(lang) === undefined);
  if (missing.length > 0) throw new OcrLanguageError(missing);
}

/**
 * One folder holding every wanted language's model (links into node_modules, copies where links are
 * not allowed); the same folder is reused by every worker of the process.
 */
export function prepareLanguageFolder(langs: readonly string[]): string {
  checkLanguages(langs);
  const folder = join(tmpdir(), `waspada-ocr-${process.pid}-${langs.join("+")}`);
  mkdirSync(folder, { recursive: true });
  for (const lang of langs) {
    const target = join(folder, `${lang}.traineddata.gz`);
    if (existsSync(target)) continue;
    const source = languageFile(lang)!;
    try {
      symlinkSync(source, target);
    } catch {
      copyFileSync(source, target);
    }
  }
  return folder;
}
