import { parseFaults, startLocalBedrock } from "./index";

/** Reads a non-negative integer setting, failing fast with the variable's name. */
function integerSetting(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

// Parsed first, so a misspelt fault stops the CLI before it listens.
const faults = parseFaults(process.env.LOCAL_BEDROCK_FAULTS ?? "");
const bedrock = await startLocalBedrock({
  port: integerSetting("LOCAL_BEDROCK_PORT", 8787),
  chunkDelayMs: integerSetting("LOCAL_BEDROCK_CHUNK_DELAY_MS", 0),
  onRequest: (request) =>
    console.log(`${new Date(request.at).toISOString()} ${request.operation} ${request.modelId} -> ${request.behaviour.kind}`),
});
bedrock.script(...faults);
console.log(`local Bedrock listening on ${bedrock.endpoint}`);
if (faults.length > 0) console.log(`next ${faults.length} request(s) get: ${faults.map((fault) => fault.kind).join(", ")}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void bedrock.close().then(() => process.exit(0));
  });
}
