import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    testTimeout: 60_000,
    // Two files at a time even on a 2-core machine (Vitest's default there is one): most files wait on child
    // processes, leases and streams, so the suite takes ~120 s instead of ~190 s.
    maxWorkers: 2,
    hookTimeout: 30_000,
    // The local Bedrock accepts any credentials; the AWS SDK only needs some to sign with.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", AWS_ACCESS_KEY_ID: "local", AWS_SECRET_ACCESS_KEY: "local" },
  },
});
