import { parse } from "csv-parse/sync";
import { DateTime } from "luxon";
import { platformOf, type PlatformId } from "@strategist/schemas";
import { resolveHeader } from "./aliases";
import { ImportRow, METRICS, resultErrors, type CanonicalColumn, type ImportResult, type ResultError } from "./schemas";

export interface CsvImportOptions {
  /** The platform of rows whose file has no platform column (a platform's own export names none). */
  platform?: PlatformId;
  /** IANA time zone for date-times written without an offset, as Meta's "Publish time" is. */
  timezone?: string;
}

/** A parsed results CSV: good rows, refused fields by file line, and the headers nothing reads. */
export interface CsvImportResult extends ImportResult {
  ignored_columns: string[];
}

/** Date-time layouts read when the cell has no offset (in the given time zone); ISO 8601 is always read. */
const LOCAL_FORMATS = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "MM/dd/yyyy HH:mm:ss", "MM/dd/yyyy HH:mm", "M/d/yyyy H:mm", "M/d/yyyy h:mm a"];
/** Layouts that carry their own offset, such as the classic X export's "2019-01-01 12:00 +0000". */
const OFFSET_FORMATS = ["yyyy-MM-dd HH:mm ZZZ", "yyyy-MM-dd HH:mm:ss ZZZ", "yyyy-MM-dd HH:mm Z", "yyyy-MM-dd HH:mm:ss Z"];

/** Reads a published-at cell as an ISO 8601 instant with its offset, or says why not. */
export function readPublishedAt(cell: string, timezone: string | undefined): { value: string } | { reason: string } {
  const iso = DateTime.fromISO(cell, { setZone: true });
  const hasOffset = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i.test(cell);
  if (iso.isValid && hasOffset && /T|\d \d/.test(cell)) return { value: iso.toISO({ suppressMilliseconds: true }) };
  for (const format of OFFSET_FORMATS) {
    const parsed = DateTime.fromFormat(cell, format, { setZone: true });
    if (parsed.isValid) return { value: parsed.toISO({ suppressMilliseconds: true }) };
  }
  if (/^\d{4}-\d{2}-\d{2}$|^\d{1,2}\/\d{1,2}\/\d{4}$/.test(cell)) return { reason: "Must have a time of day; a date alone cannot place the post in an hour" };
  const local = [
    DateTime.fromISO(cell, { zone: timezone ?? "UTC" }),
    ...LOCAL_FORMATS.map((format) => DateTime.fromFormat(cell, format, { zone: timezone ?? "UTC" })),
  ].find((parsed) => parsed.isValid);
  if (!local) return { reason: "Must be a date-time, e.g. 2026-03-03T18:00:00+01:00 or 03/03/2026 18:00" };
  if (!timezone) return { reason: "Has no offset: add one (e.g. +01:00) or import with the plan's time zone" };
  return { value: local.toISO({ suppressMilliseconds: true }) };
}

/** Reads a count cell: digits, optionally with thousands commas; empty or "-" means unknown. */
function readCount(cell: string): { value: number | undefined } | { reason: string } {
  if (cell === "" || cell === "-" || cell === "--") return { value: undefined };
  if (!/^\d+$|^\d{1,3}(,\d{3})+$/.test(cell)) return { reason: "Must be a whole number of 0 or more" };
  return { value: Number(cell.replaceAll(",", "")) };
}

/** Counts the line breaks of a record's raw text, so a quoted multi-line cell keeps the line numbers right. */
function lineBreaks(raw: string): number {
  return (raw.replace(/^[\r\n]+|[\r\n]+$/g, "").match(/\r\n|\r|\n/g) ?? []).length;
}

interface ParsedRecord {
  record: string[];
  info: { lines: number; raw: string };
}

/**
 * Parses a results CSV (the canonical columns or a platform's own export headers, matched case-insensitively).
 * A bad row never blocks the good ones: it comes back in `rejected` with its 1-based file line.
 * Cells are kept as written (`=HYPERLINK(...)` stays text); exports neutralise them with `neutraliseCell`.
 */
export function parseResultsCsv(text: string, options: CsvImportOptions = {}): CsvImportResult {
  const rejected: ResultError[] = [];
  const records = parse(text, {
    bom: true,
    info: true,
    raw: true,
    relax_column_count: true,
    skip_empty_lines: true,
    record_delimiter: ["\r\n", "\n", "\r"],
    skip_records_with_error: true,
    on_skip: (error) => {
      if (error) rejected.push({ line: Number(error.lines), field: "row", reason: `Not readable as CSV: ${error.message.split(":")[0]}` });
      return undefined;
    },
  }) as unknown as ParsedRecord[];
  const [header, ...body] = records;
  if (!header) return { rows: [], rejected: [{ line: 1, field: "header", reason: "The file is empty" }], ignored_columns: [] };
  const { columns, ignored } = resolveHeader(header.record);
  const missing = (["published_at", ...(options.platform ? [] : ["platform"])] as CanonicalColumn[]).filter((column) => columns[column] === undefined);
  if (missing.length > 0) {
    const headerLine = header.info.lines - lineBreaks(header.info.raw);
    return {
      rows: [],
      rejected: missing.map((field) => ({ line: headerLine, field, reason: "No column for it: see docs/results.md for the headers read" })),
      ignored_columns: ignored,
    };
  }

  const rows: ImportRow[] = [];
  for (const { record, info } of body) {
    const line = info.lines - lineBreaks(info.raw);
    if (record.length !== header.record.length) {
      rejected.push({ line, field: "row", reason: `Has ${record.length} cells; the header has ${header.record.length}` });
      continue;
    }
    const cell = (column: CanonicalColumn) => (columns[column] === undefined ? "" : (record[columns[column]] ?? "").trim());
    const errors: ResultError[] = [];
    const candidate: Record<string, unknown> = {};

    const platformCell = cell("platform");
    const platform = platformCell === "" ? options.platform : platformOf(platformCell);
    if (platform) candidate.platform = platform;
    else errors.push({ line, field: "platform", reason: platformCell === "" ? "Must not be empty" : `Unknown platform: ${platformCell}` });

    const publishedAt = readPublishedAt(cell("published_at"), options.timezone);
    if ("value" in publishedAt) candidate.published_at = publishedAt.value;
    else errors.push({ line, field: "published_at", reason: publishedAt.reason });

    for (const column of ["url", "text", "post_id", "pillar"] as const) {
      const value = columns[column] === undefined ? "" : (record[columns[column]] ?? "");
      if (value.trim() !== "") candidate[column] = column === "text" ? value : value.trim();
    }
    for (const metric of METRICS) {
      const count = readCount(cell(metric));
      if ("reason" in count) errors.push({ line, field: metric, reason: count.reason });
      else if (count.value !== undefined) candidate[metric] = count.value;
    }
    if (errors.length === 0) {
      const parsed = ImportRow.safeParse(candidate);
      if (parsed.success) rows.push(parsed.data);
      else errors.push(...resultErrors(line, parsed.error));
    }
    rejected.push(...errors);
  }
  rejected.sort((a, b) => a.line - b.line);
  return { rows, rejected, ignored_columns: ignored };
}

/** Characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Makes a cell safe for a spreadsheet: a leading = + - @ tab or CR gets a ' in front, so it shows as text. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
