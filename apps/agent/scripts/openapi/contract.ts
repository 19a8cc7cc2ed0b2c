/** What every operation of the document must have, so clients get stable names and typed answers. */

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
const OPERATION_ID = /^[a-z][A-Za-z0-9]*$/;

interface Operation {
  operationId?: unknown;
  summary?: unknown;
  tags?: unknown;
  responses?: Record<string, { description?: unknown; content?: Record<string, { schema?: unknown }> }>;
}

/**
 * Each problem names the route and says what to add: an `operationId` (camelCase, unique), a `summary`, `tags`,
 * and a documented 2XX response with its body (204 excepted) — in the route's `schema`.
 */
export function contractProblems(document: { paths?: Record<string, Record<string, unknown>> }): string[] {
  const problems: string[] = [];
  const ids = new Map<string, string>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method] as Operation | undefined;
      if (!operation) continue;
      const route = `${method.toUpperCase()} ${path}`;
      const add = (what: string) => problems.push(`${route}: ${what} (in the route's \`schema\`)`);
      if (typeof operation.operationId !== "string") add('no operationId: add `operationId: "camelCaseVerbNoun"`');
      else if (!OPERATION_ID.test(operation.operationId)) add(`operationId "${operation.operationId}" is not camelCase`);
      else if (ids.has(operation.operationId)) add(`operationId "${operation.operationId}" is also used by ${ids.get(operation.operationId)}`);
      else ids.set(operation.operationId, route);
      if (typeof operation.summary !== "string" || operation.summary.trim() === "") add("no summary");
      if (!Array.isArray(operation.tags) || operation.tags.length === 0) add('no tags: add `tags: ["<room>"]`');
      const responses = Object.entries(operation.responses ?? {});
      const success = responses.filter(([status]) => /^2(\d\d|XX)$/.test(status));
      if (success.length === 0) add("no documented 2XX response: add it to `response`");
      for (const [status, response] of responses) {
        const described = response.description !== "Default Response" && typeof response.description === "string";
        if (!described) add(`response ${status} has no description`);
        const hasBody = Object.values(response.content ?? {}).some((media) => media.schema !== undefined);
        // 204 and 304 carry no body by definition (RFC 9110).
        if (status !== "204" && status !== "304" && !hasBody) add(`response ${status} documents no body: give it a zod schema`);
      }
    }
  }
  return problems;
}
