import { suggestVoice } from "@strategist/composer";
import { BRAND_LIMITS, MAX_SUGGESTED_SAMPLES, type BrandSuggestionOutput } from "@strategist/schemas";
import type { OfflineWriter } from "../models/offline/protocol";
import type { WebsiteBrief } from "./from-website-prompt";

function clip(text: string, max: number): string {
  const clean = text.replace(/\s+/gu, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?-]+$/u, "")}…`;
}

/**
 * The offline brand suggestion, deterministic from the website's summary: the site's name, its best industry hint,
 * the audience and goal sentences it states (about pages first), a voice counted from its own sentences, and up to
 * three of those sentences as sample posts.
 */
export function suggestBrand(brief: WebsiteBrief): BrandSuggestionOutput {
  const industry = brief.industry_hints[0]?.industry ?? clip(brief.description ?? brief.title ?? brief.name, 60);
  const audience = brief.audience_sentences.slice(0, 2).join(" ") || `People looking for ${industry} from ${brief.name}.`;
  const goals = brief.goal_sentences.slice(0, 2).join(" ");
  const samples = brief.sample_sentences.slice(0, MAX_SUGGESTED_SAMPLES).map((sentence) => clip(sentence, BRAND_LIMITS.sample_posts.length));
  const { voice } = suggestVoice(samples.length > 0 ? samples : [brief.description ?? brief.name], []);
  return {
    name: clip(brief.name, BRAND_LIMITS.name),
    industry: clip(industry, BRAND_LIMITS.industry),
    target_audience: clip(audience, BRAND_LIMITS.target_audience),
    ...(goals ? { goals: clip(goals, BRAND_LIMITS.goals) } : {}),
    voice: {
      tone: voice.tone.slice(0, BRAND_LIMITS.tone.items),
      do: voice.do.slice(0, BRAND_LIMITS.do.items),
      dont: voice.dont.slice(0, BRAND_LIMITS.dont.items),
    },
    sample_posts: samples,
  };
}

/** The offline model's `brand-from-website` task. */
export const offlineBrandFromWebsiteWriter: OfflineWriter = ({ prompt }) => {
  const match = /<website>\s*([\s\S]*?)\s*<\/website>/.exec(prompt);
  if (!match) return { text: "The offline brand analyst needs a website in <website> tags." };
  try {
    return { output: suggestBrand(JSON.parse(match[1]!) as WebsiteBrief) };
  } catch {
    return { text: "The website in <website> tags does not parse." };
  }
};
