import fc from "fast-check";
import { bannedWordUses, ERROR_DETAILS, type BrandVoice } from "@strategist/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validBrief } from "../support/arbitraries";
import { startBedrockHarness, type BedrockHarness } from "../support/bedrock-harness";
import { generate, startHarness, type Harness } from "../support/harness";
import { CountingOfflineModel } from "../support/models";
import { parseSse } from "../support/sse";

const RUNS = { numRuns: 100 };

const BRAND = {
  name: "Juniper Coffee",
  industry: "Specialty coffee",
  target_audience: "Young professionals on Instagram who care where their coffee comes from",
  goals: "Grow online bean subscriptions",
  voice: { tone: ["formal"], do: ["Name the farm"], dont: ["Mention discounts"], banned_words: ["community", "cheap"], preferred_hashtags: ["#juniper"] },
};

/** Words the composer's templates use, so random banned lists keep hitting real output, and arbitrary Unicode words. */
const templateWord = fc.constantFrom("the", "and", "your", "Instagram", "content", "community", "post", "for", "a", "team", "LinkedIn", "brand", "customer");
const unicodeWord = fc.stringMatching(/^[a-zà-öø-ÿß]{1,8}$/u);
const bannedLists = fc.uniqueArray(fc.oneof(templateWord, unicodeWord), {
  minLength: 1,
  maxLength: 6,
  comparator: (a, b) => a.toLowerCase() === b.toLowerCase(),
});
/** A brief that often quotes a banned word, so the model is tempted to repeat it. */
const briefUsing = (banned: string[]) =>
  fc
    .tuple(validBrief, fc.constantFrom(...banned), fc.boolean())
    .map(([brief, word, tempt]) => (tempt ? { ...brief, goals: `${word} ${brief.goals}`.slice(0, 2000) } : brief));

async function createBrand(harness: Harness, user: string, body: object): Promise<{ id: string; voice: BrandVoice }> {
  const response = await harness.app.inject({ method: "POST", url: "/api/brands", headers: { authorization: `Bearer ${harness.token(user)}` }, payload: body });
  expect(response.statusCode).toBe(201);
  return response.json();
}

