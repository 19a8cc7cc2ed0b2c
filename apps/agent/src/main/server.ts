// The agent's entry point. Tracing starts first (only when an OTLP endpoint is set) and the app is imported after
// it, so the HTTP, Fastify, pino and AWS SDK instrumentations patch those modules as they load.
import { startTracing } from "@strategist/telemetry/tracing";

const stopTracing = await startTracing(process.env, { defaultServiceName: "strategist-agent", fastify: true });
const { startAgent } = await import("./start");
await startAgent(stopTracing);
