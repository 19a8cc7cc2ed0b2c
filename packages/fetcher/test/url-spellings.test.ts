import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifyAddress, FetchRefused, fetchPage } from "../src/index.js";
import { startTrap, type TrapServer } from "./support/servers.js";

let trap: TrapServer;

beforeAll(async () => {
  trap = await startTrap();
});

afterAll(async () => {
  await trap.close();
});

const octet = fc.integer({ min: 0, max: 255 });

/** IPv4 addresses in ranges the fetcher refuses, as four octets. */
const forbiddenIpv4 = fc.oneof(
  fc.tuple(fc.constant(127), octet, octet, octet),
  fc.tuple(fc.constant(10), octet, octet, octet),
  fc.tuple(fc.constant(172), fc.integer({ min: 16, max: 31 }), octet, octet),
  fc.tuple(fc.constant(192), fc.constant(168), octet, octet),
  fc.tuple(fc.constant(169), fc.constant(254), octet, octet),
  fc.tuple(fc.constant(100), fc.integer({ min: 64, max: 127 }), octet, octet),
  fc.tuple(fc.constant(0), octet, octet, octet),
  fc.constant<[number, number, number, number]>([169, 254, 169, 254]),
);

function hex(value: number, upper: boolean): string {
  const digits = value.toString(16);
  return upper ? `0X${digits.toUpperCase()}` : `0x${digits}`;
}

/** Every way WHATWG URL parsing accepts to write one IPv4 address in a URL host. */
const ipv4Spelling = fc.tuple(forbiddenIpv4, fc.integer({ min: 0, max: 8 }), fc.boolean(), fc.boolean()).map(([[a, b, c, d], form, upper, trailingDot]) => {
  const whole = ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;
  const spelled = [
    `${a}.${b}.${c}.${d}`,
    String(whole),
    hex(whole, upper),
    `0${whole.toString(8)}`,
    [a, b, c, d].map((part) => `0${part.toString(8)}`).join("."),
    [a, b, c, d].map((part) => hex(part, upper)).join("."),
    `${a}.${(b << 16) + (c << 8) + d}`,
    `${hex(a, upper)}.${b}.${(c << 8) + d}`,
    `[::ffff:${a}.${b}.${c}.${d}]`,
  ][form] as string;
  return trailingDot && !spelled.startsWith("[") ? `${spelled}.` : spelled;
});

const hextet = fc.integer({ min: 0, max: 0xffff }).map((value) => value.toString(16));

/** IPv6 hosts the fetcher refuses, in compressed, full, mixed-case and mapped forms. */
const ipv6Spelling = fc
  .tuple(
    fc.oneof(
      fc.constantFrom("::1", "0:0:0:0:0:0:0:1", "::", "fd00:ec2::254", "FD00:EC2:0:0:0:0:0:254", "::ffff:7f00:1", "::FFFF:A9FE:A9FE", "ff02::1"),
      hextet.map((tail) => `fe80::${tail}`),
      fc.tuple(fc.integer({ min: 0xfc00, max: 0xfdff }), hextet).map(([head, tail]) => `${head.toString(16)}::${tail}`),
      forbiddenIpv4.map(([a, b, c, d]) => `::ffff:${((a << 8) + b).toString(16)}:${((c << 8) + d).toString(16)}`),
    ),
    fc.boolean(),
  )
  .map(([address, upper]) => `[${upper ? address.toUpperCase() : address}]`);

const localName = fc.constantFrom("localhost", "LOCALHOST", "localhost.", "LocalHost.");

/** A full URL: scheme in any case, optional user info, a spelling of a forbidden host, the trap's port or the default. */
const forbiddenUrl = fc
  .tuple(
    fc.constantFrom("http", "HTTP", "https", "HtTp"),
    fc.constantFrom("", "user@", "user:pass@", "example.com@", "a%40b@"),
    fc.oneof({ weight: 3, arbitrary: ipv4Spelling }, { weight: 2, arbitrary: ipv6Spelling }, { weight: 1, arbitrary: localName }),
    fc.boolean(),
  )
  .map(([scheme, userinfo, host, onTrapPort]) => ({
    host,
    onTrapPort,
    url: (port: number) => `${scheme}://${userinfo}${host}${onTrapPort ? `:${port}` : ""}/x`,
  }));

describe("URL spellings of forbidden addresses", () => {
  it("no URL spelling reaches a forbidden address", async () => {
    await fc.assert(
      fc.asyncProperty(forbiddenUrl, async ({ url }) => {
        const target = url(trap.port);
        const error = await fetchPage(target, { allowPorts: [80, 443, trap.port], timeoutMs: 2000 }).then(
          () => undefined,
          (caught: unknown) => caught,
        );
        expect(error, target).toBeInstanceOf(FetchRefused);
        expect((error as FetchRefused).reason, target).toBe("forbidden_address");
        expect((error as FetchRefused).status).toBe(400);
        expect(trap.connections()).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it("every address of a forbidden range is classified as forbidden", () => {
    fc.assert(
      fc.property(forbiddenIpv4, ([a, b, c, d]) => {
        expect(classifyAddress(`${a}.${b}.${c}.${d}`).allowed).toBe(false);
        expect(classifyAddress(`::ffff:${a}.${b}.${c}.${d}`).allowed).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
