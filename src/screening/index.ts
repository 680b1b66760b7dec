/**
 * Public API of the screening engine: pure functions over plain data (no Redis, no grammY).
 * The bot renders `MessageRef`s through locales/*.screening.ftl.
 */
export { ADVICE_KEYS, type Hotline, loadHotlines } from "#src/screening/advise.js";
export { type Catalogue, compileCatalogue, readCatalogueFile } from "#src/screening/catalogue.js";
export { compilePatterns, expandPattern } from "#src/screening/matcher.js";
export { loadModel, type NgramModel, shippedModel } from "#src/screening/model.js";
export {
  createScreeningEngine,
  finishScreening,
  type PreparedScreening,
  prepareScreening,
  rulesOnlyScreeningEngine,
  type ScreeningEngine,
  type ScreenOptions,
  screenExtracted,
  screeningEngine,
  screenOffer,
  screenOfferWithLookup,
} from "#src/screening/screen.js";
export * from "#src/screening/types.js";
