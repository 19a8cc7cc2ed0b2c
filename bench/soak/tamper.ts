import { DeleteCommand, ScanCommand, UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { outcomeName } from "./client";
import { readOwnStrategy, sendGenerate, type GenerateCall, type GenerateRole, type Ledger, type SoakUser } from "./traffic";

interface TamperTargets {
  client: DynamoDBDocumentClient;
  table: string;
  baseUrl: string;
  ledger: Ledger;
  users: SoakUser[];
  agentPid: number | undefined;
}

/**
 * `pnpm soak --tamper`: breaks, behind the agent's back, what checks a, c, d and e guard — so a run shows that each
 * of them can fail. Deletes an acknowledged record (a), hands another record to a different user and reads it as
 * its owner (c), deletes a finished key's idempotency item and replays the key (e), and SIGKILLs the agent without
 * telling the soak (d). Returns what it did.
 */
export async function tamper({ client, table, baseUrl, ledger, users, agentPid }: TamperTargets): Promise<string[]> {
  const lastAnswered = (role: GenerateRole) => [...new Map(ledger.generates.filter((call) => call.id && call.role === role).map((call) => [call.key.name, call])).values()];
  const firsts = lastAnswered("first");
  // A twin key asks for the clean model, so its replay surely reaches Bedrock once the key is forgotten.
  const forgotten = lastAnswered("twin").at(-1);
  if (firsts.length < 2 || !forgotten) return ["fewer acknowledged keys than needed, nothing done"];
  const [lost, moved] = firsts.slice(-2) as [GenerateCall, GenerateCall];
  const done: string[] = [];

  await client.send(new DeleteCommand({ TableName: table, Key: { strategyId: lost.id } }));
  done.push(`deleted acknowledged record ${lost.id} (${lost.key.name})`);

  const thief = users.find((user) => user !== moved.key.user)!;
  await client.send(
    new UpdateCommand({ TableName: table, Key: { strategyId: moved.id }, UpdateExpression: "SET userId = :thief", ExpressionAttributeValues: { ":thief": thief.userId } }),
  );
  const read = await readOwnStrategy({ baseUrl, ledger }, moved.key.user, moved.id!);
  done.push(`gave record ${moved.id} (${moved.key.name}) to ${thief.userId}; its owner's GET answered ${outcomeName(read)}`);

  const items = (await client.send(new ScanCommand({ TableName: table, ConsistentRead: true }))).Items ?? [];
  const bookkeeping = items.find((item) => item.recordId === forgotten.id);
  if (bookkeeping) {
    await client.send(new DeleteCommand({ TableName: table, Key: { strategyId: bookkeeping.strategyId } }));
    // The key must reach the model again, so a replay shed by the admission limits is sent again.
    let outcome = await sendGenerate(baseUrl, forgotten.key);
    for (let attempt = 0; attempt < 10 && "status" in outcome && (outcome.status === 429 || outcome.status === 503); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      outcome = await sendGenerate(baseUrl, forgotten.key);
    }
    const replay = ledger.record(forgotten.key, "replay", outcome);
    done.push(`deleted the idempotency item of ${forgotten.key.name} and replayed the key: ${replay.outcome} ${replay.id ?? ""}`);
  }

  if (agentPid !== undefined) {
    process.kill(agentPid, "SIGKILL");
    done.push(`SIGKILLed agent ${agentPid} behind the soak's back`);
  }
  return done;
}
