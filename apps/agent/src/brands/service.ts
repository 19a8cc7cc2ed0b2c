import { randomUUID } from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import { suggestVoice } from "@strategist/composer";
import type { Brand, BrandCreate, BrandPatch, BrandVoice, VoiceSuggestion } from "@strategist/schemas";
import { AppError } from "../core/errors";
import type { CursorCodec } from "../core/cursor";
import { BrandWriteConflict, type BrandRepository, type StoredBrand } from "./repository";

interface BrandServiceDeps {
  repository: BrandRepository;
  /** A codec of its own, so a strategy-list cursor is never accepted here. */
  cursors: CursorCodec;
  clock?: () => Date;
}

/** A page of the user's brands and the cursor for the next one. */
interface BrandListPage {
  brands: Brand[];
  nextCursor?: string;
}

/** What a generation takes from a brand: the brief's defaults and the voice to write in. */
interface BrandForGeneration {
  id: string;
  name: string;
  industry: string;
  target_audience: string;
  goals?: string;
  voice: BrandVoice;
  /** The time zone the brand's results are read in. */
  default_timezone?: string;
}

function withoutOwner({ user_id: _owner, ...brand }: StoredBrand): Brand {
  return brand;
}

/** Brand profiles: create, list, read, change and delete a user's own, and suggest a voice from its samples. */
export class BrandService {
  private readonly clock: () => Date;

  constructor(private readonly deps: BrandServiceDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  async create(userId: string, input: BrandCreate, log: FastifyBaseLogger): Promise<Brand> {
    const now = this.clock().toISOString();
    const brand: StoredBrand = { id: randomUUID(), user_id: userId, ...input, created_at: now, updated_at: now };
    await this.deps.repository.create(brand);
    log.info({ brand_id: brand.id }, "brand created");
    return withoutOwner(brand);
  }

  /** The user's brands, newest first, one page at a time (cursors bound to the user, like the strategy list). */
  async list(userId: string, limit: number, cursor?: string): Promise<BrandListPage> {
    const startKey = this.deps.cursors.startKey(userId, cursor, "brands");
    const page = await this.deps.repository.listByUser(userId, limit, startKey);
    return { brands: page.brands.map(withoutOwner), nextCursor: page.lastKey ? this.deps.cursors.encode(userId, page.lastKey, "brands") : undefined };
  }

  async get(userId: string, brandId: string, log: FastifyBaseLogger): Promise<Brand> {
    return withoutOwner(await this.owned(userId, brandId, log));
  }

  /** Applies a PATCH: fields given replace the brand's, voice lists merge one by one, null clears. 409 on a lost race. */
  async update(userId: string, brandId: string, patch: BrandPatch, log: FastifyBaseLogger): Promise<Brand> {
    const current = await this.owned(userId, brandId, log);
    const { voice, goals, default_timezone, ...fields } = patch;
    const next: StoredBrand = {
      ...current,
      ...fields,
      voice: { ...current.voice, ...voice },
      updated_at: this.laterThan(current.updated_at),
    };
    if (goals === null) delete next.goals;
    else if (goals !== undefined) next.goals = goals;
    if (default_timezone === null) delete next.default_timezone;
    else if (default_timezone !== undefined) next.default_timezone = default_timezone;
    try {
      await this.deps.repository.replace(next, current.updated_at);
    } catch (error) {
      if (error instanceof BrandWriteConflict) throw new AppError("brand_conflict", { cause: error });
      throw error;
    }
    log.info({ brand_id: brandId, fields: Object.keys(patch) }, "brand updated");
    return withoutOwner(next);
  }

  /** Deletes the brand profile only: strategies written with it keep their brand id and voice snapshot. */
  async delete(userId: string, brandId: string, log: FastifyBaseLogger): Promise<void> {
    await this.owned(userId, brandId, log);
    if (!(await this.deps.repository.delete(brandId, userId))) throw new AppError("brand_not_found");
    log.info({ brand_id: brandId }, "brand deleted");
  }

  /** A voice learned from the brand's saved sample posts, for the user to review; the brand itself is not changed. */
  async suggestVoice(userId: string, brandId: string, log: FastifyBaseLogger): Promise<VoiceSuggestion> {
    const brand = await this.owned(userId, brandId, log);
    return this.suggestVoiceFrom(brand.sample_posts, brand.voice.banned_words, log.child({ brand_id: brandId }));
  }

  /** A voice learned from sample posts (saved or only typed), never using one of `bannedWords`; nothing is stored. */
  suggestVoiceFrom(samplePosts: readonly string[], bannedWords: readonly string[], log: FastifyBaseLogger): VoiceSuggestion {
    if (samplePosts.length === 0) {
      throw new AppError("validation", { fields: [{ field: "sample_posts", message: "Add at least one sample post to learn a voice from" }] });
    }
    const suggestion = suggestVoice(samplePosts, bannedWords);
    log.info({ posts: samplePosts.length }, "voice suggested");
    return suggestion;
  }

  /** The brand a generation uses: 404 when missing, 403 when another user's. */
  async forGeneration(userId: string, brandId: string, log: FastifyBaseLogger): Promise<BrandForGeneration> {
    const { id, name, industry, target_audience, goals, voice, default_timezone } = await this.owned(userId, brandId, log);
    return { id, name, industry, target_audience, ...(goals !== undefined ? { goals } : {}), voice, ...(default_timezone ? { default_timezone } : {}) };
  }

  /** The time zone a plan of this user's brand defaults to; none when the brand has none or is gone (or not theirs). */
  async defaultTimezone(userId: string, brandId: string): Promise<string | undefined> {
    const brand = await this.deps.repository.findById(brandId);
    return brand?.user_id === userId ? brand.default_timezone : undefined;
  }

  private async owned(userId: string, brandId: string, log: FastifyBaseLogger): Promise<StoredBrand> {
    const brand = await this.deps.repository.findById(brandId);
    if (!brand) throw new AppError("brand_not_found");
    if (brand.user_id !== userId) {
      log.warn({ brand_id: brandId }, "access to another user's brand denied");
      throw new AppError("access_denied");
    }
    return brand;
  }

  /** Now, or a millisecond after `previous` when the clock has not moved: every write gets a new version stamp. */
  private laterThan(previous: string): string {
    const now = this.clock().getTime();
    const before = Date.parse(previous);
    return new Date(Number.isNaN(before) ? now : Math.max(now, before + 1)).toISOString();
  }
}
