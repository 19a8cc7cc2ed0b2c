// The agent API's throughput and latency beside a bare Fastify route measured in the same run.
// Usage: pnpm bench [--connections 10,50,200] [--duration 10]
import { parseArgs } from "node:util";
import { measure, startServers, table, type Figures } from "./lib/measure";

const { values } = parseArgs({ options: { connections: { type: "string", default: "10" }, duration: { type: "string", default: "10" } } });
const levels = values.connections!.split(",").map(Number);
const duration = Number(values.duration);

const { info, child } = await startServers();
const auth = { authorization: `Bearer ${info.token}`, "content-type": "application/json" };
const rows: Figures[] = [];
try {
  for (const connections of levels) {
    rows.push(await measure("bare Fastify route", { url: `${info.bareUrl}/bare`, connections, duration }));
    rows.push(await measure("GET /api/strategy/list", { url: `${info.agentUrl}/api/strategy/list?limit=20`, headers: auth, connections, duration }));
    rows.push(await measure("GET /api/strategy/:id", { url: `${info.agentUrl}/api/strategy/${info.strategyId}`, headers: auth, connections, duration }));
    if (connections <= 10) {
      let next = 0;
      rows.push(
        await measure("POST /api/strategy/generate (offline model)", {
          url: `${info.agentUrl}/api/strategy/generate`,
          method: "POST",
          connections,
          duration,
          body: JSON.stringify(info.brief),
          setupClient: (client) => client.setHeaders({ ...auth, authorization: `Bearer ${info.tokens[next++ % info.tokens.length]}` }),
        }),
      );
    }
  }
} finally {
  child.kill("SIGTERM");
}
console.log(`\n${new Date().toISOString().slice(0, 10)} — node ${process.version}, ${(await import("node:os")).cpus().length} cores, dynalite in memory\n`);
console.log(table(rows));
