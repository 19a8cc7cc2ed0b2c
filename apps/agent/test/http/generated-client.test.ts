import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { createSigner } from "fast-jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServerProcess, type ServerProcess } from "../support/server-process";

const run = promisify(execFile);
const agentDir = join(import.meta.dirname, "../..");
const bin = (name: string) => join(agentDir, "node_modules", ".bin", name);

/** A frontend developer's program, written against the client generated from the served document only. */
const PROGRAM = `
import createClient from "openapi-fetch";
import type { components, paths } from "./schema";

type StrategyRecord = components["schemas"]["StrategyRecord"];
const [baseUrl, ownerToken, otherToken] = process.argv.slice(2) as [string, string, string];
const owner = createClient<paths>({ baseUrl, headers: { authorization: \`Bearer \${ownerToken}\` } });
const other = createClient<paths>({ baseUrl, headers: { authorization: \`Bearer \${otherToken}\` } });
const brief = { brand_name: "Typed Bakery", industry: "Food", target_audience: "Neighbours", goals: "More regulars" };

if (false as boolean) {
  // @ts-expect-error brand_name is a string in the documented request body
  await owner.POST("/api/strategy/generate", { body: { brand_name: 42, industry: "x", target_audience: "y", goals: "z" } });
  // @ts-expect-error no such operation
  await owner.GET("/api/strategy/everything");
}

const created: StrategyRecord[] = [];
for (const brand of ["Typed Bakery", "Typed Florist"]) {
  const { data, error } = await owner.POST("/api/strategy/generate", { body: { ...brief, brand_name: brand }, headers: { "idempotency-key": \`key-\${brand.length}-\${created.length}\` } });
  if (error) throw new Error(\`generate failed: \${error.detail}\`);
  created.push(data);
}

const pages: string[][] = [];
let cursor: string | undefined;
do {
  const { data, error, response } = await owner.GET("/api/strategy/list", { params: { query: { limit: 1, cursor } } });
  if (error) throw new Error(\`list failed: \${error.detail}\`);
  pages.push(data.map((record) => record.id));
  cursor = response.headers.get("x-next-cursor") ?? undefined;
} while (cursor);

const got = await owner.GET("/api/strategy/{id}", { params: { path: { id: created[0]!.id } } });
const pillars: number = got.data?.strategy_output.content_pillars.length ?? 0;

const denied = await other.GET("/api/strategy/{id}", { params: { path: { id: created[0]!.id } } });
const forbidden = denied.response.status === 403 && denied.error ? denied.error.detail : null;

const invalid = await owner.POST("/api/strategy/generate", { body: { ...brief, brand_name: "   " } });
const fields = invalid.error && "errors" in invalid.error ? invalid.error.errors.map((problem) => problem.field) : null;

console.log(JSON.stringify({ created: created.map((record) => record.id), pages, gotId: got.data?.id, pillars, forbidden, invalidStatus: invalid.response.status, fields }));
`;

let server: ServerProcess;
let dataDir: string;
let work: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "client-agent-"));
  work = mkdtempSync(join(tmpdir(), "generated-client-"));
  server = await startServerProcess({ DATA_DIR: dataDir });
});

afterAll(async () => {
  server.child.kill("SIGTERM");
  await server.exited;
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe("a client generated from the document a running agent serves", () => {
  it("compiles against the generated types and generates, pages, reads, and handles a 403 and a 400 by type", async () => {
    // Generate from the served document, as a frontend developer would.
    await run(bin("openapi-typescript"), [`${server.url}/docs/json`, "-o", join(work, "schema.ts")], { cwd: work });
    writeFileSync(join(work, "program.ts"), PROGRAM);
    writeFileSync(join(work, "package.json"), JSON.stringify({ type: "module" }));
    writeFileSync(
      join(work, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "ESNext",
          moduleResolution: "Bundler",
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: ["node"],
          lib: ["ES2023", "DOM"],
        },
        files: ["program.ts"],
      }),
    );
    mkdirSync(join(work, "node_modules", "@types"), { recursive: true });
    symlinkSync(join(agentDir, "node_modules", "openapi-fetch"), join(work, "node_modules", "openapi-fetch"));
    symlinkSync(join(agentDir, "node_modules", "@types", "node"), join(work, "node_modules", "@types", "node"));

    await run(bin("tsc"), ["-p", join(work, "tsconfig.json")], { cwd: work }).catch((error: { stdout: string }) => {
      throw new Error(`the program does not compile against the generated client:\n${error.stdout}`);
    });

    const secret = readFileSync(join(dataDir, "jwt-secret"), "utf8").trim();
    const sign = createSigner({ key: secret, algorithm: "HS256", expiresIn: 60_000 });
    const { stdout } = await run(bin("tsx"), ["program.ts", server.url, sign({ userId: "client-owner" }), sign({ userId: "client-other" })], { cwd: work });
    const result = JSON.parse(stdout.trim().split("\n").at(-1)!) as {
      created: string[];
      pages: string[][];
      gotId: string;
      pillars: number;
      forbidden: string | null;
      invalidStatus: number;
      fields: string[] | null;
    };
    expect(result.created).toHaveLength(2);
    // Newest first, at most one per page, the cursor leading from the first page to the last (which may be empty).
    expect(result.pages.flat()).toEqual([...result.created].reverse());
    expect(result.pages.length).toBeGreaterThanOrEqual(2);
    expect(result.pages.every((page) => page.length <= 1)).toBe(true);
    expect(result.gotId).toBe(result.created[0]);
    expect(result.pillars).toBeGreaterThanOrEqual(3);
    expect(result.forbidden).toBe("Access denied");
    expect(result.invalidStatus).toBe(400);
    expect(result.fields).toEqual(["brand_name"]);
  });
});
