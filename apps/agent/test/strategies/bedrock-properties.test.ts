import fc from "fast-check";
import type { Behaviour, LocalBedrock } from "@strategist/local-bedrock";
import { ERROR_DETAILS } from "@strategist/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validBrief, userId } from "../support/arbitraries";
import { expectStrategyShape } from "../support/assertions";
import { CLAUDE, startBedrockHarness, type BedrockHarness } from "../support/bedrock-harness";
import { generate } from "../support/harness";

const RUNS = { numRuns: 100 };

// Properties 5, 6 and 13 again, with MODEL_PROVIDER=bedrock: the real BedrockModel and AWS client, the local Bedrock.
describe("correctness properties with MODEL_PROVIDER=bedrock", () => {
  let bedrock: LocalBedrock;
  let harness: BedrockHarness;

  beforeAll(async () => {
    harness = await startBedrockHarness({ chunks: 4, env: { BEDROCK_RETRY_BASE_MS: "5", AGENT_TIMEOUT_SECONDS: "0.5" } });
    bedrock = harness.bedrock;
  });
  afterAll(() => harness.close());

  it("Property 5: Agent Generates Output for Valid Input (Bedrock)", async () => {
    await fc.assert(
      fc.asyncProperty(validBrief, async (brief) => {
        const response = await generate(harness, "bp5", brief);
        expect(response.statusCode).toBe(200);
        expect(response.json().model).toBe(CLAUDE);
      }),
      RUNS,
    );
  });

  it("Property 6: Agent Output Conforms to Schema (Bedrock)", async () => {
    await fc.assert(
      fc.asyncProperty(validBrief, async (brief) => {
        expectStrategyShape((await generate(harness, "bp6", brief)).json().strategy_output);
      }),
      RUNS,
    );
  });

  it("Property 13: Errors Prevent Incomplete Storage (Bedrock: throttled, stalled, cut, invalid, max tokens, rejected)", async () => {
    const failures: [Behaviour, number, string][] = [
      [{ kind: "httpError", error: "ThrottlingException" }, 503, ERROR_DETAILS.unavailable],
      [{ kind: "httpError", error: "ServiceUnavailableException" }, 503, ERROR_DETAILS.unavailable],
      [{ kind: "stall", afterEvents: 3 }, 504, ERROR_DETAILS.timeout],
      [{ kind: "cut", afterEvents: 3 }, 503, ERROR_DETAILS.unavailable],
      [{ kind: "invalidOutput" }, 500, ERROR_DETAILS.structured_output],
      [{ kind: "maxTokens" }, 500, ERROR_DETAILS.structured_output],
      [{ kind: "httpError", error: "AccessDeniedException" }, 500, ERROR_DETAILS.generation_failed],
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...failures), validBrief, userId, async ([behaviour, status, detail], brief, user) => {
        bedrock.setDefault(behaviour);
        try {
          const before = (await harness.storedItems()).length;
          const response = await generate(harness, user, brief);
          expect(response.statusCode).toBe(status);
          expect(response.json()).toEqual({ detail });
          expect((await harness.storedItems()).length).toBe(before);
        } finally {
          bedrock.reset();
        }
      }),
      RUNS,
    );
  });
});
