import { Allow, parse } from "partial-json";
import { STRATEGY_SECTIONS, type StrategySection } from "@strategist/schemas";

/** A section of the output as it is written: the whole section once complete, or the list items finished so far. */
export interface SectionUpdate<Section extends string = StrategySection> {
  section: Section;
  value: unknown;
  complete: boolean;
}

/**
 * Turns the model's structured-output JSON, arriving in chunks, into section updates. A scanner follows the
 * top-level object: a member is complete at the comma or brace that ends it, and is then parsed exactly. The
 * member still being written is read with a partial-JSON parser so a list can grow by its finished items (a list
 * of objects holds back its last item until the next one begins; strings count only once closed).
 */
export class LiveSections<Section extends string = StrategySection> {
  private readonly known: Set<string>;
  private text = "";
  private scanned = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private memberStart = -1;
  private completed = new Set<string>();
  private itemsShown = new Map<string, number>();

  /** @param sections the output's top-level keys to show, in any order (the strategy's sections by default) */
  constructor(sections: readonly Section[] = STRATEGY_SECTIONS as readonly string[] as readonly Section[]) {
    this.known = new Set<string>(sections);
  }

  /** Whether anything has been shown for the current attempt. */
  get shown(): boolean {
    return this.completed.size > 0 || this.itemsShown.size > 0;
  }

  /** Starts over for a new model call; the previous attempt's text is discarded. */
  reset(): void {
    this.text = "";
    this.scanned = 0;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.memberStart = -1;
    this.completed.clear();
    this.itemsShown.clear();
  }

  /** Adds a chunk of tool input and returns what became visible. */
  push(chunk: string): SectionUpdate<Section>[] {
    this.text += chunk;
    const updates: SectionUpdate<Section>[] = [];
    for (; this.scanned < this.text.length; this.scanned++) {
      const char = this.text[this.scanned];
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (char === "\\") this.escaped = true;
        else if (char === '"') this.inString = false;
        continue;
      }
      if (char === '"') this.inString = true;
      else if (char === "{" || char === "[") {
        this.depth++;
        if (this.depth === 1) this.memberStart = this.scanned + 1;
      } else if (char === "}" || char === "]") {
        if (this.depth === 1) this.completeMember(this.scanned, updates);
        this.depth--;
      } else if (char === "," && this.depth === 1) {
        this.completeMember(this.scanned, updates);
        this.memberStart = this.scanned + 1;
      }
    }
    const growing = this.growingList();
    if (growing) updates.push(growing);
    return updates;
  }

  private completeMember(end: number, updates: SectionUpdate<Section>[]): void {
    const member = this.text.slice(this.memberStart, end);
    if (!member.trim()) return;
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(`{${member}}`) as Record<string, unknown>;
    } catch {
      return;
    }
    for (const [key, value] of Object.entries(parsed)) {
      if (!this.known.has(key) || this.completed.has(key)) continue;
      this.completed.add(key);
      updates.push({ section: key as Section, value, complete: true });
    }
  }

  private growingList(): SectionUpdate<Section> | undefined {
    if (this.depth < 1 || this.memberStart < 0) return undefined;
    let parsed: unknown;
    try {
      parsed = parse(`{${this.text.slice(this.memberStart)}`, Allow.OBJ | Allow.ARR);
    } catch {
      return undefined;
    }
    const [entry] = Object.entries((parsed ?? {}) as Record<string, unknown>);
    if (!entry) return undefined;
    const [key, value] = entry;
    if (!this.known.has(key) || this.completed.has(key) || !Array.isArray(value)) return undefined;
    const finished = value.length > 0 && typeof value[value.length - 1] === "object" ? value.length - 1 : value.length;
    if (finished <= (this.itemsShown.get(key) ?? 0)) return undefined;
    this.itemsShown.set(key, finished);
    return { section: key as Section, value: value.slice(0, finished), complete: false };
  }
}
