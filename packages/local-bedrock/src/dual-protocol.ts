import http, { type IncomingMessage, type ServerResponse } from "node:http";
import http2, { type Http2ServerRequest, type Http2ServerResponse, type Http2Session } from "node:http2";
import net, { type AddressInfo, type Socket } from "node:net";

/** Which protocol a request arrived on. */
export type HttpProtocol = "h2" | "http/1.1";

/** One request/response pair, the same for HTTP/2 and HTTP/1.1. */
export interface Exchange {
  protocol: HttpProtocol;
  method: string;
  /** Path and query as sent, still percent-encoded. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  /** Aborted when the exchange closes for any reason: finished, cut, client gone, server closed. */
  signal: AbortSignal;
  /** True once the response has been ended by the server (not cut, not abandoned). */
  readonly ended: boolean;
  readBody(): Promise<Buffer>;
  /** Sends the status and headers now, before any body. */
  open(status: number, headers: Record<string, string>): void;
  /** Resolves once the chunk has left for the client, so a cut that follows cannot discard it. */
  write(chunk: Buffer): Promise<void>;
  end(body?: string | Buffer): void;
  /** Breaks the response midway: RST_STREAM on HTTP/2, a destroyed socket on HTTP/1.1. */
  cut(): void;
}

/** A running listener; close() ends every connection at once so tests never wait on keep-alive. */
interface DualProtocolListener {
  port: number;
  close(): Promise<void>;
}

function toExchange(
  protocol: HttpProtocol,
  request: IncomingMessage | Http2ServerRequest,
  response: ServerResponse | Http2ServerResponse,
): Exchange {
  const closed = new AbortController();
  // Tracked here because the HTTP/2 compatibility response emits 'finish' even when the client resets the stream.
  let ended = false;
  response.on("close", () => closed.abort());
  // Http2ServerResponse and ServerResponse share these methods but not a declared type.
  const res = response as ServerResponse;
  return {
    protocol,
    method: request.method ?? "GET",
    url: request.url ?? "/",
    headers: Object.fromEntries(Object.entries(request.headers).filter(([name]) => !name.startsWith(":"))),
    signal: closed.signal,
    get ended() {
      return ended;
    },
    async readBody() {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    open(status, headers) {
      res.writeHead(status, headers);
      res.flushHeaders();
    },
    write(chunk) {
      return new Promise((resolve) => res.write(chunk, () => resolve()));
    },
    end(body) {
      ended = true;
      if (body === undefined) res.end();
      else res.end(body);
    },
    cut() {
      if (protocol === "h2") (request as Http2ServerRequest).stream.close(http2.constants.NGHTTP2_INTERNAL_ERROR);
      else request.socket.destroy();
    },
  };
}

/**
 * Serves HTTP/2 cleartext with prior knowledge (what the AWS SDK's HTTP/2 handler speaks to an http:// endpoint) and
 * HTTP/1.1 on one port, telling them apart by the HTTP/2 connection preface ("PRI * HTTP/2.0").
 */
export function listenDualProtocol(
  onExchange: (exchange: Exchange) => void,
  { host, port }: { host: string; port: number },
): Promise<DualProtocolListener> {
  const sockets = new Set<Socket>();
  const sessions = new Set<Http2Session>();
  const h1 = http.createServer((request, response) => onExchange(toExchange("http/1.1", request, response)));
  const h2 = http2.createServer((request, response) => onExchange(toExchange("h2", request, response)));
  h2.on("session", (session) => {
    sessions.add(session);
    session.on("close", () => sessions.delete(session));
  });
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.once("data", (head) => {
      // Hand the socket over with the sniffed bytes put back, as if nobody had read them. The HTTP/2 session reads
      // buffered bytes itself on the next tick, so only the HTTP/1.1 parser needs the socket flowing again.
      socket.pause();
      socket.unshift(head);
      if (head.subarray(0, 3).toString("latin1") === "PRI") {
        h2.emit("connection", socket);
      } else {
        h1.emit("connection", socket);
        socket.resume();
      }
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            for (const session of sessions) session.destroy();
            for (const socket of sockets) socket.destroy();
          }),
      });
    });
  });
}
