// Bundles the agent into dist/server.js (the image worker service into dist/image-worker.js, the export pool's thread into dist/export-worker.js) for production images: one file of our code and the pure-JS
// dependencies; packages with native parts or dynamic requires stay external and come from node_modules. The
// OpenTelemetry packages stay external too: their instrumentations patch pino, undici and the AWS SDK (in the image
// worker service; the agent makes its own request and AWS spans) by module name as they load, and the app is a chunk of its own (splitting) loaded after tracing starts, so those loads
// come after startTracing.
import { build } from "esbuild";

await build({
  entryPoints: { server: "src/main/server.ts", "image-worker": "src/main/image-worker.ts", "export-worker": "src/plans/export-worker.ts" },
  outdir: "dist",
  bundle: true,
  platform: "node",
  target: "node22",
  format: "esm",
  splitting: true,
  sourcemap: true,
  external: [
    "dynalite",
    "classic-level",
    "s3rver",
    "@strands-agents/sdk",
    "@aws-sdk/*",
    "@smithy/*",
    "pino",
    "thread-stream",
    "fastify",
    "@fastify/swagger-ui",
    "pdfkit",
    "@opentelemetry/*",
    "prom-client",
    "fontkit",
    "piscina",
  ],
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  logLevel: "info",
});
