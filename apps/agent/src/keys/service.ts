import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import type { LimitsStore } from "@strategist/dynamo";
import { API_KEY_LIMITS, API_KEY_PREFIX, type ApiKey, type ApiKeyCreate, type ApiKeyCreated, type ApiKeyScope } from "@strategist/schemas";
import { AppError } from "../core/errors";
import type { KeyPrincipal } from "../http/plugins/auth";
import type { KeyRepository, StoredKey } from "./repository";

/** How long a looked-up key is trusted without reading the table again: a revoked or expired key stops within this. */
export const KEY_CACHE_MAX_MS = 5_000;
/** `last_used_at` is written at most this often per key. */
const TOUCH_INTERVAL_MS = 60_000;
/** Failed key attempts are counted per client IP in windows of this length. */
const FAILURE_WINDOW_MS = 60_000;
/** Bounds the in-process memories (cache, last writes, blocked IPs) under a flood of distinct keys or addresses. */
const MAX_REMEMBERED = 10_000;
/** The secret after the prefix: 32 random bytes (256 bits), base64url. */
const SECRET = new RegExp(`^${API_KEY_PREFIX}[A-Za-z0-9_-]{43}$`);
/** How many characters of a secret the list shows. */
const SHOWN = API_KEY_PREFIX.length + 6;

interface KeyServiceDeps {
  repository: KeyRepository;
  /** The limits table: failed attempts per client IP. */
  limits: LimitsStore;
  /** Failed key attempts allowed per client IP per minute before 429. */
  failuresPerIpPerMinute: number;
  /** At most KEY_CACHE_MAX_MS. */
  cacheMs?: number;
  now?: () => number;
}

