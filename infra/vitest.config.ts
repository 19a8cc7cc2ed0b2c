import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // The env-name checks import the web app's config schema, a server-only module; outside Next the marker would throw.
    alias: { "server-only": fileURLToPath(new URL("../apps/web/node_modules/server-only/empty.js", import.meta.url)) },
  },
});
