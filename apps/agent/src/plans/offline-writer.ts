import { parseVoiceSlot, scrubValue } from "@strategist/composer";
import { findBannedWords } from "@strategist/schemas";
import type { OfflineWriter } from "../models/offline/protocol";
import type { RewriteOutput } from "@strategist/schemas";
import { writeArticlePosts, type ArticleBrief } from "./article-writer";
import { rewritePost, writePlan, type PlanBrief, type RewriteBrief } from "./copywriter";

/** The offline model's `plan` task: the deterministic copywriter on the strategy in the prompt's slot. */
export const offlinePlanWriter: OfflineWriter = ({ prompt, system }) => {
  const brief = readSlot(prompt, "plan_request") as PlanBrief | undefined;
  if (!brief) return { text: "The offline copywriter needs a strategy in <plan_request> tags." };
  const plan = writePlan(brief);
  return { output: { ...plan, posts: plan.posts.map((post) => withoutBanned(post, system)) } };
};

/** The offline model's `rewrite` task: one rewrite, or as many different ones as the brief asks for. */
export const offlineRewriteWriter: OfflineWriter = ({ prompt, system }) => {
  const brief = readSlot(prompt, "rewrite_request") as RewriteBrief | undefined;
  if (!brief) return { text: "The offline copywriter needs a post in <rewrite_request> tags." };
  if (!brief.alternatives || brief.alternatives < 2) return { output: withoutBanned(rewritePost(brief), system) };
  return { output: { alternatives: rewriteAlternatives(brief, brief.alternatives).map((post) => withoutBanned(post, system)) } };
};

/** The offline model's `repurpose` task: posts from the article's key points, by the copywriter's structures. */
export const offlineRepurposeWriter: OfflineWriter = ({ prompt, system }) => {
  const brief = readSlot(prompt, "repurpose_request") as ArticleBrief | undefined;
  if (!brief) return { text: "The offline copywriter needs an article in <repurpose_request> tags." };
  return { output: { posts: writeArticlePosts(brief).posts.map((post) => withoutBanned(post, system)) } };
};

/**
 * `count` rewrites with different captions: each is written from the one before (so it takes another template), and
 * a repeat is written again under a varied instruction until the captions differ or the tries run out.
 */
export function rewriteAlternatives(brief: RewriteBrief, count: number): RewriteOutput[] {
  const written: RewriteOutput[] = [];
  const seen = new Set([brief.caption.trim()]);
  // After a repeat the instruction's wish for brevity is dropped (it always leads to the same short template first)
  // and the hash that picks the first template changes with each try.
  const loose = (brief.instruction ?? "").replace(/\b(short|brief|concise|tight)\w*/giu, "");
  for (let attempt = 0; written.length < count && attempt < count * 8; attempt++) {
    const from = written.at(-1)?.caption ?? brief.caption;
    const instruction = attempt < count ? brief.instruction : `${loose}${" ".repeat(attempt)}`;
    const post = rewritePost({ ...brief, caption: from, ...(instruction ? { instruction } : {}) });
    if (seen.has(post.caption.trim())) continue;
    seen.add(post.caption.trim());
    written.push(post);
  }
  // Fewer distinct templates than asked for: the schema refuses the answer and the pipeline reports the failure.
  while (written.length < count) written.push(written[0] ?? rewritePost(brief));
  return written;
}

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
