import { stringify } from "csv-stringify/sync";
import { neutraliseCell } from "./csv";
import { CANONICAL_COLUMNS, type ImportRow } from "./schemas";

/** Results as a CSV in the canonical columns, every text cell neutralised so a spreadsheet shows it as text. */
export function resultsToCsv(rows: readonly ImportRow[]): string {
  const cells = rows.map((row) => CANONICAL_COLUMNS.map((column) => (row[column] === undefined ? "" : neutraliseCell(String(row[column])))));
  return stringify([[...CANONICAL_COLUMNS], ...cells], { record_delimiter: "\n" });
}
