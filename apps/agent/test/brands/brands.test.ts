import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, startHarness, type Harness } from "../support/harness";

const BRAND = {
  name: "Juniper Coffee",
  industry: "Specialty coffee",
  target_audience: "Young professionals who care where their coffee comes from",
  goals: "Grow online bean subscriptions",
  voice: { tone: ["warm", "expert"], do: ["Name the farm"], dont: ["Mention discounts"], banned_words: ["cheap"], preferred_hashtags: ["juniper", "#BrewDay"] },
  sample_posts: ["Hey friends! ☕ Our Ethiopian roast is back #juniper #brewday", "Grab a cup, it's gonna be a good week 😄 #juniper"],
  default_timezone: "Europe/Berlin",
};

describe("brand profiles API", () => {
  let harness: Harness;
  const auth = (user: string) => ({ authorization: `Bearer ${harness.token(user)}` });
  const create = (user: string, body: object = BRAND) => harness.app.inject({ method: "POST", url: "/api/brands", headers: auth(user), payload: body });

  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());

  it("creates a brand with 201 and reads it back as stored", async () => {
    const created = await create("u-create");
    expect(created.statusCode).toBe(201);
    const brand = created.json();
    expect(brand).toMatchObject({ ...BRAND, voice: { ...BRAND.voice, preferred_hashtags: ["#juniper", "#BrewDay"] } });
    expect(brand.created_at).toBe(brand.updated_at);
    expect(brand).not.toHaveProperty("user_id");
    const read = await harness.app.inject({ url: `/api/brands/${brand.id}`, headers: auth("u-create") });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(brand);
  });

  it("answers 400 naming each field past its limit", async () => {
    const response = await create("u-400", {
      ...BRAND,
      sample_posts: ["1", "2", "3", "4", "5", "6"],
      voice: { tone: ["a", "b", "c", "d", "e", "f"] },
      default_timezone: "Nowhere/City",
      id: "mine",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((error: { field: string }) => error.field)).toEqual(["voice.tone", "sample_posts", "default_timezone", "id"]);
  });

  it("refuses another user's brand with 403 and an unknown one with 404, on every route", async () => {
    const brand = (await create("u-owner")).json();
    const routes = [
      { method: "GET" as const, url: `/api/brands/${brand.id}` },
      { method: "PATCH" as const, url: `/api/brands/${brand.id}`, payload: { name: "Stolen" } },
      { method: "DELETE" as const, url: `/api/brands/${brand.id}` },
      { method: "POST" as const, url: `/api/brands/${brand.id}/voice/suggest` },
    ];
    for (const route of routes) {
      const denied = await harness.app.inject({ ...route, headers: auth("u-intruder") });
      expect(denied.statusCode, `${route.method} ${route.url}`).toBe(403);
      expect(denied.json()).toEqual({ detail: "Access denied" });
      const missing = await harness.app.inject({ ...route, url: route.url.replace(brand.id, "no-such-brand"), headers: auth("u-owner") });
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toEqual({ detail: "Brand not found" });
    }
    expect((await harness.app.inject({ url: `/api/brands/${brand.id}`, headers: auth("u-owner") })).json().name).toBe(BRAND.name);
  });

  it("patches fields and single voice lists, clears goals with null, and moves updated_at on", async () => {
    const brand = (await create("u-patch")).json();
    const patched = await harness.app.inject({
      method: "PATCH",
      url: `/api/brands/${brand.id}`,
      headers: auth("u-patch"),
      payload: { name: "Juniper Roasters", goals: null, voice: { banned_words: ["cheap", "synergy"] } },
    });
    expect(patched.statusCode).toBe(200);
    const after = patched.json();
    expect(after).toMatchObject({ name: "Juniper Roasters", voice: { ...brand.voice, banned_words: ["cheap", "synergy"] }, created_at: brand.created_at });
    expect(after).not.toHaveProperty("goals");
    expect(Date.parse(after.updated_at)).toBeGreaterThan(Date.parse(brand.updated_at));
  });

  it("pages the user's brands newest first with a signed cursor bound to the user", async () => {
    const ids: string[] = [];
    for (let index = 0; index < 5; index++) ids.unshift((await create("u-list", { ...BRAND, name: `Brand ${index}` })).json().id);
    await create("u-other");
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const response = await harness.app.inject({
        url: `/api/brands?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
        headers: auth("u-list"),
      });
      expect(response.statusCode).toBe(200);
      seen.push(...response.json().map((brand: { id: string }) => brand.id));
      cursor = response.headers["x-next-cursor"] as string | undefined;
      if (cursor && pages === 0) {
        const stolen = await harness.app.inject({ url: `/api/brands?cursor=${encodeURIComponent(cursor)}`, headers: auth("u-other") });
        expect(stolen.statusCode).toBe(400);
        expect(stolen.json().errors).toEqual([{ field: "cursor", message: "Invalid cursor" }]);
      }
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(ids);
  });

  it("refuses a strategy-list cursor on the brand list", async () => {
    for (let index = 0; index < 2; index++) await generate(harness, "u-cross", { brand_name: "A", industry: "B", target_audience: "C", goals: "D" });
    const cursor = (await harness.app.inject({ url: "/api/strategy/list?limit=1", headers: auth("u-cross") })).headers["x-next-cursor"] as string;
    expect(cursor).toBeTruthy();
    const response = await harness.app.inject({ url: `/api/brands?cursor=${encodeURIComponent(cursor)}`, headers: auth("u-cross") });
    expect(response.statusCode).toBe(400);
  });

  it("deletes with 204 and keeps the strategies written for the brand, voice snapshot included", async () => {
    const brand = (await create("u-delete")).json();
    const strategy = await generate(harness, "u-delete", { brand_id: brand.id });
    expect(strategy.statusCode).toBe(200);
    const deleted = await harness.app.inject({ method: "DELETE", url: `/api/brands/${brand.id}`, headers: auth("u-delete") });
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe("");
    expect((await harness.app.inject({ url: `/api/brands/${brand.id}`, headers: auth("u-delete") })).statusCode).toBe(404);
    const kept = await harness.app.inject({ url: `/api/strategy/${strategy.json().id}`, headers: auth("u-delete") });
    expect(kept.statusCode).toBe(200);
    expect(kept.json()).toMatchObject({ brand_id: brand.id, voice: brand.voice });
  });

  it("suggests a voice from the samples without changing the brand", async () => {
    const brand = (await create("u-suggest")).json();
    const response = await harness.app.inject({ method: "POST", url: `/api/brands/${brand.id}/voice/suggest`, headers: auth("u-suggest") });
    expect(response.statusCode).toBe(200);
    const suggestion = response.json();
    expect(suggestion.method).toBe("heuristic");
    expect(suggestion.voice.preferred_hashtags).toEqual(["#juniper"]);
    expect(suggestion.voice.tone).toContain("casual");
    expect(suggestion.voice.banned_words).toEqual(["cheap"]);
    expect((await harness.app.inject({ url: `/api/brands/${brand.id}`, headers: auth("u-suggest") })).json()).toEqual(brand);
    const accepted = await harness.app.inject({
      method: "PATCH",
      url: `/api/brands/${brand.id}`,
      headers: auth("u-suggest"),
      payload: { voice: suggestion.voice },
    });
    expect(accepted.json().voice).toEqual(suggestion.voice);
  });

  it("asks for sample posts before suggesting a voice", async () => {
    const brand = (await create("u-nosamples", { ...BRAND, sample_posts: [] })).json();
    const response = await harness.app.inject({ method: "POST", url: `/api/brands/${brand.id}/voice/suggest`, headers: auth("u-nosamples") });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe("sample_posts");
  });

  it("documents every brand route in the OpenAPI document with its operation id", async () => {
    const document = (await harness.app.inject({ url: "/docs/json" })).json();
    const operations = Object.values(document.paths as Record<string, Record<string, { operationId?: string; tags?: string[] }>>)
      .flatMap((path) => Object.values(path))
      .filter((operation) => operation.tags?.includes("brands"))
      .map((operation) => operation.operationId)
      .sort();
    expect(operations).toEqual([
      "createBrand",
      "deleteBrand",
      "getBrand",
      "listBrands",
      "suggestBrandFromWebsite",
      "suggestBrandVoice",
      "suggestVoiceFromPosts",
      "updateBrand",
    ]);
  });

  it("needs a token", async () => {
    expect((await harness.app.inject({ url: "/api/brands" })).statusCode).toBe(401);
  });
});
