import { setTimeout as sleep } from "node:timers/promises";
import { call, outcomeName, type CallOutcome } from "./client";
import type { Random } from "./random";

/** A user of the soak with a signed token, or an API key of the user. */
export interface SoakUser {
  index: number;
  userId: string;
  /** The Bearer credential: a JWT, or an API key (`sk_strat_...`). */
  token: string;
}

/** One Idempotency-Key of one user and the brief sent with it, every time. */
export interface KeyPlan {
  /** The ledger's name for the key: the user and the key, e.g. "u3 order-7" (keys repeat across users on purpose). */
  name: string;
  user: SoakUser;
  idempotencyKey: string;
  body: Record<string, string>;
  /** Sent twice at the same moment, to the clean model. */
  twin: boolean;
}

export type GenerateRole = "first" | "twin" | "replay" | "reconcile";

export interface GenerateCall {
  key: KeyPlan;
  role: GenerateRole;
  outcome: string;
  /** The strategy id of a 2xx answer. */
  id?: string;
  endedAt: number;
}

interface ReadCall {
  user: SoakUser;
  kind: "list" | "own" | "other";
  outcome: string;
  /** Set when the answer showed something the caller must not see, or hid what it must. */
  violation?: string;
}

/** Prefix of every brand name the soak sends; the key's name follows, so Bedrock requests can be traced to keys. */
export const BRAND_PREFIX = "Soak Brand ";

/** Everything the soak sent and what came back. */
export class Ledger {
  readonly keys: KeyPlan[] = [];
  readonly generates: GenerateCall[] = [];
  readonly reads: ReadCall[] = [];
  /** Strategy ids each user got back with a 2xx, in order. */
  readonly acknowledged = new Map<string, string[]>();

  record(key: KeyPlan, role: GenerateRole, outcome: CallOutcome): GenerateCall {
    const entry: GenerateCall = { key, role, outcome: outcomeName(outcome), endedAt: Date.now() };
    if ("status" in outcome && outcome.status >= 200 && outcome.status < 300) {
      entry.id = (outcome.body as { id?: string }).id;
      if (entry.id) this.acknowledged.set(key.user.userId, [...(this.acknowledged.get(key.user.userId) ?? []), entry.id]);
    }
    this.generates.push(entry);
    return entry;
  }
}

interface TrafficOptions {
  baseUrl: string;
  users: SoakUser[];
  ledger: Ledger;
  /** The model twins ask for by name: it never faults, so a twin pair costs exactly one Bedrock request. */
  cleanModel: string;
  until: number;
}

const INDUSTRIES = ["Coffee roaster", "Cycling shop", "Dental clinic", "Indie game studio", "Bakery", "Yoga studio"];

/** POSTs one generate under the key's Idempotency-Key. */
export function sendGenerate(baseUrl: string, key: KeyPlan, abortAfterMs?: number): Promise<CallOutcome> {
  return call(`${baseUrl}/api/strategy/generate`, {
    method: "POST",
    token: key.user.token,
    body: key.body,
    headers: { "idempotency-key": key.idempotencyKey },
    abortAfterMs,
  });
}

/**
 * One worker of one user until the deadline: mostly new generations (some abandoned midway, some sent twice at
 * once, some replayed after success), and reads of the user's history, the user's own strategies and other
 * users' strategies (which must be refused).
 */
