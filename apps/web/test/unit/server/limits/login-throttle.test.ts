import { createDocumentClient, ensureTables, limitsTableDefinition, LimitsStore } from "@strategist/dynamo";
import { startEmbeddedDynamo, type EmbeddedDynamo } from "@strategist/dynamo/embedded";
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientIp } from "@/server/limits/client-ip";
import { LoginThrottle } from "@/server/limits/login-throttle";

let dynamo: EmbeddedDynamo;
let client: ReturnType<typeof createDocumentClient>;
const TABLE = "limits-web-test";

beforeAll(async () => {
  dynamo = await startEmbeddedDynamo();
  client = createDocumentClient({ region: "us-east-1", endpoint: dynamo.endpoint });
  await ensureTables(client, [limitsTableDefinition(TABLE)]);
}, 60_000);
afterAll(async () => {
  client.destroy();
  await dynamo.close();
});

/** Two web tasks on one limits table, one clock. */
function tasksAt(start = 1_000_000) {
  const clock = { now: start };
  const throttles = [0, 1].map(() => new LoginThrottle(new LimitsStore(client, TABLE, () => clock.now), 3, 60_000));
  return { clock, first: throttles[0]!, second: throttles[1]! };
}

describe("log-in throttle", () => {
  it("lets an account fail up to the limit across web tasks, then makes it wait out the window", async () => {
    const { clock, first, second } = tasksAt();
    const account = `ana-${clock.now}-${Math.random()}@example.com`;
    for (let failure = 0; failure < 3; failure++) {
      expect(await first.retryAfterSeconds(account)).toBe(0);
      await (failure % 2 ? first : second).recordFailure(account);
    }
    expect(await first.retryAfterSeconds(account)).toBe(60);
    expect(await second.retryAfterSeconds(account)).toBe(60);
    clock.now += 45_000;
    expect(await second.retryAfterSeconds(account)).toBe(15);
    clock.now += 15_000;
    expect(await first.retryAfterSeconds(account)).toBe(0);
  });

  it("counts each account separately, forgets failures after a success, and stores no email", async () => {
    const { first, second } = tasksAt();
    const [ana, bob] = [`ana-${Math.random()}@example.com`, `bob-${Math.random()}@example.com`];
    await first.recordFailure(ana);
    await first.recordFailure(ana);
    await second.recordSuccess(ana);
    await first.recordFailure(ana);
    await first.recordFailure(ana);
    for (let failure = 0; failure < 3; failure++) await second.recordFailure(bob);
    expect(await first.retryAfterSeconds(ana)).toBe(0);
    expect(await first.retryAfterSeconds(bob)).toBeGreaterThan(0);
    const { Items } = await client.send(new ScanCommand({ TableName: TABLE }));
    expect(JSON.stringify(Items)).not.toContain("@example.com");
  });
});

describe("client IP for per-IP limits", () => {
  const headers = (forwarded: string) => new Headers({ "x-forwarded-for": forwarded });

  it("trusted hops: whatever a client prepends, the address the trusted proxies appended is the one used", () => {
    const octet = fc.integer({ min: 0, max: 255 });
    const ipv4 = fc.tuple(octet, octet, octet, octet).map((parts) => parts.join("."));
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            ipv4,
            fc.string({ maxLength: 20 }).filter((text) => !text.includes(",")),
          ),
          { maxLength: 5 },
        ),
        fc.array(ipv4, { minLength: 1, maxLength: 3 }),
        (spoofed, appended) => {
          // The first appended entry is the client as the outermost trusted proxy saw it; the rest are our proxies.
          const chain = [...spoofed, ...appended].join(", ");
          expect(clientIp(headers(chain), appended.length)).toBe(appended[0]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("normalises spellings of one address and falls back when the header is missing", () => {
    expect(clientIp(headers("::ffff:10.0.0.1"), 1)).toBe("10.0.0.1");
    expect(clientIp(headers("10.0.0.1:5555"), 1)).toBe("10.0.0.1");
    expect(clientIp(headers("[2001:DB8::1]:443"), 1)).toBe("2001:db8::1");
    expect(clientIp(headers("1.1.1.1, 2.2.2.2"), 0)).toBe("2.2.2.2");
    expect(clientIp(new Headers(), 1)).toBe("unknown");
  });
});
