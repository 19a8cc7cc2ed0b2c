import { describe, expect, it } from "vitest";
import { classifyAddress, isForbiddenAddress, parseAllowHosts } from "../src/index.js";
import { normalizeAllowHosts, parseTarget } from "../src/target.js";

describe("classifyAddress", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "carrierGradeNat"],
    ["169.254.169.254", "linkLocal"],
    ["0.0.0.0", "unspecified"],
    ["255.255.255.255", "broadcast"],
    ["224.0.0.1", "multicast"],
    ["192.0.2.1", "reserved"],
    ["198.18.0.1", "reserved"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fe80::1", "linkLocal"],
    ["fd00:ec2::254", "uniqueLocal"],
    ["fc00::1", "uniqueLocal"],
    ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "ipv4Mapped"],
    ["::ffff:8.8.8.8", "ipv4Mapped"],
    ["64:ff9b::7f00:1", "rfc6052"],
    ["2002:7f00:1::", "6to4"],
    ["2001:db8::1", "reserved"],
  ])("refuses %s as %s", (address, range) => {
    expect(classifyAddress(address)).toMatchObject({ allowed: false, range });
  });

  it("allows public unicast addresses", () => {
    expect(isForbiddenAddress("93.184.216.34")).toBe(false);
    expect(isForbiddenAddress("2606:4700::1111")).toBe(false);
  });

  it("refuses anything that is not a plain IP address, including non-canonical IPv4 spellings", () => {
    for (const spelling of ["localhost", "2130706433", "0177.0.0.1", "0x7f.1", "", "1.2.3"]) expect(isForbiddenAddress(spelling)).toBe(true);
  });
});

describe("allowed hosts", () => {
  it("parses FETCH_ALLOW_HOSTS as comma-separated host:port", () => {
    expect(parseAllowHosts(" 127.0.0.1:8080, [::1]:3000 ,,")).toEqual(["127.0.0.1:8080", "[::1]:3000"]);
    expect(parseAllowHosts(undefined)).toEqual([]);
  });

  it("matches exactly one host and port", () => {
    const allowed = normalizeAllowHosts(["127.0.0.1:8080", "Site.Local:3000"]);
    expect(parseTarget("http://127.0.0.1:8080/", allowed, [80, 443]).allowedHost).toBe(true);
    expect(parseTarget("http://2130706433:8080/", allowed, [80, 443]).allowedHost).toBe(true);
    expect(parseTarget("http://site.local:3000/", allowed, [80, 443]).allowedHost).toBe(true);
    expect(parseTarget("http://[::1]:8080/", allowed, [80, 8080]).allowedHost).toBe(false);
    expect(parseTarget("http://127.0.0.1/", allowed, [80, 443]).allowedHost).toBe(false);
    expect(() => parseTarget("http://127.0.0.1:8081/", allowed, [80, 443])).toThrow(/Port 8081/);
  });

  it("rejects an entry without a port", () => {
    expect(() => normalizeAllowHosts(["localhost"])).toThrow(TypeError);
  });
});
