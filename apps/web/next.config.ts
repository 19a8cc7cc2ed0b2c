import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";

const here = dirname(fileURLToPath(import.meta.url));

const nextConfig: NextConfig = {
  output: "standalone",
  // The monorepo root, so the standalone server traces the workspace packages it imports.
  outputFileTracingRoot: join(here, "../.."),
  transpilePackages: ["@strategist/schemas", "@strategist/dynamo", "@strategist/api-client"],
  // dynalite (a dev-only dependency of @strategist/dynamo) loads a native LevelDB module: never bundle it.
  serverExternalPackages: ["dynalite"],
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
