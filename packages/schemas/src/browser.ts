import { z } from "zod";

// In a browser, zod's compiled fast path probes `new Function("")` when the first object schema is
// built; under the web app's Content-Security-Policy (no 'unsafe-eval') that probe is a reported
// violation. Browsers validate small forms, so the interpreted path costs nothing noticeable. Servers
// keep the compiled path. Imported first by index.ts, so it runs before any schema is built.
if ("window" in globalThis) z.config({ jitless: true });
