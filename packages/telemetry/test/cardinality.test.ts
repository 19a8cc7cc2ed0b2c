import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createMetrics, type Metrics } from "../src/index";
import { seriesOf } from "./support/exposition";

const MODEL = "us.anthropic.claude-sonnet-4-20250514-v1:0";

/** Traffic from `users` users, each reading and generating with their own ids, as the route layer reports it. */
function traffic(metrics: Metrics, users: number): void {
  for (let user = 0; user < users; user += 1) {
    const strategyId = randomUUID();
    const email = `user${user}@example.com`;
    metrics.observeRequest("/api/strategy/:id", "GET", 200, 0.01 * (user % 7));
    metrics.observeRequest("/api/strategies", "POST", user % 5 === 0 ? 429 : 201, 2);
    // A caller that passes the raw path or an email by mistake lands in "unmatched", not in a new series.
    metrics.observeRequest(`/api/strategy/${strategyId}`, "GET", 200, 0.01);
    metrics.observeRequest(email, "GET", 200, 0.01);
    metrics.countGeneration(user % 9 === 0 ? "timeout" : "completed", MODEL);
    metrics.countGeneration("completed", `custom-model-${strategyId}`);
    metrics.observeModelCall(MODEL, "strategy", 3);
    metrics.countTokens(MODEL, { input: 1000 + user, output: 500 });
    metrics.addCost(MODEL, 0.01);
    if (user % 5 === 0) metrics.countLimitRejection("generation_rate");
    metrics.countImageJob("queued");
    metrics.observeDynamoDbCall("PutItem", "ok", 0.003);
    metrics.countIdempotentReplay();
  }
}

describe("label cardinality", () => {
  it("stays flat: the product's series count after 2,000 users equals the count after 20", async () => {
    const metrics = createMetrics({ routes: ["/api/strategy/:id", "/api/strategies"], models: [MODEL] });
    traffic(metrics, 20);
    const after20 = seriesOf(await metrics.expose(), "strategist_").length;
    traffic(metrics, 2_000);
    const text = await metrics.expose();
    expect(seriesOf(text, "strategist_").length).toBe(after20);
    expect(text).not.toMatch(/example\.com|[0-9a-f]{8}-[0-9a-f]{4}-/);
  });
});
