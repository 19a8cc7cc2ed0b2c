import { NodeHttp2Handler, type NodeHttp2HandlerOptions } from "@smithy/node-http-handler";

type HandleArgs = Parameters<NodeHttp2Handler["handle"]>;

/**
 * The Bedrock client's HTTP/2 handler, with ConverseStream calls sharing pooled sessions. The stock handler gives
 * every event stream an isolated session (`useIsolatedSession = disableConcurrentStreams || isEventStream`): one new
 * TCP (and, on AWS, TLS) connection per generation. ConverseStream only reads its event stream after one request
 * body, so it can share a session like any other request: streams are multiplexed on pooled sessions, a new session
 * opening when one carries `maxConcurrentStreams`.
 */
export class PooledStreamsHttp2Handler extends NodeHttp2Handler {
  constructor(options: NodeHttp2HandlerOptions = {}) {
    super({ maxConcurrentStreams: 100, ...options });
  }

  override handle(request: HandleArgs[0], options: HandleArgs[1] = {}): ReturnType<NodeHttp2Handler["handle"]> {
    return super.handle(request, { ...options, isEventStream: false });
  }
}
