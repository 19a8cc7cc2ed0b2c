import { connect, createServer, type Socket } from "node:net";
import { StrategyOutput } from "@strategist/schemas";
import { startLocalBedrock } from "@strategist/local-bedrock";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { withPrebuiltJsonSchema } from "../../src/models/structured-schema";
import { strategyOutput } from "../support/arbitraries";
import { CLAUDE } from "../support/bedrock-harness";
import { generate, startHarness, VALID_BRIEF } from "../support/harness";

describe("structured-output schema built once", () => {
  it("gives the model the same JSON Schema and parses exactly like the schema it wraps", () => {
    const prebuilt = withPrebuiltJsonSchema(StrategyOutput);
    expect(withPrebuiltJsonSchema(StrategyOutput)).toBe(prebuilt);
    const first = z.toJSONSchema(prebuilt) as Record<string, unknown>;
    expect(first).toEqual(z.toJSONSchema(StrategyOutput));
    // Each invocation gets its own copy: changing one does not change the next.
    first.properties = {};
    expect(z.toJSONSchema(prebuilt)).toEqual(z.toJSONSchema(StrategyOutput));
    fc.assert(
      fc.property(
        fc.oneof(
          strategyOutput,
          fc.anything(),
          strategyOutput.map((output) => ({ ...output, content_pillars: [] })),
        ),
        (candidate) => {
          const expected = StrategyOutput.safeParse(candidate);
          const actual = prebuilt.safeParse(candidate);
          expect(actual.success).toBe(expected.success);
          if (expected.success) expect(actual.data).toEqual(expected.data);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("ConverseStream connections", () => {
  it("concurrent generations share one pooled HTTP/2 connection instead of one each", async () => {
    const bedrock = await startLocalBedrock();
    bedrock.setDefault({ kind: "answer", chunkDelayMs: 50 });
    // A TCP relay in front of the local Bedrock that counts the connections the agent opens.
    const sockets = new Set<Socket>();
    let connections = 0;
    const relay = createServer((agentSide) => {
      connections++;
      const { port } = new URL(bedrock.endpoint);
      const bedrockSide = connect(Number(port), "127.0.0.1");
      sockets.add(agentSide).add(bedrockSide);
      agentSide.pipe(bedrockSide).pipe(agentSide);
      agentSide.on("error", () => bedrockSide.destroy());
      bedrockSide.on("error", () => agentSide.destroy());
    });
    await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
    const harness = await startHarness({
      env: {
        MODEL_PROVIDER: "bedrock",
        BEDROCK_ENDPOINT: `http://127.0.0.1:${(relay.address() as { port: number }).port}`,
        BEDROCK_MODEL_ID: CLAUDE,
        BEDROCK_MODELS: CLAUDE,
        AGENT_TIMEOUT_SECONDS: "20",
        MAX_CONCURRENT_GENERATIONS_PER_USER: "10",
      },
    });
    try {
      const answers = await Promise.all(Array.from({ length: 6 }, (_, index) => generate(harness, `pooled-${index}`, VALID_BRIEF)));
      expect(answers.map((answer) => answer.statusCode)).toEqual(Array<number>(6).fill(200));
      expect(bedrock.requests.filter((request) => request.operation === "ConverseStream")).toHaveLength(6);
      expect(connections).toBe(1);
      // And the next generation reuses it too.
      expect((await generate(harness, "pooled-later", VALID_BRIEF)).statusCode).toBe(200);
      expect(connections).toBe(1);
    } finally {
      await harness.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => relay.close(resolve));
      await bedrock.close();
    }
  });
});
