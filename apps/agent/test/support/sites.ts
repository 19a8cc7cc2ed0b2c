import http, { type IncomingMessage, type ServerResponse } from "node:http";
import net, { type AddressInfo } from "node:net";

/** A server that must never be contacted: it counts every connection on 127.0.0.1 and [::1] at one port. */
export interface TrapServer {
  port: number;
  connections(): number;
  close(): Promise<void>;
}

function listen(server: net.Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

function close(server: net.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

export async function startTrap(): Promise<TrapServer> {
  let count = 0;
  const onConnection = (socket: net.Socket) => {
    count += 1;
    socket.destroy();
  };
  const ipv4 = net.createServer(onConnection);
  await listen(ipv4, "127.0.0.1", 0);
  const port = (ipv4.address() as AddressInfo).port;
  const ipv6 = net.createServer(onConnection);
  await listen(ipv6, "::1", port);
  return { port, connections: () => count, close: async () => void (await Promise.all([close(ipv4), close(ipv6)])) };
}

export type Route = (request: IncomingMessage, response: ServerResponse) => void;

/** A local site on 127.0.0.1 serving the given routes (404 otherwise); it records the requests it gets. */
export interface SiteServer {
  port: number;
  origin: string;
  hostPort: string;
  requests: { path: string; host: string | undefined; userAgent: string | undefined }[];
  close(): Promise<void>;
}

export async function startSite(routes: Record<string, Route>): Promise<SiteServer> {
  const requests: SiteServer["requests"] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    requests.push({ path: request.url ?? "/", host: request.headers.host, userAgent: request.headers["user-agent"] });
    const route = routes[path];
    if (route === undefined) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    route(request, response);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await listen(server, "127.0.0.1", 0);
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    hostPort: `127.0.0.1:${port}`,
    requests,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await close(server);
    },
  };
}

/** Serves `html` as a UTF-8 HTML page. */
export function html(body: string): Route {
  return (_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(body);
  };
}

/** Answers a redirect to `location`. */
export function redirect(location: string, status = 302): Route {
  return (_request, response) => {
    response.writeHead(status, { location }).end();
  };
}
