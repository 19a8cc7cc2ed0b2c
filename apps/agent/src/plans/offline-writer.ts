import { parseVoiceSlot, scrubValue } from "@strategist/composer";
import { findBannedWords } from "@strategist/schemas";
import type { OfflineWriter } from "../models/offline/protocol";
import { rewritePost, writeArticlePosts, writePlan, type ArticleBrief, type PlanBrief, type RewriteBrief } from "./copywriter";

/** The offline model's `plan` task: the deterministic copywriter on the strategy in the prompt's slot. */
export const offlinePlanWriter: OfflineWriter = ({ prompt, system }) => {
  const brief = readSlot(prompt, "plan_request") as PlanBrief | undefined;
  if (!brief) return { text: "The offline copywriter needs a strategy in <plan_request> tags." };
  const plan = writePlan(brief);
  return { output: { ...plan, posts: plan.posts.map((post) => withoutBanned(post, system)) } };
};

/** The offline model's `rewrite` task. */
export const offlineRewriteWriter: OfflineWriter = ({ prompt, system }) => {
  const brief = readSlot(prompt, "rewrite_request") as RewriteBrief | undefined;
  return brief ? { output: withoutBanned(rewritePost(brief), system) } : { text: "The offline copywriter needs a post in <rewrite_request> tags." };
};

/** The offline model's `repurpose` task: posts from the article's key points, by the copywriter's structures. */
export const offlineRepurposeWriter: OfflineWriter = ({ prompt, system }) => {
  const brief = readSlot(prompt, "repurpose_request") as ArticleBrief | undefined;
  if (!brief) return { text: "The offline copywriter needs an article in <repurpose_request> tags." };
  return { output: { posts: writeArticlePosts(brief).posts.map((post) => withoutBanned(post, system)) } };
};

/**
 * A post with the brand's banned words (from the voice in the system prompt) removed from its text, and hashtags
 * that use one dropped rather than mangled.
 */
function withoutBanned<T extends { hashtags: string[] }>(post: T, system: string): T {
  const banned = parseVoiceSlot(system)?.banned_words ?? [];
  if (banned.length === 0) return post;
  const { hashtags, ...text } = post;
  return { ...scrubValue(text, banned), hashtags: hashtags.filter((tag) => findBannedWords(tag, banned).length === 0) } as unknown as T;
}

/** The JSON inside a prompt's `<name>` slot, or undefined when there is none or it does not parse. */
function readSlot(prompt: string, name: string): unknown {
  const match = new RegExp(`<${name}>\\s*([\\s\\S]*?)\\s*</${name}>`).exec(prompt);
  if (!match) return undefined;
  try {
    return JSON.parse(match[1]!);
  } catch {
    return undefined;
  }
}
