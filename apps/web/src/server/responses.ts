import "server-only";
import { ERROR_DETAILS, type FieldError } from "@strategist/schemas";

/** A `{"detail": ...}` body, the API's error shape, with optional extra headers. */
export function detail(status: number, message: string, headers?: HeadersInit): Response {
  return Response.json({ detail: message }, { status, headers });
}

/** The API's 400 body: `{"detail":"Validation error","errors":[{field,message}]}`. */
export function validationError(errors: FieldError[]): Response {
  return Response.json({ detail: ERROR_DETAILS.validation, errors }, { status: 400 });
}

export const CROSS_SITE_DETAIL = "Cross-site request rejected";
