import type { FieldError } from "@strategist/schemas";

/** The first message for each field, which is the one a form shows beside it. */
export function firstMessages(errors: readonly FieldError[]): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const { field, message } of errors) messages[field] ??= message;
  return messages;
}
