import { checkPost, graphemeLength, type PlanPlatformId } from "@strategist/schemas";
import { hashtagsFor } from "./copywriter";
import { PACKS } from "./copy-packs";

/** What posts from an article are written from: its title and key points, the posts wanted and their links. */
export interface ArticleBrief {
  brand_name: string;
  title: string;
  /** The article's key sentences, in its order. */
  points: string[];
  /** One entry per post, in order. */
  posts: { platform: PlanPlatformId }[];
  /** Each platform's link (the article with its UTM tags), published after the caption and counted by the platform. */
  links: Partial<Record<PlanPlatformId, string>>;
}

type ArticleSlots = { brand: string; title: string; point: string };
// The copywriter's structures, around the article's own sentence: a hook, the point, a call to read or discuss.
const ARTICLE_TEMPLATES: ((slots: ArticleSlots) => string)[] = [
  ({ title, point }) => `${point} More in "${title}".`,
  ({ brand, point }) => `One idea worth keeping, from ${brand}: ${point}`,
  ({ point }) => `Why it matters: ${point} What do you think?`,
  ({ title, point }) => `From "${title}": ${point} Save this for later.`,
  ({ point }) => `${point} Share it with someone who needs it.`,
];
/** Caps (in graphemes) on brand, title and point, tried in order until the post fits its platform with its link. */
const ARTICLE_BUDGETS: [number, number, number][] = [
  [Infinity, Infinity, Infinity],
  [40, 60, 240],
  [30, 40, 180],
  [20, 30, 120],
  [12, 20, 80],
  [10, 12, 50],
];

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** Text held to at most `max` graphemes, ending at a whole word and never with an ellipsis. */
function clip(text: string, max: number): string {
  const clean = text.replace(/\s+/gu, " ").trim();
  if (max === Infinity || graphemeLength(clean) <= max) return clean;
  let kept = "";
  let count = 0;
  for (const { segment } of graphemes.segment(clean)) {
    if (++count > max) break;
    kept += segment;
  }
  const space = kept.lastIndexOf(" ");
  if (space > 0) kept = kept.slice(0, space);
  return kept.replace(/[\s,;:–—-]+$/u, "");
}

/**
 * The offline posts from an article, deterministic: post n carries the article's key point n (points repeat only
 * when there are more posts than points), in one of the copywriter's structures (rotating), with hashtags from the
 * title and the point; the slots are held shorter, then hashtags dropped, until the post fits its platform with its
 * link counted.
 */
export function writeArticlePosts(brief: ArticleBrief): { posts: { platform: PlanPlatformId; point: string; caption: string; hashtags: string[] }[] } {
  const points = brief.points.length > 0 ? brief.points : [brief.title];
  return {
    posts: brief.posts.map(({ platform }, index) => {
      const point = points[index % points.length]!;
      const template = ARTICLE_TEMPLATES[index % ARTICLE_TEMPLATES.length]!;
      const link = brief.links[platform];
      const hashtags = hashtagsFor(platform, brief.brand_name, [brief.title, point], PACKS.en);
      for (let tags = hashtags.length; tags >= 0; tags--) {
        for (const [brand, title, pointBudget] of ARTICLE_BUDGETS) {
          const slots = { brand: clip(brief.brand_name, brand), title: clip(brief.title, title), point: clip(point, pointBudget) };
          for (const write of [template, ({ point: text }: ArticleSlots) => text]) {
            const post = { caption: write(slots), hashtags: hashtags.slice(0, tags) };
            if (checkPost(platform, { ...post, link }).length === 0) return { platform, point, ...post };
          }
        }
      }
      return { platform, point, caption: clip(point, 40), hashtags: [] };
    }),
  };
}
