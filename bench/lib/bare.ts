// The bare twin of the agent's read routes in a process of its own (`pnpm bench:load --bare separate`): Fastify and
// the same DynamoDB document client making the same calls on the same data, and nothing else (no auth, validation,
// limits, logging or mapping). Started like the agent's process (same node flags, NODE_ENV=production); prints one
// JSON line with its URL. Env: BENCH_DYNAMO_ENDPOINT, BENCH_TABLE, BENCH_USER.
import { createDocumentClient } from "@strategist/dynamo";
import Fastify from "fastify";
import { bareReadRoutes } from "./bare-routes";

const client = createDocumentClient({ region: "us-east-1", endpoint: process.env.BENCH_DYNAMO_ENDPOINT! });
const bare = Fastify({ logger: false });
bareReadRoutes(bare, client, process.env.BENCH_TABLE!, process.env.BENCH_USER!);
const url = await bare.listen({ host: "127.0.0.1", port: 0 });
process.stdout.write(`${JSON.stringify({ bareUrl: url, pid: process.pid })}\n`);
process.on("SIGTERM", () => void bare.close().then(() => process.exit(0)));
