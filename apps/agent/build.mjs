// Bundles the agent into dist/server.js for production images: one file of our code and the pure-JS
// dependencies; packages with native parts, dynamic requires or data files (pdfkit's font metrics) stay external.
import { build } from "esbuild";

await build({
  entryPoints: ["src/server.ts"],
  outfile: "dist/server.js",
  bundle: true,
  platform: "node",
  target: "node22",
  format: "esm",
  sourcemap: true,
  external: ["dynalite", "classic-level", "@strands-agents/sdk", "@aws-sdk/*", "@smithy/*", "pino", "thread-stream", "fastify", "@fastify/swagger-ui", "pdfkit"],
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  logLevel: "info",
});
