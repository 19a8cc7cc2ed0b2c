import type { FastifyRequest } from "fastify";

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * The origin a request reached (with trusted proxies, the forwarded one), for links in answers: the metadata URL of
 * a 401 and the MCP resource. A Host that is not a plain host name or address gives `localhost`, so nothing a
 * client sends can bend a header or a link.
 */
export function requestOrigin(request: FastifyRequest): string {
  const host = HOST.test(request.host) ? request.host : "localhost";
  return `${request.protocol === "https" ? "https" : "http"}://${host}`;
}
