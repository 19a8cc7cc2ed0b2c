import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The Prometheus test waits for real scrapes; the tracing test for a batch export.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
