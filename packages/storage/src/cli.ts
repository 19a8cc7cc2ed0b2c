// Runs the embedded S3-compatible server as its own process: S3_PORT (default 8002), S3_DIRECTORY (objects on
// disk; a temporary directory otherwise), S3_BUCKET (created at start). Prints the endpoint as the first line.
import { startEmbeddedS3 } from "./embedded";

const s3 = await startEmbeddedS3({
  directory: process.env.S3_DIRECTORY || undefined,
  port: Number(process.env.S3_PORT ?? 8002),
  buckets: process.env.S3_BUCKET ? [process.env.S3_BUCKET] : [],
});
process.stdout.write(`${s3.endpoint}\n`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void s3.close().then(() => process.exit(0)));
}
