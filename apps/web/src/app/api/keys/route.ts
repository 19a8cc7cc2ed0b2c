import { proxyToAgent } from "@/server/proxy-route";

export const dynamic = "force-dynamic";

export { proxyToAgent as GET, proxyToAgent as POST };
