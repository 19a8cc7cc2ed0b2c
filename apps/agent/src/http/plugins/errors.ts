import fp from "fastify-plugin";
import { fieldErrors } from "@strategist/schemas";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { FastifyError } from "fastify";
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
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new AppError("payload_too_large", { cause: error });
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return new AppError("unsupported_media_type", { cause: error });
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return new AppError("validation", { fields: [{ field: "body", message: "Body must be valid JSON" }], cause: error });
  }
  if (error instanceof SyntaxError || error.statusCode === 400) {
    return new AppError("validation", { fields: [{ field: "body", message: error.message }], cause: error });
  }
  return undefined;
}

/** One error handler: codes become their status (core/errors.ts) and body; 5xx details stay in the log. */
export const errorsPlugin = fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const appError = error instanceof AppError ? error : (fromFastifyError(error) ?? new AppError("internal", { cause: error }));
      const status = appError.status;
      if (request.raw.destroyed || reply.raw.destroyed) {
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
