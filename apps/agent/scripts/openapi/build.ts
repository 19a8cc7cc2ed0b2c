import { createDocumentClient } from "@strategist/dynamo";
import { createCatalog } from "../../src/models/providers";
import { loadConfig } from "../../src/core/config";
import { createAgentApp } from "../../src/main/service-factory";
import { OFFLINE_WRITERS } from "../../src/main/offline-writers";

/** Default-configuration values for the committed document, so it is the same on every machine. */
const DOCUMENT_ENV = { JWT_SECRET: "document-build-secret-not-used-for-anything-0123456789", NODE_ENV: "test" };

/**
 * The agent's OpenAPI document built in-process, with no server and no database: the real app on the
 * default configuration, made ready and asked for its document.
 */
export async function buildDocument(): Promise<Record<string, unknown>> {
  const config = loadConfig(DOCUMENT_ENV);
  // Nothing is sent: the client only exists so the service can be wired.
  const client = createDocumentClient({ region: config.AWS_REGION, endpoint: "http://127.0.0.1:9" });
  const app = await createAgentApp({ config, client, catalog: createCatalog(config, OFFLINE_WRITERS), logger: false });
  try {
    await app.ready();
    return structuredClone(app.swagger()) as unknown as Record<string, unknown>;
  } finally {
    await app.close();
  }
}
