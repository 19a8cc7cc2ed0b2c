import { forwardFeedToAgent } from "@/server/proxy-route";

export const dynamic = "force-dynamic";

export { forwardFeedToAgent as GET, forwardFeedToAgent as HEAD };