/** The SHA-256 of a secret, hex. Keys are 256 random bits, so a fast hash is right: there is nothing to brute-force. */
export function hashKey(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

function remember<K, V>(map: Map<K, V>, key: K, value: V): void {
  map.delete(key);
  if (map.size >= MAX_REMEMBERED) map.delete(map.keys().next().value!);
  map.set(key, value);
}

function toApiKey(key: StoredKey): ApiKey {
  return {
    id: key.keyId,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes,
    created_at: key.createdAt,
    last_used_at: key.lastUsedAt ?? null,
    expires_at: key.expiresAt ?? null,
  };
}

/** A write scope implies read; `read` alone may only read. */
function normalisedScopes(scopes: readonly ApiKeyScope[]): ApiKeyScope[] {
  return scopes.includes("write") ? ["read", "write"] : ["read"];
}

/** API keys: create, list and revoke (from a web session), and the check of a key on every request. */
export class KeyService {
  private readonly now: () => number;
  private readonly cacheMs: number;
  private readonly cache = new Map<string, { key: StoredKey; until: number }>();
  private readonly touched = new Map<string, number>();
  private readonly blocked = new Map<string, number>();

  constructor(private readonly deps: KeyServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.cacheMs = Math.min(deps.cacheMs ?? KEY_CACHE_MAX_MS, KEY_CACHE_MAX_MS);
  }

  /** Creates a key; the answer holds the secret, which is stored nowhere. */
  async create(userId: string, input: ApiKeyCreate, log: FastifyBaseLogger): Promise<ApiKeyCreated> {
    const now = this.now();
    if (input.expires_at !== undefined) {
      const expires = Date.parse(input.expires_at);
      if (expires <= now) throw new AppError("validation", { fields: [{ field: "expires_at", message: "Must be in the future" }] });
      if (expires > now + API_KEY_LIMITS.maxDays * 86_400_000) {
        throw new AppError("validation", { fields: [{ field: "expires_at", message: `Must be at most ${API_KEY_LIMITS.maxDays} days away` }] });
      }
    }
    const existing = await this.deps.repository.listByUser(userId, API_KEY_LIMITS.perUser);
    if (existing.length >= API_KEY_LIMITS.perUser) {
      throw new AppError("validation", { fields: [{ field: "body", message: `At most ${API_KEY_LIMITS.perUser} keys per account: revoke one first` }] });
    }
    const secret = API_KEY_PREFIX + randomBytes(32).toString("base64url");
    const key: StoredKey = {
      keyId: `key_${randomBytes(9).toString("hex")}`,
      keyHash: hashKey(secret),
      userId,
      name: input.name,
      prefix: secret.slice(0, SHOWN),
      scopes: normalisedScopes(input.scopes),
      createdAt: new Date(now).toISOString(),
      ...(input.expires_at !== undefined ? { expiresAt: new Date(input.expires_at).toISOString() } : {}),
    };
    await this.deps.repository.create(key);
    log.info({ key_id: key.keyId, scopes: key.scopes, expires_at: key.expiresAt ?? null }, "api key created");
    return { ...toApiKey(key), key: secret };
  }

  /** The user's keys, newest first, without their secrets. */
  async list(userId: string): Promise<ApiKey[]> {
    return (await this.deps.repository.listByUser(userId, API_KEY_LIMITS.perUser)).map(toApiKey);
  }

  /** Revokes a key of the user's (404 missing, 403 another user's); every process refuses it within KEY_CACHE_MAX_MS. */
  async revoke(userId: string, keyId: string, log: FastifyBaseLogger): Promise<void> {
    const key = await this.deps.repository.get(keyId);
    if (!key) throw new AppError("key_not_found");
    if (key.userId !== userId) throw new AppError("access_denied");
    if (!(await this.deps.repository.delete(keyId, userId))) throw new AppError("key_not_found");
    this.cache.delete(key.keyHash);
    log.info({ key_id: keyId }, "api key revoked");
  }

  /**
   * The user and scopes behind a secret, or 401 (unknown, malformed, expired or revoked) and 429 once a client IP
   * has failed too often. A key found is trusted for at most KEY_CACHE_MAX_MS before the table is read again.
   */
  async authenticate(secret: string, ip: string): Promise<KeyPrincipal> {
    const now = this.now();
    const keyHash = hashKey(secret);
    const cached = this.cache.get(keyHash);
    let key = cached && cached.until > now ? cached.key : undefined;
    if (!key) {
      await this.refuseBlocked(ip, now);
      key = SECRET.test(secret) ? await this.deps.repository.findByHash(keyHash) : undefined;
      // The stored hash is compared in constant time, whatever the index answered.
      if (!key || !timingSafeEqual(Buffer.from(key.keyHash, "utf8"), Buffer.from(keyHash, "utf8"))) {
        this.cache.delete(keyHash);
        throw await this.failure(ip, "unknown API key");
      }
      remember(this.cache, keyHash, { key, until: now + this.cacheMs });
    }
    if (key.expiresAt !== undefined && Date.parse(key.expiresAt) <= now) throw await this.failure(ip, "API key expired");
    this.touch(key, now);
    return { userId: key.userId, keyId: key.keyId, scopes: key.scopes };
  }

  private async refuseBlocked(ip: string, now: number): Promise<void> {
    const until = this.blocked.get(ip);
    let waitMs = until !== undefined && until > now ? until - now : 0;
    if (waitMs === 0) waitMs = await this.deps.limits.blockedFor(`api-key-ip#${ip}`, this.deps.failuresPerIpPerMinute);
    if (waitMs > 0) {
      remember(this.blocked, ip, now + waitMs);
      throw new AppError("rate_limited", { retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)), message: "too many failed API key attempts" });
    }
  }

  private async failure(ip: string, reason: string): Promise<AppError> {
    await this.deps.limits.recordFailure(`api-key-ip#${ip}`, FAILURE_WINDOW_MS);
    return new AppError("invalid_token", { message: reason });
  }

  /** Writes `last_used_at` at most once a minute per key; a failed write only costs the timestamp. */
  private touch(key: StoredKey, now: number): void {
    const last = this.touched.get(key.keyId);
    if (last !== undefined && now - last < TOUCH_INTERVAL_MS) return;
    remember(this.touched, key.keyId, now);
    this.deps.repository.touch(key.keyId, new Date(now).toISOString(), new Date(now - TOUCH_INTERVAL_MS).toISOString()).catch(() => {
      this.touched.delete(key.keyId);
    });
  }
}
