import type { AgentExit } from "./processes";
import type { KeyPlan, Ledger } from "./traffic";

/** A strategy item as found in the table after the run. */
export interface StoredStrategy {
  strategyId: string;
  userId: string;
  /** The ledger's key name, read back from the brand name; undefined when the record matches no key. */
  keyName?: string;
}

/** A request the local Bedrock received, traced to the key whose brief it carried. */
export interface BedrockHit {
  keyName?: string;
  at: number;
  phase: "run" | "reconcile";
}

export interface Verdict {
  check: string;
  pass: boolean;
  numbers: string;
}

interface SoakEvidence {
  ledger: Ledger;
  stored: StoredStrategy[];
  bedrock: BedrockHit[];
  exits: AgentExit[];
  /** Each user's whole history as GET /api/strategy/list paged it after the run; undefined if a page failed. */
  finalLists: Map<string, string[] | undefined>;
}

const count = <T>(items: Iterable<T>, test: (item: T) => boolean) => {
  let total = 0;
  for (const item of items) if (test(item)) total++;
  return total;
};

function idsByKey(ledger: Ledger): Map<string, Set<string>> {
  const byKey = new Map<string, Set<string>>();
  for (const call of ledger.generates) {
    if (!call.id) continue;
    const ids = byKey.get(call.key.name) ?? new Set();
    ids.add(call.id);
    byKey.set(call.key.name, ids);
  }
  return byKey;
}

/** a. The ids answered with 2xx are exactly the records stored, each once, one per key, owned by the key's user. */
function acknowledgedEqualsStored({ ledger, stored }: SoakEvidence): Verdict {
  const acknowledged = new Set(ledger.generates.flatMap((call) => (call.id ? [call.id] : [])));
  const storedIds = new Set(stored.map((record) => record.strategyId));
  const missing = count(acknowledged, (id) => !storedIds.has(id));
  const orphans = count(storedIds, (id) => !acknowledged.has(id));
  const perKey = new Map<string, number>();
  for (const record of stored) if (record.keyName) perKey.set(record.keyName, (perKey.get(record.keyName) ?? 0) + 1);
  const keysByName = new Map(ledger.keys.map((key) => [key.name, key]));
  const twiceStored = count(perKey.values(), (n) => n > 1);
  const untraceable = count(stored, (record) => !record.keyName || !keysByName.has(record.keyName));
  const wrongOwner = count(stored, (record) => {
    const key = record.keyName === undefined ? undefined : keysByName.get(record.keyName);
    return key !== undefined && key.user.userId !== record.userId;
  });
  const splitKeys = count(idsByKey(ledger).values(), (ids) => ids.size > 1);
  const answers = count(ledger.generates, (call) => call.id !== undefined);
  return {
    check: "a. ids answered with 2xx == strategy records stored",
    pass: missing + orphans + twiceStored + untraceable + wrongOwner + splitKeys === 0 && acknowledged.size === storedIds.size,
    numbers:
      `${acknowledged.size} ids acknowledged (${answers} 2xx answers over ${ledger.keys.length} keys), ${storedIds.size} records stored; ` +
      `acknowledged but not stored ${missing}, stored but never acknowledged ${orphans}, keys with more than one record ${twiceStored}, ` +
      `keys answered with more than one id ${splitKeys}, records owned by the wrong user ${wrongOwner}, records of no key ${untraceable}`,
  };
}

/** b. A key that never got a 2xx, even after reconciliation, left nothing in the table. */
function failuresStoredNothing({ ledger, stored, bedrock }: SoakEvidence): Verdict {
  const answered = idsByKey(ledger);
  const failedInRun = ledger.generates.filter((call) => call.role !== "reconcile" && !call.id);
  const failedKeys = new Set(failedInRun.map((call) => call.key.name));
  const reconciled = ledger.generates.filter((call) => call.role === "reconcile");
  const reconcileGenerated = new Set(bedrock.filter((hit) => hit.phase === "reconcile" && hit.keyName).map((hit) => hit.keyName!));
  const recovered = reconciled.filter((call) => call.id);
  const leftBehind = count(recovered, (call) => !reconcileGenerated.has(call.key.name));
  const unanswered = new Set(ledger.keys.filter((key) => !answered.has(key.name)).map((key) => key.name));
  const storedForUnanswered = count(stored, (record) => record.keyName !== undefined && unanswered.has(record.keyName));
  const reconcileOutcomes = tally(reconciled.map((call) => call.outcome));
  return {
    check: "b. failed requests that were not reconciled stored nothing",
    pass: storedForUnanswered === 0,
    numbers:
      `${failedInRun.length} generate calls failed during the run (${failedKeys.size} keys); ${reconciled.length} keys had no 2xx and were retried once ` +
      `(${reconcileOutcomes}): ${leftBehind} returned a record a failed request had stored, ${recovered.length - leftBehind} generated now; ` +
      `${unanswered.size} keys still without a 2xx, records stored for them ${storedForUnanswered} (also covered by a)`,
  };
}

