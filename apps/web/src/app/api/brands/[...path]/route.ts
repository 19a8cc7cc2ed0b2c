import { measured } from "@/server/metrics";
import { proxyToAgent } from "@/server/proxy-route";

export const dynamic = "force-dynamic";

const proxy = measured("/api/brands/[...path]", proxyToAgent);

export { proxy as GET, proxy as POST, proxy as PATCH, proxy as DELETE };
