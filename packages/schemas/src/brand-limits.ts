// No zod here: the brand pages import these directly, so the schemas stay out of their first load.

/** Limits on a brand profile: like the brief's, they bound the prompt, the stored item and the page. */
export const BRAND_LIMITS = {
  // The brief's limits (INPUT_LIMITS), since these four fields prefill it.
  name: 200,
  industry: 200,
  target_audience: 2000,
  goals: 2000,
  tone: { items: 5, length: 40 },
  do: { items: 10, length: 200 },
  dont: { items: 10, length: 200 },
  banned_words: { items: 50, length: 50 },
  preferred_hashtags: { items: 30, length: 100 },
  sample_posts: { items: 5, length: 2200 },
  timezone: 64,
} as const;

/** The empty voice: no rules. */
export const EMPTY_VOICE: { tone: string[]; do: string[]; dont: string[]; banned_words: string[]; preferred_hashtags: string[] } = {
  tone: [],
  do: [],
  dont: [],
  banned_words: [],
  preferred_hashtags: [],
};
