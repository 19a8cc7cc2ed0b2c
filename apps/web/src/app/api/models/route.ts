import { measured } from "@/server/metrics";
import { proxyToAgent } from "@/server/proxy-route";

export const dynamic = "force-dynamic";

const proxy = measured("/api/models", proxyToAgent);

export { proxy as GET };
