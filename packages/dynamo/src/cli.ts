// Runs the embedded DynamoDB (dynalite) as its own process: DYNAMO_PORT (default 8001), DYNAMO_PATH (on disk
// when set, in memory otherwise). Prints the endpoint as the first line of stdout.
import { startEmbeddedDynamo } from "./embedded";

const dynamo = await startEmbeddedDynamo({ path: process.env.DYNAMO_PATH || undefined, port: Number(process.env.DYNAMO_PORT ?? 8001) });
process.stdout.write(`${dynamo.endpoint}\n`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void dynamo.close().then(() => process.exit(0)));
}
