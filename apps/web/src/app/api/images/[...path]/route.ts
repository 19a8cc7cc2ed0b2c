import { measured } from "@/server/metrics";
import { proxyToAgent } from "@/server/proxy-route";

export const dynamic = "force-dynamic";

const proxy = measured("/api/images/[...path]", proxyToAgent);

export { proxy as GET };