describe("generating for a brand (offline model)", () => {
  let harness: Harness;
  const model = new CountingOfflineModel();
  const auth = (user: string) => ({ authorization: `Bearer ${harness.token(user)}` });

  beforeAll(async () => {
    harness = await startHarness({ models: [{ id: "offline", model }] });
  });
  afterAll(() => harness.close());

  it("fills the brief from the brand, lets the request override it, and stores the brand id and voice snapshot", async () => {
    const brand = await createBrand(harness, "g-fill", BRAND);
    const response = await generate(harness, "g-fill", { brand_id: brand.id, goals: "Fill the tasting room" });
    expect(response.statusCode).toBe(200);
    const record = response.json();
    expect(record).toMatchObject({
      brand_name: BRAND.name,
      industry: BRAND.industry,
      target_audience: BRAND.target_audience,
      goals: "Fill the tasting room",
      brand_id: brand.id,
      voice: brand.voice,
    });

    await harness.app.inject({ method: "PATCH", url: `/api/brands/${brand.id}`, headers: auth("g-fill"), payload: { voice: { banned_words: ["coffee"] } } });
    const stored = (await harness.app.inject({ url: `/api/strategy/${record.id}`, headers: auth("g-fill") })).json();
    expect(stored.voice).toEqual(brand.voice);
    expect(stored.strategy_output).toEqual(record.strategy_output);
  });

  it("refuses another user's brand with 403 and a missing one with 404, before the model runs", async () => {
    const brand = await createBrand(harness, "g-owner", BRAND);
    const calls = model.calls;
    const before = (await harness.storedItems()).length;
    const denied = await generate(harness, "g-intruder", { brand_id: brand.id });
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toEqual({ detail: "Access denied" });
    const missing = await generate(harness, "g-owner", { brand_id: "no-such-brand" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ detail: "Brand not found" });
    const stream = await harness.app.inject({
      method: "POST",
      url: "/api/strategy/generate/stream",
      headers: auth("g-intruder"),
      payload: { brand_id: brand.id },
    });
    expect(stream.statusCode).toBe(403);
    expect(model.calls).toBe(calls);
    expect((await harness.storedItems()).length).toBe(before);
  });

  it("needs goals from the request when the brand has none", async () => {
    const { goals: _none, ...withoutGoals } = BRAND;
    const brand = await createBrand(harness, "g-goals", withoutGoals);
    const response = await generate(harness, "g-goals", { brand_id: brand.id });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe("goals");
  });

  it("streams a brand's strategy with its voice and stores the snapshot", async () => {
    const brand = await createBrand(harness, "g-stream", BRAND);
    const response = await harness.app.inject({
      method: "POST",
      url: "/api/strategy/generate/stream",
      headers: auth("g-stream"),
      payload: { brand_id: brand.id },
    });
    const completed = parseSse(response.body).find((event) => event.event === "completed")!.data;
    expect(completed).toMatchObject({ brand_id: brand.id, voice: brand.voice });
    expect(bannedWordUses(completed.strategy_output, brand.voice.banned_words)).toEqual([]);
  });

  it("moves the wording with the brand's tone: formal and casual brands read differently", async () => {
    const formal = await createBrand(harness, "g-tone", BRAND);
    const casual = await createBrand(harness, "g-tone", { ...BRAND, voice: { ...BRAND.voice, tone: ["casual", "playful"] } });
    const formalOutput = (await generate(harness, "g-tone", { brand_id: formal.id })).json().strategy_output;
    const casualOutput = (await generate(harness, "g-tone", { brand_id: casual.id })).json().strategy_output;
    expect(formalOutput.engagement_tactics[0]).toMatch(/^We recommend that you/);
    expect(casualOutput.engagement_tactics[0]).toMatch(/^Try this:/);
    expect(formalOutput.engagement_tactics.join(" ")).toContain("#juniper");
  });

  it("refines and regenerates in the brand's voice, and the assistant says when a request conflicts with the rules", async () => {
    const brand = await createBrand(harness, "g-refine", BRAND);
    const strategy = (await generate(harness, "g-refine", { brand_id: brand.id })).json();
    const refine = (message: string) =>
      harness.app.inject({ method: "POST", url: `/api/strategy/${strategy.id}/refine`, headers: auth("g-refine"), payload: { message } });
    const refined = await refine("Add TikTok and talk about our community and cheap prices");
    expect(refined.statusCode).toBe(200);
    expect(refined.json()).toMatchObject({ version: 2, brand_id: brand.id, voice: brand.voice });
    expect(bannedWordUses(refined.json().strategy_output, BRAND.voice.banned_words)).toEqual([]);
    const messages = (await harness.app.inject({ url: `/api/strategy/${strategy.id}/messages`, headers: auth("g-refine") })).json();
    const assistant = (Array.isArray(messages) ? messages : messages.messages).find((message: { role: string }) => message.role === "assistant");
    expect(assistant.content).toMatch(/"community", "cheap", which this brand's rules ban/);

    const quiet = await refine("Add LinkedIn");
    expect(quiet.statusCode).toBe(200);
    const regenerated = await harness.app.inject({ method: "POST", url: `/api/strategy/${strategy.id}/regenerate`, headers: auth("g-refine"), payload: {} });
    expect(regenerated.statusCode).toBe(200);
    expect(regenerated.json().strategy_output.engagement_tactics[0]).toMatch(/^We recommend that you/);
    expect(bannedWordUses(regenerated.json().strategy_output, BRAND.voice.banned_words)).toEqual([]);
  });

  it("plans and rewrites posts without the brand's banned words, and refuses a user's edit using one with 400", async () => {
    const voice = { ...BRAND.voice, banned_words: ["the", "your", "Instagram", "coffee"], preferred_hashtags: ["#juniper"] };
    const brand = await createBrand(harness, "g-plan", { ...BRAND, voice });
    const strategy = (await generate(harness, "g-plan", { brand_id: brand.id })).json();
    const plan = await harness.app.inject({ method: "POST", url: `/api/strategy/${strategy.id}/plan`, headers: auth("g-plan"), payload: { weeks: 1 } });
    expect(plan.statusCode).toBe(200);
    const posts = plan.json().posts as { id: string; caption: string; hashtags: string[] }[];
    expect(posts.length).toBeGreaterThan(0);
    expect(
      bannedWordUses(
        posts.map(({ caption, hashtags }) => ({ caption, hashtags })),
        voice.banned_words,
      ),
    ).toEqual([]);

    const post = posts[0]!;
    const edit = await harness.app.inject({
      method: "PATCH",
      url: `/api/strategy/${strategy.id}/posts/${post.id}`,
      headers: auth("g-plan"),
      payload: { caption: "Fresh COFFEE today" },
    });
    expect(edit.statusCode).toBe(400);
    expect(edit.json().errors).toEqual([{ field: "caption", message: 'Uses the banned word "coffee": the brand never uses it; rewrite without it' }]);
    const fine = await harness.app.inject({
      method: "PATCH",
      url: `/api/strategy/${strategy.id}/posts/${post.id}`,
      headers: auth("g-plan"),
      payload: { caption: "Fresh beans today" },
    });
    expect(fine.statusCode).toBe(200);

    const rewritten = await harness.app.inject({
      method: "POST",
      url: `/api/strategy/${strategy.id}/posts/${post.id}/rewrite`,
      headers: auth("g-plan"),
      payload: { instruction: "Mention the coffee" },
    });
    expect(rewritten.statusCode).toBe(200);
    expect(bannedWordUses({ caption: rewritten.json().caption, hashtags: rewritten.json().hashtags }, voice.banned_words)).toEqual([]);
  });

  it("Property: Nothing Stored For A Brand Contains A Banned Word (offline model)", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        bannedLists.chain((banned) => fc.tuple(fc.constant(banned), briefUsing(banned), fc.constantFrom<string[]>([], ["formal"], ["casual"]))),
        async ([banned, brief, tone]) => {
          const user = `g-prop-${run++}`;
          const brand = await createBrand(harness, user, {
            name: "Brand",
            industry: "Retail",
            target_audience: "Everyone",
            voice: { tone, banned_words: banned, preferred_hashtags: ["#shop"] },
          });
          const response = await generate(harness, user, { ...brief, brand_id: brand.id });
          expect(response.statusCode).toBe(200);
          const stored = await harness.storedItem(response.json().id);
          expect(bannedWordUses(stored!.strategyOutput, banned)).toEqual([]);
        },
      ),
      RUNS,
    );
  });
});

