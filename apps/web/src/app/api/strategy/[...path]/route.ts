import { measured } from "@/server/metrics";
import { proxyToAgent } from "@/server/proxy-route";

export const dynamic = "force-dynamic";

// PUT stores a post's results; PATCH and DELETE serve the post edits and strategy deletion the agent answers.
const proxy = measured("/api/strategy/[...path]", proxyToAgent);

export { proxy as GET, proxy as POST, proxy as PUT, proxy as PATCH, proxy as DELETE };
