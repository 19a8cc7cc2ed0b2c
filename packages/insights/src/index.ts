export * from "./schemas";
export { HEADER_ALIASES, normaliseHeader, resolveHeader } from "./aliases";
export { parseResultsCsv, readPublishedAt, neutraliseCell, type CsvImportOptions, type CsvImportResult } from "./csv";
export {
  matchRows,
  dedupeKey,
  mergeResults,
  normaliseUrl,
  MATCH_WINDOW_MS,
  type MatchablePost,
  type MatchedBy,
  type MatchResult,
  type MergeResult,
} from "./match";
export {
  CREDIBILITY,
  PRIOR_POSTS,
  RHO_FLOOR,
  RHO_CEILING,
  fitPrior,
  shrunkEstimate,
  pooledEstimate,
  effectiveTrials,
  type Observation,
  type Estimate,
  type Prior,
} from "./stats";
export {
  computeInsights,
  observationOf,
  THRESHOLDS,
  type Insights,
  type ResultRecord,
  type PlatformInsight,
  type PillarInsight,
  type SlotInsight,
  type PostInsight,
  type Interval,
} from "./insights";
export { planGuidance, summariseForPrompt, describeSlots, MAX_PILLAR_SHIFT, type GuidanceRequest, type PlanGuidance, type WeeklySlot } from "./guidance";
export { plantedResults, seededRandom, sampleBinomial, type PlantedOptions } from "./planted";
export { PLANTED_DEFAULTS } from "./planted-defaults";
export { resultsToCsv } from "./export";
