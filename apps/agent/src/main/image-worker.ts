// The image worker service's entry point: tracing first (only when an OTLP endpoint is set), then the service, so
// the AWS SDK instrumentation patches the SQS, S3 and DynamoDB clients as they load.
import { startTracing } from "@strategist/telemetry/tracing";

const stopTracing = await startTracing(process.env, { defaultServiceName: "strategist-image-worker" });
const { startImageWorker } = await import("./image-worker-service");
await startImageWorker(stopTracing);
