import { mkdirSync, writeFileSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_BRIEFS_FILE, loadGoldenSet } from "./golden";
import { judgeConfigured, judgeScorecards } from "./judge";
import { runSuite } from "./runner";
import { buildScorecards, comparisonMarkdown, scorecardMarkdown } from "./scorecard";

const USAGE = `pnpm eval [--model ID]... [--briefs FILE] [--out DIR] [--concurrency N] [--threshold 0.9] [--judge BEDROCK_MODEL_ID] [--no-plans]

Runs the golden briefs through POST /api/strategy/generate of the real agent (embedded dynalite), writes a
two-week plan from each strategy (POST /api/strategy/:id/plan, unless --no-plans), and writes
a Markdown and a JSON scorecard per model, plus a side-by-side table when several models run. The agent's
configuration comes from the environment as usual (MODEL_PROVIDER, BEDROCK_*, OPENAI_*).`;

/** pnpm runs scripts in the package directory; paths on the command line are relative to where it was typed. */
function fromCallerDirectory(path: string): string {
  return isAbsolute(path) ? path : resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== "--"),
    options: {
      model: { type: "string", multiple: true },
      briefs: { type: "string" },
      out: { type: "string" },
      concurrency: { type: "string" },
      threshold: { type: "string" },
      judge: { type: "string" },
      "no-plans": { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const briefs = loadGoldenSet(values.briefs ? fromCallerDirectory(values.briefs) : DEFAULT_BRIEFS_FILE);
  const out = fromCallerDirectory(values.out ?? "eval-results");
  const env = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", ...process.env };
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  console.error(`Running ${briefs.length} briefs on ${values.model?.join(", ") ?? "the default model"}…`);
  const run = await runSuite({
    models: values.model ?? [],
    briefs,
    env,
    concurrency: Number(values.concurrency ?? 1),
    plans: !values["no-plans"],
    onResult: (result) => console.error(`  ${result.model} ${result.id}: ${result.passed}/${result.total}${result.error ? ` (${result.error})` : ""}`),
  });
  const cards = buildScorecards(run.models, run.results, run.prompt);
  if (values.judge) {
    if (judgeConfigured(env)) await judgeScorecards(cards, briefs, { modelId: values.judge, env });
    else console.error("Judge off: no AWS credentials in the environment (AWS_ACCESS_KEY_ID or AWS_PROFILE).");
  }
  mkdirSync(out, { recursive: true });
  for (const card of cards) {
    const name = card.model.replace(/[^A-Za-z0-9._-]+/g, "_");
    writeFileSync(join(out, `${name}.md`), scorecardMarkdown(card));
    writeFileSync(join(out, `${name}.json`), `${JSON.stringify(card, null, 2)}\n`);
  }
  if (cards.length > 1) writeFileSync(join(out, "comparison.md"), comparisonMarkdown(cards));
  console.log(comparisonMarkdown(cards));
  console.error(`Scorecards written to ${out}`);
  const threshold = values.threshold === undefined ? undefined : Number(values.threshold);
  const below = threshold === undefined ? [] : cards.filter((card) => card.score < threshold || (card.plan !== undefined && card.plan.score < threshold));
  for (const card of below) {
    console.error(
      `${card.model} scored ${(card.score * 100).toFixed(1)} % (plans ${card.plan ? (card.plan.score * 100).toFixed(1) : "n/a"} %); the threshold is ${threshold! * 100} %`,
    );
  }
  return below.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
