import type { ApiKeyCreate } from "@strategist/schemas";
import { call, type ApiFailure } from "@/api/client";

/** Browser calls to the API key routes through the web origin's proxy (the session cookie becomes the Bearer token). */
export const keyRequests = {
  create: (key: ApiKeyCreate) => call((api) => api.POST("/api/keys", { body: key })),
  revoke: (id: string) => call((api) => api.DELETE("/api/keys/{id}", { params: { path: { id } } })),
};

/** The words a user reads for a failed key request. */
export function describeKeyFailure(failure: ApiFailure): string {
  if (failure.status === 401) return "Your session has ended. Log in again to continue.";
  if (failure.status === 400 && failure.errors?.length) return failure.errors.map((error) => `${error.field}: ${error.message}`).join(" ");
  return failure.detail;
}
