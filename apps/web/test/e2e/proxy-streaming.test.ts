import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ChildProcess } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script shared with `pnpm start:all`
import { buildIfNeeded, webDir } from "../../scripts/build-if-needed.mjs";
import { freePort, startServer, stopServer } from "./stack";

/**
 * The proxy inside the real Next.js server: compression, request signals and response streaming are
 * Next's, so this checks them end to end against a stand-in agent that streams Server-Sent Events.
 */
let agent: Server;
let web: ChildProcess | undefined;
let webUrl: string;
let sendNext: () => void = () => undefined;
let upstreamClosed: Promise<boolean>;

beforeAll(async () => {
  buildIfNeeded({ log: () => undefined });
  agent = createServer((_request, response: ServerResponse) => {
    upstreamClosed = new Promise((resolve) => response.on("close", () => resolve(!response.writableFinished)));
    response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", "x-next-cursor": "c1" });
    let sent = 0;
    sendNext = () => {
      sent += 1;
      if (sent < 3) response.write(`event: section\ndata: ${sent}\n\n`);
      else response.end("event: done\ndata: 3\n\n");
    };
    sendNext();
  });
  await new Promise<void>((resolve) => agent.listen(0, "127.0.0.1", resolve));
  const port = await freePort();
  webUrl = `http://127.0.0.1:${port}`;
  web = await startServer(
    join(webDir as string, "node_modules/.bin/next"),
    ["start", "-p", String(port), "-H", "127.0.0.1"],
    { ...process.env, NODE_ENV: "production", JWT_SECRET: "x".repeat(32), AGENT_URL: `http://127.0.0.1:${(agent.address() as AddressInfo).port}` },
    `${webUrl}/api/health`,
    webDir as string,
  );
});

afterAll(async () => {
  await stopServer(web);
  agent.closeAllConnections();
  await new Promise<void>((resolve) => agent.close(() => resolve()));
});

describe("the proxy inside Next.js", () => {
  it("delivers each event as the agent writes it, even to a client that accepts gzip", async () => {
    const response = await fetch(`${webUrl}/api/strategy/generate/stream`, {
      method: "POST",
      headers: { "content-type": "application/json", "accept-encoding": "gzip" },
      body: "{}",
    });
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    expect(response.headers.get("x-next-cursor")).toBe("c1");
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    const events: string[] = [];
    // Each event must arrive before the agent is allowed to write the next one.
    for (let expected = 1; expected <= 3; expected++) {
      let chunk = "";
      while (!chunk.includes(`data: ${expected}\n\n`)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before event ${expected}`);
        chunk += value;
      }
      events.push(chunk);
      sendNext();
    }
    expect(events.join("")).toBe("event: section\ndata: 1\n\nevent: section\ndata: 2\n\nevent: done\ndata: 3\n\n");
  });

  it("aborts the agent's request when the browser goes away", async () => {
    const client = new AbortController();
    const response = await fetch(`${webUrl}/api/strategy/generate/stream`, { method: "POST", body: "{}", signal: client.signal });
    const reader = response.body!.getReader();
    await reader.read();
    client.abort();
    expect(await upstreamClosed).toBe(true);
  });
});
