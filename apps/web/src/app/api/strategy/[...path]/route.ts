import { measured } from "@/server/metrics";
import { proxyToAgent } from "@/server/proxy-route";

export const dynamic = "force-dynamic";

// PATCH and DELETE serve the post edits and strategy deletion the agent answers; no agent route takes PUT.
const proxy = measured("/api/strategy/[...path]", proxyToAgent);

export { proxy as GET, proxy as POST, proxy as PATCH, proxy as DELETE };
