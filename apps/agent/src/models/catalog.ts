import type { Model } from "@strands-agents/sdk";
import type { ModelInfo } from "@strategist/schemas";

/** A model the service can run, as configured. */
export interface CatalogEntry extends Omit<ModelInfo, "kind"> {
  /** Builds the Strands model; called once per entry and cached. */
  create(): Model;
}

/** A model resolved for one generation. */
export interface ResolvedModel {
  id: string;
  model: Model;
}

export class UnknownModelError extends Error {
  override name = "UnknownModelError";
}

/** The allow-list of models users may choose from; the first default entry answers when none is chosen. */
export class ModelCatalog {
  private readonly models = new Map<string, Model>();

  /**
   * @param entries the allow-list; exactly one entry should be the default
   * @param fallbacks model ids tried in order when a remote model stays throttled or unavailable
   */
  constructor(
    private readonly entries: CatalogEntry[],
    private readonly fallbacks: string[] = [],
  ) {
    if (!entries.some((entry) => entry.default)) throw new Error("the model catalog needs a default model");
  }

  /** The models to try for a request, in order: the chosen one, then the fallback chain without it. */
  candidates(id: string = this.defaultId): ResolvedModel[] {
    const chosen = this.resolve(id);
    if (this.entries.find((entry) => entry.id === id)?.provider === "offline") return [chosen];
    return [chosen, ...this.fallbacks.filter((fallback) => fallback !== id).map((fallback) => this.resolve(fallback))];
  }

  /** The enabled models, as GET /api/models lists them. */
  list(): ModelInfo[] {
    return this.entries.map(({ id, name, provider, default: isDefault }) => ({ id, name, provider, default: isDefault, kind: "text" as const }));
  }

  has(id: string): boolean {
    return this.entries.some((entry) => entry.id === id);
  }

  get defaultId(): string {
    return this.entries.find((entry) => entry.default)!.id;
  }

  /** The Strands model for an id from the list (the default when absent). */
  resolve(id: string = this.defaultId): ResolvedModel {
    const entry = this.entries.find((candidate) => candidate.id === id);
    if (!entry) throw new UnknownModelError(`model ${id} is not enabled`);
    let model = this.models.get(id);
    if (!model) {
      model = entry.create();
      this.models.set(id, model);
    }
    return { id, model };
  }
}
