// Writes a held-out results CSV with a planted signal: `pnpm --filter @strategist/insights planted -- [rows] [seed] [out]`.
import { writeFileSync } from "node:fs";
import { resultsToCsv } from "./export";
import { plantedResults } from "./planted";
import { PLANTED_DEFAULTS } from "./planted-defaults";

const [rowsArg, seedArg, out] = process.argv.slice(2).filter((arg) => arg !== "--");
const rows = plantedResults({ ...PLANTED_DEFAULTS, rows: Number(rowsArg ?? 10_000), seed: Number(seedArg ?? PLANTED_DEFAULTS.seed) });
const csv = resultsToCsv(rows);
if (out) writeFileSync(out, csv);
else process.stdout.write(csv);
