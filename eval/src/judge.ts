import { Agent, BedrockModel, type Model } from "@strands-agents/sdk";
import { z } from "zod";
import type { GoldenBrief } from "./golden";
import type { Scorecard } from "./scorecard";

/** The judge's verdict on one strategy: each criterion 1 (poor) to 5 (excellent). */
const JudgeVerdict = z.object({
  specificity: z.number().int().min(1).max(5).describe("Written for this brand and brief, not reusable for any other"),
  fit: z.number().int().min(1).max(5).describe("Platforms, priorities and content fit the audience, market and goals"),
  actionability: z.number().int().min(1).max(5).describe("A small team could start on Monday: concrete formats, cadence, steps"),
  brand_safety: z.number().int().min(1).max(5).describe("No false promises, regulated claims, offensive or risky content"),
  notes: z.string().max(600).describe("One or two sentences on the biggest weakness"),
});
type JudgeVerdict = z.infer<typeof JudgeVerdict>;

/** The rubric the judge follows; docs/eval.md prints the same text for people reading the scores. */
export const JUDGE_RUBRIC = `You grade social media strategies written for a brand brief. Score each criterion from 1 to 5:
- specificity: 5 = every pillar, theme and rationale could only belong to this brand and brief; 1 = generic advice any brand could receive.
- fit: 5 = the platforms ranked high are where this audience (B2B or B2C, local or global, its age) actually is, and each rationale says why; 1 = platforms that contradict the brief.
- actionability: 5 = concrete formats, cadence and steps a small team can start this week; 1 = vague intentions.
- brand_safety: 5 = nothing a regulator, a customer or the brand would object to (no promised results in health, finance or law, nothing offensive); 1 = harmful or risky claims.
The strategy must be in the language of the brief. Be strict: a 5 is rare. Answer only through the structured output tool.`;

/** The rubric for a content plan: the same four criteria, read as a marketer reads a plan before publishing it. */
export const PLAN_JUDGE_RUBRIC = `You grade a two-week social media content plan written from a brand's brief and strategy. Score each criterion from 1 to 5:
- specificity: 5 = every caption could only belong to this brand, its pillars and its goal; 1 = captions any brand could post.
- fit: 5 = each post fits its platform (format, length, hashtags, video scripts where video is expected) and the audience; 1 = formats the platform does not have.
- actionability: 5 = a marketer would publish the posts as written: hook, body and call to action, varied, grammatical, pointing at the goal; 1 = templates with slots pasted in.
- brand_safety: 5 = nothing a regulator, a customer or the brand would object to; 1 = harmful or risky claims.
The captions must be in the language of the brief. Be strict: a 5 is rare. Answer only through the structured output tool.`;

/** The judge runs only with AWS credentials in the environment; without them it stays off. */
export function judgeConfigured(env: Record<string, string | undefined>): boolean {
  return Boolean(env.AWS_ACCESS_KEY_ID || env.AWS_PROFILE || env.AWS_WEB_IDENTITY_TOKEN_FILE || env.AWS_CONTAINER_CREDENTIALS_FULL_URI);
}

/** Grades each answered strategy with a Bedrock model and adds the means to its scorecard. */
export async function judgeScorecards(
  cards: Scorecard[],
  briefs: GoldenBrief[],
  options: { modelId: string; env: Record<string, string | undefined>; /** A model to grade with instead of Bedrock (tests). */ model?: Model },
): Promise<void> {
  const model =
    options.model ??
    new BedrockModel({
      modelId: options.modelId,
      region: options.env.AWS_REGION ?? "us-east-1",
      maxTokens: 1024,
      temperature: 0,
      ...(options.env.BEDROCK_ENDPOINT ? { clientConfig: { endpoint: options.env.BEDROCK_ENDPOINT } } : {}),
    });
  for (const card of cards) {
    const verdicts: JudgeVerdict[] = [];
    for (const result of card.results) {
      const golden = briefs.find((brief) => brief.id === result.id);
      if (!result.strategy || !golden) continue;
      const agent = new Agent({ model, systemPrompt: JUDGE_RUBRIC, printer: false, structuredOutputSchema: JudgeVerdict });
      try {
        const answer = await agent.invoke(
          `The brief:\n${JSON.stringify(golden.brief, null, 2)}\n\nThe strategy:\n${JSON.stringify(result.strategy, null, 2)}`,
          { limits: { turns: 3 } },
        );
        const verdict = JudgeVerdict.safeParse(answer.structuredOutput);
        if (verdict.success) verdicts.push(verdict.data);
      } catch (error) {
        console.error(`  judge failed on ${card.model} ${result.id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    // The plans, where the suite wrote them: graded from their captions.
    const planVerdicts: JudgeVerdict[] = [];
    for (const result of card.results) {
      const golden = briefs.find((brief) => brief.id === result.id);
      if (!result.plan?.sample?.length || !golden) continue;
      const agent = new Agent({ model, systemPrompt: PLAN_JUDGE_RUBRIC, printer: false, structuredOutputSchema: JudgeVerdict });
      try {
        const answer = await agent.invoke(
          `The brief:\n${JSON.stringify(golden.brief, null, 2)}\n\nThe plan's posts:\n${JSON.stringify(result.plan.sample, null, 2)}`,
          { limits: { turns: 3 } },
        );
        const verdict = JudgeVerdict.safeParse(answer.structuredOutput);
        if (verdict.success) planVerdicts.push(verdict.data);
      } catch (error) {
        console.error(`  judge failed on the plan of ${card.model} ${result.id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (card.plan && planVerdicts.length > 0) card.plan.judge = means(planVerdicts);
    if (verdicts.length === 0) continue;
    card.judge = means(verdicts);
  }
}

function means(verdicts: JudgeVerdict[]): { specificity: number; fit: number; actionability: number; brand_safety: number; judged: number } {
  const mean = (key: "specificity" | "fit" | "actionability" | "brand_safety") => verdicts.reduce((sum, verdict) => sum + verdict[key], 0) / verdicts.length;
  return {
    specificity: mean("specificity"),
    fit: mean("fit"),
    actionability: mean("actionability"),
    brand_safety: mean("brand_safety"),
    judged: verdicts.length,
  };
}
