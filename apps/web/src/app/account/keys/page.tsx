import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ApiKeys } from "@/account/keys/ApiKeys";
import { listApiKeys } from "@/server/agent-api";
import { loginPath, requireSession } from "@/server/current-session";
import "@/account/keys/keys.css";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const session = await requireSession("/account/keys");
  const result = await listApiKeys(session.token);
  if (result.kind === "unauthorized") redirect(loginPath("/account/keys"));
  if (result.kind !== "ok") throw new Error(`Loading the API keys failed (${result.kind})`);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>API keys</h1>
          <p>
            Keys let scripts, CI jobs and AI assistants (through MCP at <code>/api/mcp</code>) use your account. Send one as{" "}
            <code>Authorization: Bearer sk_strat_…</code>. A read key may only read; a write key may also generate, plan, edit and delete.
          </p>
        </div>
      </div>
      <ApiKeys keys={result.value} />
    </>
  );
}
