// The results shapes cross the wire, so they live in @strategist/schemas; this package reads them from there.
export {
  CANONICAL_COLUMNS,
  ENGAGEMENT_METRICS,
  ImportRow,
  METRICS,
  parseImportRows,
  parsePostResult,
  PostResult,
  ResultCounts,
  resultErrors,
  type CanonicalColumn,
  type ImportResult,
  type Metric,
  type ResultError,
} from "@strategist/schemas";
