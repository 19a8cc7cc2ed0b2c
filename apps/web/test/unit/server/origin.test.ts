import { describe, expect, it } from "vitest";
import { changesState, isCrossSiteRequest } from "@/server/origin";

const headers = (values: Record<string, string>) => new Headers(values);

describe("cross-site request check", () => {
  it("passes our own pages and clients that send no Origin (curl)", () => {
    expect(isCrossSiteRequest(headers({ host: "app.example.com", origin: "https://app.example.com" }))).toBe(false);
    expect(isCrossSiteRequest(headers({ host: "localhost:3000", origin: "http://localhost:3000" }))).toBe(false);
    expect(isCrossSiteRequest(headers({ host: "internal:3000", "x-forwarded-host": "app.example.com", origin: "https://app.example.com" }))).toBe(false);
    expect(isCrossSiteRequest(headers({ host: "localhost:3000" }))).toBe(false);
  });

  it("rejects another site, another port, an opaque origin and a cross-site fetch without Origin", () => {
    expect(isCrossSiteRequest(headers({ host: "app.example.com", origin: "https://evil.example" }))).toBe(true);
    expect(isCrossSiteRequest(headers({ host: "localhost:3000", origin: "http://localhost:3001" }))).toBe(true);
    expect(isCrossSiteRequest(headers({ host: "app.example.com", origin: "null" }))).toBe(true);
    expect(isCrossSiteRequest(headers({ host: "app.example.com", origin: "not a url" }))).toBe(true);
    expect(isCrossSiteRequest(headers({ host: "app.example.com", "sec-fetch-site": "cross-site" }))).toBe(true);
  });

  it("only checks methods that change state", () => {
    expect(["POST", "PUT", "PATCH", "DELETE"].every(changesState)).toBe(true);
    expect(["GET", "HEAD", "OPTIONS", "get"].some(changesState)).toBe(false);
  });
});
