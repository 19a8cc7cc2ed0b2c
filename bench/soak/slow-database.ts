import { connect, createServer, type Socket } from "node:net";
import type { Random } from "./random";

/** A delay for one chunk the agent sends to DynamoDB, in ms: mostly none, sometimes a slow moment, rarely a long one. */
function databaseDelay(random: Random): number {
  const roll = random.next();
  if (roll < 0.75) return 0;
  if (roll < 0.97) return random.int(20, 150);
  return random.int(500, 1500);
}

/**
 * A TCP proxy between the agent and dynalite that holds back what the agent sends, chunk by chunk and in order,
 * so DynamoDB calls (claims, puts, reads) are slow at random — and a SIGKILL is more likely to land between a
 * record's put and the completion of its Idempotency-Key.
 */
export async function startSlowDatabase(target: string, random: Random): Promise<{ endpoint: string; delayed: () => number; close(): Promise<void> }> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  let delayed = 0;
  const server = createServer((agentSide) => {
    const databaseSide = connect(Number(port), hostname);
    sockets.add(agentSide).add(databaseSide);
    let queue = Promise.resolve();
    agentSide.on("data", (chunk) => {
      const wait = databaseDelay(random);
      if (wait > 0) delayed++;
      queue = queue.then(() => new Promise<void>((resolve) => setTimeout(resolve, wait))).then(() => {
        if (!databaseSide.destroyed) databaseSide.write(chunk);
      });
    });
    databaseSide.pipe(agentSide);
    const closeBoth = () => {
      agentSide.destroy();
      databaseSide.destroy();
      sockets.delete(agentSide);
      sockets.delete(databaseSide);
    };
    agentSide.on("close", closeBoth).on("error", closeBoth);
    databaseSide.on("close", closeBoth).on("error", closeBoth);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as { port: number };
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    delayed: () => delayed,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
