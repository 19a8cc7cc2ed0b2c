import { proxyToAgent } from "@/server/proxy-route";

export const dynamic = "force-dynamic";

// PATCH and DELETE serve the post edits and strategy deletion the agent answers; no agent route takes PUT.
export { proxyToAgent as GET, proxyToAgent as POST, proxyToAgent as PATCH, proxyToAgent as DELETE };
