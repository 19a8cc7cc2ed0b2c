/**
 * How many pictures one post may carry per platform: a carousel (several pictures in one post) where the platform
 * has one, capped at 10; one picture elsewhere. Kept beside the text rules of platform-rules.ts. Figures as the
 * platforms' help pages state them in 2026: Instagram, Facebook, LinkedIn, Threads and TikTok photo posts take ten or
 * more (capped here at 10), X four, Pinterest carousel pins five; YouTube Shorts are videos with one thumbnail.
 */
const CAROUSEL_SIZES: Partial<Record<string, number>> = {
  instagram: 10,
  facebook: 10,
  linkedin: 10,
  threads: 10,
  tiktok: 10,
  x: 4,
  pinterest: 5,
};

/** The most pictures a post on this platform may have (1 where the platform has no carousel). */
export function maxImagesPerPost(platform: string): number {
  return CAROUSEL_SIZES[platform] ?? 1;
}
