import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The AWS SDK warns on every client that Node 20 support ends; the warning says nothing about these tests.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
  },
});
