import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";

const here = dirname(fileURLToPath(import.meta.url));

const nextConfig: NextConfig = {
  output: "standalone",
  // The monorepo root, so the standalone server traces the workspace packages it imports.
  outputFileTracingRoot: join(here, "../.."),
  transpilePackages: ["@strategist/schemas", "@strategist/dynamo", "@strategist/api-client", "@strategist/telemetry"],
  // dynalite (a dev-only dependency of @strategist/dynamo) loads a native LevelDB module: never bundle it. The
  // OpenTelemetry SDK patches modules by name as Node loads them, and prom-client reads process internals: both
  // stay plain node_modules packages.
  serverExternalPackages: [
    "dynalite",
    "prom-client",
    "@fastify/otel",
    "@opentelemetry/api",
    "@opentelemetry/exporter-trace-otlp-http",
    "@opentelemetry/exporter-trace-otlp-proto",
    "@opentelemetry/instrumentation",
    "@opentelemetry/instrumentation-aws-sdk",
    "@opentelemetry/instrumentation-http",
    "@opentelemetry/instrumentation-pino",
    "@opentelemetry/instrumentation-undici",
    "@opentelemetry/resources",
    "@opentelemetry/sdk-node",
    "@opentelemetry/sdk-trace-base",
  ],
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: { authInterrupts: true },
  // RFC 9728's well-known path (and its form for the /api/mcp resource), answered by one route handler.
  async rewrites() {
    return [
      { source: "/.well-known/oauth-protected-resource", destination: "/api/oauth-protected-resource" },
      { source: "/.well-known/oauth-protected-resource/api/mcp", destination: "/api/oauth-protected-resource" },
    ];
  },
};

export default nextConfig;
