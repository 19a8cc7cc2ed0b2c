import { Agent, createServer, request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";

/** Hop-by-hop headers a proxy must not forward (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer"]);

function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));
}

/**
 * A load balancer for the soak: an HTTP proxy that sends each request to the next agent in turn (round-robin per
 * request, over kept-alive connections, like the AWS load balancer). An agent that refuses the connection (stopped
 * or restarting) is skipped for that request, as a health-checked target would be; when none accepts, 502.
 * A client that hangs up makes the proxy hang up on the agent, so the agent sees the client go.
 */
export async function startRoundRobin(
  upstreamPorts: number[],
): Promise<{ endpoint: string; served: number[]; failures: Map<string, number>; close(): Promise<void> }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const served = upstreamPorts.map(() => 0);
  /** Why the proxy answered 502 or cut an answer: the upstream error code, counted. */
  const failures = new Map<string, number>();
  let next = 0;

  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer, index: number, tried: number) => {
    const upstream = request(
      {
        host: "127.0.0.1",
        port: upstreamPorts[index],
        method: req.method,
        path: req.url,
        headers: { ...endToEnd(req.headers), "content-length": String(body.length) },
        agent,
      },
      (answer) => {
        served[index]!++;
        res.writeHead(answer.statusCode ?? 502, endToEnd(answer.headers));
        answer.pipe(res);
        answer.on("error", () => res.destroy());
      },
    );
    upstream.on("error", (error: NodeJS.ErrnoException) => {
      if (!res.destroyed && !(error.code === "ECONNREFUSED" && tried + 1 < upstreamPorts.length)) {
        const reason = `${error.code ?? error.message}${res.headersSent ? " (answer cut)" : ""}`;
        failures.set(reason, (failures.get(reason) ?? 0) + 1);
      }
      if (error.code === "ECONNREFUSED" && tried + 1 < upstreamPorts.length && !res.destroyed) {
        forward(req, res, body, (index + 1) % upstreamPorts.length, tried + 1);
      } else if (!res.headersSent && !res.destroyed) {
        res.writeHead(502, { "content-type": "application/json" }).end(JSON.stringify({ detail: "Bad gateway" }));
      } else {
        res.destroy();
      }
    });
    // The client hung up before the answer was complete: hang up on the agent too.
    res.on("close", () => {
      if (!res.writableFinished) upstream.destroy();
    });
    upstream.end(body);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => forward(req, res, Buffer.concat(chunks), next++ % upstreamPorts.length, 0));
    req.on("error", () => res.destroy());
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    served,
    failures,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      agent.destroy();
    },
  };
}