/** c. No user saw another user's strategy; another user's id is 403; each final history is exactly the user's records. */
function usersIsolated({ ledger, stored, finalLists }: SoakEvidence): Verdict {
  const violations = ledger.reads.filter((read) => read.violation);
  const byKind = (kind: string) => ledger.reads.filter((read) => read.kind === kind);
  const others = byKind("other");
  let listMismatches = 0;
  let listFailures = 0;
  for (const [userId, ids] of finalLists) {
    if (!ids) {
      listFailures++;
      continue;
    }
    const expected = new Set(stored.filter((record) => record.userId === userId).map((record) => record.strategyId));
    if (ids.length !== expected.size || ids.some((id) => !expected.has(id))) listMismatches++;
  }
  return {
    check: "c. no user read another's record",
    pass: violations.length === 0 && listMismatches === 0 && listFailures === 0,
    numbers:
      `${ledger.reads.length} reads (lists ${byKind("list").length}, own ids ${byKind("own").length}, other users' ids ${others.length} of which ` +
      `${count(others, (read) => read.outcome === "403")} answered 403); violations ${violations.length}` +
      `${violations.length ? ` (first: ${violations[0]!.violation})` : ""}; final histories equal to the user's stored records ` +
      `${finalLists.size - listMismatches - listFailures}/${finalLists.size}`,
  };
}

/** d. The agent exited only when the soak stopped it: 0 after SIGTERM, killed after SIGKILL. */
function agentNeverCrashed({ exits }: SoakEvidence): Verdict {
  const unexpected = exits.filter((exit) => !exit.expected);
  const describe = (exit: AgentExit) =>
    `${exit.sentBySoak ?? "nothing"} -> ${exit.signal ?? `exit ${exit.code}`}${exit.afterMs === undefined ? "" : ` in ${(exit.afterMs / 1000).toFixed(1)} s`}`;
  return {
    check: "d. the agent died only when the soak killed it",
    pass: unexpected.length === 0,
    numbers: `${exits.length} exits [${exits.map(describe).join(", ")}]; unexpected ${unexpected.length}`,
  };
}

/** e. Replays and concurrent twins got the same id and cost no Bedrock request beyond the one generation. */
function replaysAreFree({ ledger, bedrock }: SoakEvidence): Verdict {
  const answered = idsByKey(ledger);
  const firstSuccess = new Map<string, number>();
  for (const call of ledger.generates) {
    if (call.id && !firstSuccess.has(call.key.name)) firstSuccess.set(call.key.name, call.endedAt);
  }
  const afterSuccess = count(bedrock, (hit) => hit.keyName !== undefined && firstSuccess.has(hit.keyName) && hit.at > firstSuccess.get(hit.keyName)!);
  const replays = ledger.generates.filter((call) => call.role === "replay");
  const replaysSame = count(replays, (call) => call.id !== undefined && answered.get(call.key.name)?.size === 1);
  const hitsPerKey = new Map<string, number>();
  for (const hit of bedrock) if (hit.keyName && hit.phase === "run") hitsPerKey.set(hit.keyName, (hitsPerKey.get(hit.keyName) ?? 0) + 1);
  const twinKeys: KeyPlan[] = ledger.keys.filter((key) => key.twin);
  const bothAnswered = twinKeys.filter((key) => count(ledger.generates, (call) => call.key === key && call.role === "twin" && call.id !== undefined) === 2);
  const twinsSame = count(bothAnswered, (key) => answered.get(key.name)?.size === 1);
  const twinsOneCall = count(bothAnswered, (key) => hitsPerKey.get(key.name) === 1);
  const twinOutcomes = tally(ledger.generates.filter((call) => call.role === "twin").map((call) => call.outcome));
  return {
    check: "e. idempotent replays returned the same id and caused no extra Bedrock request",
    pass: replaysSame === count(replays, (call) => call.id !== undefined) && twinsSame === bothAnswered.length && twinsOneCall === bothAnswered.length && afterSuccess === 0,
    numbers:
      `${replays.length} sequential replays (${tally(replays.map((call) => call.outcome))}), same id ${replaysSame}; ` +
      `${twinKeys.length} concurrent twin pairs (${twinOutcomes}), both 2xx ${bothAnswered.length}, same id ${twinsSame}, ` +
      `exactly one Bedrock request ${twinsOneCall}; Bedrock requests for a key after its first 2xx ${afterSuccess}`,
  };
}

/** "200: 12, 504: 3" */
export function tally(names: string[]): string {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([name, n]) => `${name}: ${n}`).join(", ") || "none";
}

export const CHECKS = [acknowledgedEqualsStored, failuresStoredNothing, usersIsolated, agentNeverCrashed, replaysAreFree];
