/// <reference path="./s3rver.d.ts" />
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";

export interface EmbeddedS3 {
  endpoint: string;
  close(): Promise<void>;
}

/**
 * Starts an S3-compatible server (s3rver) in this process on loopback, keeping objects under `directory`
 * (so they survive a restart) or, without one, in a temporary directory removed on close. Port 0 picks a
 * free port. The buckets named in `buckets` exist from the start.
 */
export async function startEmbeddedS3(options: { directory?: string; port?: number; buckets?: string[] } = {}): Promise<EmbeddedS3> {
  const temporary = options.directory ? undefined : mkdtempSync(join(tmpdir(), "s3rver-"));
  const directory = options.directory ?? temporary!;
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({
    address: "127.0.0.1",
    port: options.port ?? 0,
    directory,
    silent: true,
    configureBuckets: (options.buckets ?? []).map((name) => ({ name })),
  });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: async () => {
      const closed = server.close();
      // Clients keep sockets alive; close them so shutdown never waits on an idle connection.
      server.httpServer?.closeAllConnections();
      await closed;
      if (temporary) rmSync(temporary, { recursive: true, force: true });
    },
  };
}
