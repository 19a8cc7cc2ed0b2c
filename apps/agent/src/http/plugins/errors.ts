import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import fp from "fastify-plugin";
import { FetchRefused } from "@strategist/fetcher";
import { fieldErrors } from "@strategist/schemas";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../../core/errors";
import { requestOrigin } from "../origin";

/** 5xx answers that report the model service's state rather than a fault of ours: logged as warnings. */
const EXPECTED_FAILURES = new Set(["unavailable", "timeout", "structured_output"]);

/** Fastify's own request errors, mapped to the service's codes. */
function fromFastifyError(error: FastifyError): AppError | undefined {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = error.validationContext === "body" ? [] : [error.validationContext ?? ""];
    const issues = error.validation.map((issue) => ({
      code: issue.keyword,
      message: issue.message ?? "Invalid value",
      path: issue.instancePath.split("/").filter(Boolean),
      keys: (issue.params as { keys?: string[] }).keys ?? [],
    }));
    const fields = fieldErrors(issues, part.filter(Boolean));
    return new AppError("validation", { fields, cause: error });
  }
  switch (error.code) {
    case "FST_ERR_MAX_PARAM_LENGTH":
      return new AppError("uri_too_long", { cause: error });
    case "FST_ERR_BAD_URL":
      return new AppError("bad_request", { cause: error, message: "the URL is not valid percent-encoding" });
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new AppError("payload_too_large", { cause: error });
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return new AppError("unsupported_media_type", { cause: error });
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return new AppError("validation", { fields: [{ field: "body", message: "Body must be valid JSON" }], cause: error });
  }
  if (error instanceof SyntaxError) {
    return new AppError("validation", { fields: [{ field: "body", message: "Body must be valid JSON" }], cause: error });
  }
  // Any other request error of Fastify's: its status, our shape, and never its message (which may quote the URL).
  if (error.code?.startsWith("FST_ERR") && typeof error.statusCode === "number" && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError(error.statusCode === 413 ? "payload_too_large" : error.statusCode === 415 ? "unsupported_media_type" : "bad_request", { cause: error });
  }
  if (error.statusCode === 400) return new AppError("bad_request", { cause: error });
  return undefined;
}

/**
 * Fastify's router errors (a path parameter past maxParamLength, a URL that is not valid percent-encoding) in the
 * product's `{ "detail" }` shape; Fastify's own body would quote the URL. They come before routing, so the error
 * handler below never sees them.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const appError = fromFastifyError(error) ?? new AppError("bad_request", { cause: error });
  request.log.info({ code: appError.code, reason: error.code }, "request rejected");
  void reply.code(appError.status).send(appError.body());
}

/** The answers node's HTTP parser gives before Fastify sees a request, by its error code. */
const CLIENT_ERRORS: Record<string, "headers_too_large" | "uri_too_long"> = {
  HPE_HEADER_OVERFLOW: "headers_too_large",
  HPE_URI_TOO_LONG: "uri_too_long",
};

/**
 * Answers a request node could not parse (headers past the size limit, a malformed request line) with a JSON
 * `{ "detail" }` body, then closes the connection. The request itself is never echoed.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const code = CLIENT_ERRORS[error.code ?? ""] ?? "bad_request";
  const appError = new AppError(code);
  const body = JSON.stringify(appError.body());
  socket.end(
    `HTTP/1.1 ${appError.status} ${STATUS_CODES[appError.status]}\r\ncontent-type: application/json; charset=utf-8\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

/**
 * The answer to a refused fetch: 400 (the URL is refused) with the `url` field, 422 (the page cannot be read as
 * asked) or 504 (out of time), each with the fetcher's `detail`. Never a 500.
 */
function sendRefusal(error: FetchRefused, request: FastifyRequest, reply: FastifyReply) {
  request.log.info({ code: "fetch_refused", reason: error.reason, status: error.status }, "page fetch refused");
  const body = error.status === 400 ? { detail: error.detail, errors: [{ field: "url", message: error.detail }] } : { detail: error.detail };
  return reply.code(error.status).send(body);
}

/** One error handler: codes become their status (core/errors.ts) and body; 5xx details stay in the log. */
export const errorsPlugin = fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      // A page the fetcher would not or could not read: its own status (400, 422 or 504) and the sentence saying why.
      if (error instanceof FetchRefused) return sendRefusal(error, request, reply);
      const appError = error instanceof AppError ? error : (fromFastifyError(error) ?? new AppError("internal", { cause: error }));
      const status = appError.status;
      // The socket is what tells whether the client is still there: an answered request's stream is destroyed too.
      if (reply.raw.destroyed || request.raw.socket?.destroyed) {
        request.log.info({ code: appError.code, reason: appError.message }, "client went away before the answer");
      } else if (EXPECTED_FAILURES.has(appError.code)) {
        // The model service being busy, slow or wrong is an outcome the API is built for, not a bug here.
        request.log.warn({ code: appError.code, reason: appError.message, cause: (appError.cause as Error | undefined)?.message }, "request failed");
      } else if (status >= 500) {
        request.log.error({ err: error, code: appError.code }, "request failed");
      } else {
        request.log.info({ code: appError.code, reason: appError.message, fields: appError.fields }, "request rejected");
      }
      if (appError.retryAfterSeconds !== undefined) reply.header("retry-after", String(appError.retryAfterSeconds));
      // RFC 9728 §5.1: a 401 names where the resource's metadata is, so MCP clients learn how to get a key.
      if (status === 401) {
        reply.header("www-authenticate", `Bearer realm="strategist", resource_metadata="${requestOrigin(request)}/.well-known/oauth-protected-resource"`);
      }
      return reply.code(status).send(appError.body());
    });
    app.setNotFoundHandler((request, reply) => reply.code(404).send({ detail: "Not found" }));
  },
  { name: "errors" },
);
