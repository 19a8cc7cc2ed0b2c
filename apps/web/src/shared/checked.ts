/** Anything with zod's safeParse. */
interface Schema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false };
}

/** A check for a client call: the value when it matches the schema, undefined when it does not. */
export function checkedBy<T>(schema: Schema<T>): (data: unknown) => T | undefined {
  return (data) => {
    const result = schema.safeParse(data);
    return result.success ? result.data : undefined;
  };
}
