/**
 * Loads a module on first use and keeps it; a load that failed (a chunk that did not arrive, offline) is tried
 * again on the next call. Forms use it to fetch their zod checks on first focus rather than with the page.
 */
export function lazyModule<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}
