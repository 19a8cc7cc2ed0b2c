import type { BrandCreate, BrandPatch } from "@strategist/schemas";
import { call, type ApiFailure } from "@/api/client";

/** Browser calls to the brand API through the web origin's proxy (the session cookie becomes the Bearer token). */
export const brandRequests = {
  create: (brand: BrandCreate) => call((api) => api.POST("/api/brands", { body: brand })),
  update: (id: string, patch: BrandPatch) => call((api) => api.PATCH("/api/brands/{id}", { params: { path: { id } }, body: patch })),
  remove: (id: string) => call((api) => api.DELETE("/api/brands/{id}", { params: { path: { id } } })),
  /** A voice learned from sample posts as typed in the form (the brand may not be saved yet); nothing is saved. */
  suggestVoice: (samplePosts: string[], bannedWords: string[]) =>
    call((api) => api.POST("/api/brands/voice/suggest", { body: { sample_posts: samplePosts, banned_words: bannedWords } })),
  /** A suggestion read from a website; nothing is saved. */
  fromWebsite: (url: string) => call((api) => api.POST("/api/brands/from-website", { body: { url } })),
};

/** The words a user reads for a failed brand request. */
export function describeBrandFailure(failure: ApiFailure): string {
  if (failure.status === 401) return "Your session has ended. Log in again to continue.";
  if (failure.status === 409) return "This brand was changed in another tab. Reload the page to see the latest version.";
  return failure.detail;
}