describe("generating for a brand (local Bedrock)", () => {
  let harness: BedrockHarness;

  beforeAll(async () => {
    harness = await startBedrockHarness({ chunks: 2, env: { BEDROCK_RETRY_BASE_MS: "5" } });
  });
  afterAll(() => harness.close());

  it("puts the voice in the prompt and corrects a banned word through the validation loop", async () => {
    const brand = await createBrand(harness, "b-loop", BRAND);
    harness.bedrock.script({ kind: "bannedWord" });
    const response = await generate(harness, "b-loop", { brand_id: brand.id });
    expect(response.statusCode).toBe(200);
    const [first, second] = harness.bedrock.requests.slice(-2);
    expect(first!.behaviour.kind).toBe("bannedWord");
    expect(JSON.stringify(first!.body.messages)).toContain("<brand_voice>");
    // The second call carries the validation error naming the word back to the model.
    const feedback = (second!.body.messages ?? []).flatMap((message) => message.content ?? []).find((block) => "toolResult" in block);
    expect(JSON.stringify(feedback)).toMatch(/banned word .{0,6}community/);
    expect(bannedWordUses(response.json().strategy_output, BRAND.voice.banned_words)).toEqual([]);
  });

  it("stores nothing when the model keeps using a banned word", async () => {
    const brand = await createBrand(harness, "b-stubborn", BRAND);
    const before = (await harness.storedItems()).length;
    harness.bedrock.setDefault({ kind: "bannedWord" });
    try {
      const response = await generate(harness, "b-stubborn", { brand_id: brand.id });
      expect(response.statusCode).toBe(500);
      expect(response.json()).toEqual({ detail: ERROR_DETAILS.structured_output });
    } finally {
      harness.bedrock.reset();
    }
    expect((await harness.storedItems()).length).toBe(before);
  });

  it("Property: Nothing Stored For A Brand Contains A Banned Word (local Bedrock, banned word in the first answer)", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        bannedLists.chain((banned) => fc.tuple(fc.constant(banned), briefUsing(banned))),
        async ([banned, brief]) => {
          const user = `b-prop-${run++}`;
          const brand = await createBrand(harness, user, { name: "Brand", industry: "Retail", target_audience: "Everyone", voice: { banned_words: banned } });
          harness.bedrock.script({ kind: "bannedWord" });
          const response = await generate(harness, user, { ...brief, brand_id: brand.id });
          expect(response.statusCode).toBe(200);
          const stored = await harness.storedItem(response.json().id);
          expect(bannedWordUses(stored!.strategyOutput, banned)).toEqual([]);
        },
      ),
      RUNS,
    );
  });
});
