import { proxyToAgent } from "@/server/proxy-route";

export const dynamic = "force-dynamic";

// PUT stores a post's results; PATCH and DELETE serve the post edits and strategy deletion the agent answers.
export { proxyToAgent as GET, proxyToAgent as POST, proxyToAgent as PUT, proxyToAgent as PATCH, proxyToAgent as DELETE };
