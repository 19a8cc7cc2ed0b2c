import { BRAND_LIMITS, type VoiceSuggestion } from "@strategist/schemas";
import { scrubBannedWords } from "./voice";

const HASHTAG = /#[\p{L}\p{N}\p{M}_]+/gu;
const EMOJI = /\p{Extended_Pictographic}/gu;
const URL = /https?:\/\/\S+/g;
const CONTRACTION = /\b[\p{L}]+['’](?:s|re|ll|ve|d|t|m)\b/giu;
const FORMAL_MARKERS = [
  "therefore", "furthermore", "moreover", "however", "in addition", "we are pleased", "kindly", "regards", "sincerely",
  "ensure", "accordingly", "please note", "we invite", "consequently", "hereby",
];
const CASUAL_MARKERS = [
  "hey", "hi there", "lol", "gonna", "wanna", "awesome", "super", "guys", "y'all", "omg", "yay", "cool", "love", "totally", "btw", "grab",
];

function countPhrases(text: string, phrases: readonly string[]): number {
  const lower = text.toLowerCase();
  return phrases.reduce((sum, phrase) => sum + (lower.match(new RegExp(`(?<![\\p{L}])${phrase}(?![\\p{L}])`, "gu"))?.length ?? 0), 0);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The hashtags that recur across the samples (or, with few samples, the first ones used), most used first. */
function frequentHashtags(posts: readonly string[]): string[] {
  const counts = new Map<string, { tag: string; count: number; first: number }>();
  let order = 0;
  for (const post of posts) {
    for (const tag of post.match(HASHTAG) ?? []) {
      const key = tag.toLowerCase();
      const entry = counts.get(key) ?? { tag, count: 0, first: order++ };
      entry.count++;
      counts.set(key, entry);
    }
  }
  const ranked = [...counts.values()].sort((a, b) => b.count - a.count || a.first - b.first);
  const recurring = ranked.filter((entry) => entry.count >= 2);
  return (recurring.length > 0 ? recurring : ranked.slice(0, 3))
    .map((entry) => entry.tag)
    .filter((tag) => tag.length <= BRAND_LIMITS.preferred_hashtags.length)
    .slice(0, 10);
}

/**
 * Suggests a brand voice from sample posts by counting, not by a model: recurring hashtags, emoji and exclamation
 * marks per post, average sentence length, questions, and formal against casual wording. Deterministic for the same
 * samples. The brand's banned words are kept as they are and removed from everything suggested.
 */
export function suggestVoice(posts: readonly string[], bannedWords: readonly string[]): VoiceSuggestion {
  const count = Math.max(1, posts.length);
  const prose = posts.map((post) => post.replace(URL, " ").replace(HASHTAG, " "));
  const sentences = prose.flatMap((post) => post.split(/[.!?…\n]+/u)).map((sentence) => sentence.trim()).filter((sentence) => /[\p{L}\p{N}]/u.test(sentence));
  const words = sentences.reduce((sum, sentence) => sum + sentence.split(/\s+/u).filter(Boolean).length, 0);
  const averageSentenceWords = sentences.length > 0 ? words / sentences.length : 0;
  const emojiPerPost = posts.reduce((sum, post) => sum + (post.match(EMOJI)?.length ?? 0), 0) / count;
  const exclamationsPerPost = posts.reduce((sum, post) => sum + (post.match(/!/g)?.length ?? 0), 0) / count;
  const questionsPerPost = posts.reduce((sum, post) => sum + (post.match(/\?/g)?.length ?? 0), 0) / count;
  const hashtagsPerPost = posts.reduce((sum, post) => sum + (post.match(HASHTAG)?.length ?? 0), 0) / count;
  const text = prose.join("\n");
  const formal = countPhrases(text, FORMAL_MARKERS);
  const casual = countPhrases(text, CASUAL_MARKERS) + (text.match(CONTRACTION)?.length ?? 0);
  const hashtags = frequentHashtags(posts);

  const tone: string[] = [];
  if (casual > formal) tone.push("casual", "friendly");
  else if (formal > casual) tone.push("formal", "professional");
  else tone.push("clear");
  if (emojiPerPost >= 1) tone.push("playful");
  if (exclamationsPerPost >= 1) tone.push("enthusiastic");
  if (averageSentenceWords > 0 && averageSentenceWords <= 10) tone.push("concise");
  else if (averageSentenceWords >= 20) tone.push("detailed");

  const sentenceWords = Math.max(1, Math.round(averageSentenceWords));
  const doRules = [
    `Keep sentences around ${sentenceWords} words`,
    ...(emojiPerPost >= 0.5 ? [`Use emoji, about ${Math.max(1, Math.round(emojiPerPost))} per post`] : []),
    ...(questionsPerPost >= 0.5 ? ["Ask the audience a question to invite replies"] : []),
    ...(casual > formal ? ["Use contractions and everyday words"] : formal > casual ? ["Write complete, carefully worded sentences"] : []),
    ...(hashtags.length > 0 ? [`Use the brand's recurring hashtags, about ${Math.max(1, Math.round(hashtagsPerPost))} per post`] : []),
  ];
  const dontRules = [
    ...(emojiPerPost < 0.2 ? ["Don't use emoji"] : []),
    ...(exclamationsPerPost < 0.2 ? ["Don't use exclamation marks"] : []),
    ...(formal > casual ? ["Don't use slang or contractions"] : []),
    ...(averageSentenceWords > 0 && averageSentenceWords <= 12 ? ["Don't write long paragraphs"] : []),
    ...(hashtagsPerPost <= 2 ? [`Don't stack more than ${Math.max(1, Math.ceil(hashtagsPerPost))} hashtags`] : []),
  ];

  const clean = (items: string[], max: number) =>
    [...new Map(items.map((item) => scrubBannedWords(item, bannedWords)).filter((item) => item !== "—").map((item) => [item.toLowerCase(), item])).values()].slice(0, max);
  return {
    voice: {
      tone: clean(tone, BRAND_LIMITS.tone.items),
      do: clean(doRules, BRAND_LIMITS.do.items),
      dont: clean(dontRules, BRAND_LIMITS.dont.items),
      banned_words: [...bannedWords],
      preferred_hashtags: hashtags.filter((tag) => scrubBannedWords(tag, bannedWords) === tag),
    },
    method: "heuristic",
    explanation: `A heuristic, not a model: counted from ${posts.length} sample post${posts.length === 1 ? "" : "s"} — hashtags that recur, emoji and exclamation marks per post, average sentence length (${round(averageSentenceWords)} words), questions, and formal (${formal}) against casual (${casual}) wording. Nothing is changed until you save it to the brand.`,
    signals: {
      posts: posts.length,
      average_sentence_words: round(averageSentenceWords),
      emoji_per_post: round(emojiPerPost),
      exclamations_per_post: round(exclamationsPerPost),
      formal_markers: formal,
      casual_markers: casual,
    },
  };
}
