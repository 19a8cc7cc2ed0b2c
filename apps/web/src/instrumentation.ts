// Next.js calls register() once when the server starts, before it serves anything. In the Node.js runtime it starts
// tracing (only when an OTLP endpoint is set) and the Prometheus exposition on METRICS_PORT, a port of its own:
// the app's port never answers /metrics. The edge runtime (proxy.ts) gets neither.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startTracing } = await import("@strategist/telemetry/tracing");
  const stopTracing = await startTracing(process.env, { defaultServiceName: "strategist-web" });
  const { processMetrics, startMetricsServer } = await import("@strategist/telemetry");
  const { webEnvSchema } = await import("./server/config");
  const port = webEnvSchema.shape.METRICS_PORT.parse(process.env.METRICS_PORT);
  // Next binds every interface unless told otherwise (HOSTNAME in the standalone server); the exposition does the same.
  const server = await startMetricsServer({ port, host: process.env.HOSTNAME || "0.0.0.0", registry: processMetrics("web").registry });
  console.log(
    JSON.stringify({
      level: "info",
      service: "strategist-web",
      metrics: `http://${process.env.HOSTNAME || "0.0.0.0"}:${server.port}/metrics`,
      msg: "metrics ready",
    }),
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => {
      void server.close().then(stopTracing);
    });
}