export async function runWorker(options: TrafficOptions, user: SoakUser, random: Random, counter: { next: number }): Promise<void> {
  const { baseUrl, ledger } = options;
  while (Date.now() < options.until) {
    const roll = random.next();
    let outcome: CallOutcome;
    if (roll < 0.62) {
      const twin = random.chance(0.12);
      const idempotencyKey = `order-${counter.next++}`;
      const name = `u${user.index} ${idempotencyKey}`;
      const key: KeyPlan = {
        name,
        user,
        idempotencyKey,
        twin,
        body: {
          brand_name: `${BRAND_PREFIX}${name}`,
          industry: random.pick(INDUSTRIES),
          target_audience: "Busy professionals aged 25-45 in the city",
          goals: "Grow weekly orders and build a loyal community",
          ...(twin ? { model: options.cleanModel } : {}),
        },
      };
      ledger.keys.push(key);
      if (twin) {
        // Sometimes the first of the pair hangs up: the second, waiting on the key, must take over.
        const abortFirst = random.chance(0.25) ? random.int(30, 800) : undefined;
        const [a, b] = await Promise.all([sendGenerate(baseUrl, key, abortFirst), sendGenerate(baseUrl, key)]);
        ledger.record(key, "twin", a);
        ledger.record(key, "twin", b);
        outcome = a;
      } else {
        const abortAfterMs = random.chance(0.15) ? random.int(30, 2500) : undefined;
        outcome = await sendGenerate(baseUrl, key, abortAfterMs);
        const first = ledger.record(key, "first", outcome);
        if (first.id && random.chance(0.25)) ledger.record(key, "replay", await sendGenerate(baseUrl, key));
      }
    } else if (roll < 0.78) {
      outcome = await readList(options, user, random);
    } else if (roll < 0.92) {
      outcome = await readOwn(options, user, random);
    } else {
      outcome = await readOthers(options, user, random);
    }
    // Like a real client: wait a little when the server is down or asks to slow down (Retry-After is seconds, too
    // long for a soak of a minute), otherwise think briefly.
    const busy = "failure" in outcome || outcome.status === 429 || outcome.status === 503;
    await sleep(busy ? random.int(100, 400) : random.int(0, 50));
  }
}

async function readList(options: TrafficOptions, user: SoakUser, random: Random): Promise<CallOutcome> {
  let url = `${options.baseUrl}/api/strategy/list?limit=${random.int(1, 50)}`;
  let outcome: CallOutcome;
  for (let page = 0; ; page++) {
    outcome = await call(url, { token: user.token });
    let violation: string | undefined;
    if ("status" in outcome && outcome.status === 200) {
      const foreign = (outcome.body as { user_id?: string }[]).filter((record) => record.user_id !== user.userId);
      if (foreign.length > 0) violation = `list returned ${foreign.length} records of other users`;
    }
    options.ledger.reads.push({ user, kind: "list", outcome: outcomeName(outcome), violation });
    const cursor = "status" in outcome ? outcome.headers.get("x-next-cursor") : null;
    if (!cursor || page >= 2 || !random.chance(0.5)) return outcome;
    url = `${options.baseUrl}/api/strategy/list?limit=20&cursor=${encodeURIComponent(cursor)}`;
  }
}

async function readOwn(options: TrafficOptions, user: SoakUser, random: Random): Promise<CallOutcome> {
  const mine = options.ledger.acknowledged.get(user.userId) ?? [];
  if (mine.length === 0) return readList(options, user, random);
  return readOwnStrategy(options, user, random.pick(mine));
}

/** GETs one of the user's acknowledged strategies: it must come back, and be the user's. */
export async function readOwnStrategy(options: Pick<TrafficOptions, "baseUrl" | "ledger">, user: SoakUser, id: string): Promise<CallOutcome> {
  const outcome = await call(`${options.baseUrl}/api/strategy/${id}`, { token: user.token });
  let violation: string | undefined;
  if ("status" in outcome) {
    const record = outcome.body as { id?: string; user_id?: string };
    if (outcome.status === 200 && (record.id !== id || record.user_id !== user.userId)) violation = `GET own ${id} returned ${record.id} of ${record.user_id}`;
    if (outcome.status === 403 || outcome.status === 404) violation = `GET own acknowledged ${id} answered ${outcome.status}`;
  }
  options.ledger.reads.push({ user, kind: "own", outcome: outcomeName(outcome), violation });
  return outcome;
}

async function readOthers(options: TrafficOptions, user: SoakUser, random: Random): Promise<CallOutcome> {
  const others = options.users.filter((other) => other !== user && (options.ledger.acknowledged.get(other.userId)?.length ?? 0) > 0);
  if (others.length === 0) return readList(options, user, random);
  const owner = random.pick(others);
  const id = random.pick(options.ledger.acknowledged.get(owner.userId)!);
  const outcome = await call(`${options.baseUrl}/api/strategy/${id}`, { token: user.token });
  let violation: string | undefined;
  if ("status" in outcome && outcome.status !== 403 && outcome.status < 500) {
    violation = `GET of ${owner.userId}'s ${id} by ${user.userId} answered ${outcome.status}`;
  }
  options.ledger.reads.push({ user, kind: "other", outcome: outcomeName(outcome), violation });
  return outcome;
}
