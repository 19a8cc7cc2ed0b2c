import { startLocalOpenAI } from "./server";

// A local OpenAI-compatible endpoint for trying MODEL_PROVIDER=openai without an account:
//   pnpm --filter @strategist/local-openai start [port]   (default 8788)
const port = Number(process.argv[2] ?? 8788);
const server = await startLocalOpenAI({ port });
console.log(`local OpenAI-compatible server on ${server.baseURL}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void server.close().then(() => process.exit(0)));
