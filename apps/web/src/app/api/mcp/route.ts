import { proxyToAgent } from "@/server/proxy-route";

export const dynamic = "force-dynamic";

// The agent's MCP server (/mcp), reached from the web origin; progress arrives as a stream, chunk by chunk.
export { proxyToAgent as GET, proxyToAgent as POST, proxyToAgent as DELETE };
