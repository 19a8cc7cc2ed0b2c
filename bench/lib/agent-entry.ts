// Entry of the benchmark's agent process: with BENCH_TRACING=on, tracing starts first (as in src/main/server.ts) and
// the app is imported after it; spans go to OTEL_EXPORTER_OTLP_ENDPOINT at the SDK's default sampling.
import { startTracing } from "@strategist/telemetry/tracing";

if (process.env.BENCH_TRACING === "on") await startTracing(process.env, { defaultServiceName: "strategist-agent", fastify: true });
await import("./servers");
