// The development JWT secret: one random secret kept under DATA_DIR, so the agent, the web app and
// `pnpm mint-token` share it and restarts keep sessions. Plain JavaScript because the root scripts
// (start-all, mint-token) run under node without a TypeScript loader. Never used in production, where
// JWT_SECRET must come from the environment.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Where the development secret lives under a data directory. */
export function developmentSecretFile(dataDir) {
  return join(dataDir, "jwt-secret");
}

/** Reads the development secret; undefined when none was written yet. */
export function readDevelopmentSecret(dataDir) {
  const file = developmentSecretFile(dataDir);
  return existsSync(file) ? readFileSync(file, "utf8").trim() : undefined;
}

/** Reads the development secret, first writing a random 32-byte one (owner-only) when there is none. */
export function developmentSecret(dataDir) {
  const existing = readDevelopmentSecret(dataDir);
  if (existing) return existing;
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(developmentSecretFile(dataDir), `${secret}\n`, { mode: 0o600 });
  return secret;
}
