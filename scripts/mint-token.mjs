#!/usr/bin/env node
// Mints a development JWT for a user id: HS256, `userId` claim, expires in 1 hour (or --hours N).
// The secret is JWT_SECRET, or the development secret the services keep in ${DATA_DIR:-.data}/jwt-secret.
import { createHmac } from "node:crypto";
import { developmentSecretFile, readDevelopmentSecret } from "../apps/agent/src/core/dev-secret.mjs";

const args = process.argv.slice(2);
const hoursAt = args.indexOf("--hours");
const hours = hoursAt >= 0 ? Number(args.splice(hoursAt, 2)[1]) : 1;
const userId = args[0];
if (!userId || !Number.isFinite(hours) || hours <= 0) {
  console.error("usage: pnpm mint-token <userId> [--hours N]");
  process.exit(2);
}
const dataDir = process.env.DATA_DIR || ".data";
const secret = process.env.JWT_SECRET || readDevelopmentSecret(dataDir) || "";
if (Buffer.byteLength(secret) < 32) {
  console.error(`No JWT secret: set JWT_SECRET (32+ bytes) or start the service once so it writes ${developmentSecretFile(dataDir)}.`);
  process.exit(1);
}
const encode = (value) => Buffer.from(JSON.stringify(value)).toString("base64url");
const now = Math.floor(Date.now() / 1000);
const unsigned = `${encode({ alg: "HS256", typ: "JWT" })}.${encode({ userId, iat: now, exp: now + Math.round(hours * 3600) })}`;
const signature = createHmac("sha256", secret).update(unsigned).digest("base64url");
process.stdout.write(`${unsigned}.${signature}\n`);
