import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/harness";

const SAMPLES = ["Hey friends! ☕ Our Ethiopian roast is back #juniper #brewday", "Grab a cup, it's gonna be a good week 😄 #juniper"];

// POST /api/brands/voice/suggest: a voice from sample posts typed into a brand form that may never have been saved.
describe("voice suggestion from sample posts in the body", () => {
  let harness: Harness;
  const auth = (user: string) => ({ authorization: `Bearer ${harness.token(user)}` });
  const suggest = (payload: unknown, headers: Record<string, string> = auth("u-posts")) =>
    harness.app.inject({ method: "POST", url: "/api/brands/voice/suggest", headers, payload: payload as object });

  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());

  it("suggests a voice from the posts given, with the banned words given, and stores no brand", async () => {
    const response = await suggest({ sample_posts: SAMPLES, banned_words: ["cheap"] });
    expect(response.statusCode).toBe(200);
    const suggestion = response.json();
    expect(suggestion.method).toBe("heuristic");
    expect(suggestion.signals.posts).toBe(2);
    expect(suggestion.voice.preferred_hashtags).toEqual(["#juniper"]);
    expect(suggestion.voice.tone).toContain("casual");
    expect(suggestion.voice.banned_words).toEqual(["cheap"]);
    expect((await harness.app.inject({ url: "/api/brands", headers: auth("u-posts") })).json()).toEqual([]);
  });

  it("answers what the saved-brand route answers for the same posts", async () => {
    const created = await harness.app.inject({
      method: "POST",
      url: "/api/brands",
      headers: auth("u-same"),
      payload: { name: "Juniper", industry: "Coffee", target_audience: "Coffee lovers", sample_posts: SAMPLES },
    });
    const byId = await harness.app.inject({ method: "POST", url: `/api/brands/${created.json().id}/voice/suggest`, headers: auth("u-same") });
    const byPosts = await suggest({ sample_posts: SAMPLES }, auth("u-same"));
    expect(byPosts.statusCode).toBe(200);
    expect(byPosts.json()).toEqual(byId.json());
  });

  it("needs a token", async () => {
    const response = await suggest({ sample_posts: SAMPLES }, {});
    expect(response.statusCode).toBe(401);
  });

  it("answers 400 naming each field: no posts, too many, too long, a banned word that is not a word, an unknown field", async () => {
    const cases: [unknown, string[]][] = [
      [{}, ["sample_posts"]],
      [{ sample_posts: [] }, ["sample_posts"]],
      [{ sample_posts: ["1", "2", "3", "4", "5", "6"] }, ["sample_posts"]],
      [{ sample_posts: ["x".repeat(2201)] }, ["sample_posts.0"]],
      [{ sample_posts: ["   "] }, ["sample_posts.0"]],
      [{ sample_posts: SAMPLES, banned_words: ["#nope"] }, ["banned_words.0"]],
      [{ sample_posts: SAMPLES, model: "offline" }, ["model"]],
    ];
    for (const [payload, fields] of cases) {
      const response = await suggest(payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().errors.map((error: { field: string }) => error.field)).toEqual(fields);
    }
  });

  it("is limited like every read: past the per-minute limit it answers 429", async () => {
    const limited = await startHarness({ env: { READ_RATE_LIMIT_PER_MINUTE: "2" } });
    try {
      const statuses: number[] = [];
      for (let index = 0; index < 4; index++) {
        const response = await limited.app.inject({
          method: "POST",
          url: "/api/brands/voice/suggest",
          headers: { authorization: `Bearer ${limited.token("u-limit")}` },
          payload: { sample_posts: SAMPLES },
        });
        statuses.push(response.statusCode);
      }
      expect(statuses.slice(0, 2)).toEqual([200, 200]);
      expect(statuses.at(-1)).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it("is documented in the OpenAPI document with its request schema", async () => {
    const document = (await harness.app.inject({ url: "/docs/json" })).json();
    const operation = document.paths["/api/brands/voice/suggest"]?.post;
    expect(operation?.operationId).toBe("suggestVoiceFromPosts");
    expect(JSON.stringify(operation.requestBody)).toContain("VoiceSuggestRequest");
  });
});
