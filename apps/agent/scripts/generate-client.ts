// `pnpm generate:client`: writes packages/api-client/openapi.json and src/schema.ts from the document built
// in-process (no server, no database). `--check` only says whether the committed files are stale.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { CLIENT_DIR, renderClient, staleClientFiles } from "./openapi/client";

const check = process.argv.includes("--check");
try {
  const files = await renderClient();
  if (check) {
    const stale = await staleClientFiles(files);
    if (stale.length > 0) {
      console.error(`Stale: ${stale.join(", ")}. Run \`pnpm generate:client\` and commit the result.`);
      process.exit(1);
    }
    console.log("packages/api-client is up to date with the agent's routes.");
  } else {
    for (const [name, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(CLIENT_DIR, name)), { recursive: true });
      await writeFile(path.join(CLIENT_DIR, name), content);
      console.log(`wrote packages/api-client/${name}`);
    }
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
