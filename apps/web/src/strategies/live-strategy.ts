import type { FieldError, StrategyOutput, StrategyRecord, StrategySection } from "@strategist/schemas";
import { SECTION_ORDER, SECTIONS } from "./strategy-sections";

/** A section as the agent has written it so far: a list's finished items, or the whole section once complete. */
export type SectionUpdate = { [S in StrategySection]: { section: S; value: StrategyOutput[S]; complete: boolean } }[StrategySection];

/** The sections written so far in the model's current attempt. */
type WrittenSections = { [S in StrategySection]?: { value: StrategyOutput[S]; complete: boolean } };

/** What the live-generation stream says, read and checked (see live-event-checks.ts). */
export type LiveEvent =
  | { type: "started"; model: string }
  | { type: "section"; update: SectionUpdate }
  | { type: "reset"; model: string }
  | { type: "completed"; record: StrategyRecord }
  | { type: "error"; status: number; detail?: string; errors?: FieldError[]; retryAfterSeconds?: number };

/** A strategy being written, as the page shows it. */
export interface LiveStrategy {
  /** Epoch ms when the request was sent. */
  startedAt: number;
  /** The model writing it, once the agent has said. */
  model?: string;
  sections: WrittenSections;
  /** How many times the model started over (each `reset`). */
  restarts: number;
  /** The latest news for the screen-reader status line. */
  news: string;
  /** The strategy is stored; the page is on its way to it. */
  finished: boolean;
}

export function startLiveStrategy(startedAt: number): LiveStrategy {
  return { startedAt, sections: {}, restarts: 0, news: "Writing your strategy. Sections appear as they are written.", finished: false };
}

/** The strategy was stored: every section shows its final value while the page moves to it. */
export function finish(live: LiveStrategy, record: StrategyRecord): LiveStrategy {
  const sections = Object.fromEntries(SECTION_ORDER.map((section) => [section, { value: record.strategy_output[section], complete: true }])) as WrittenSections;
  return { ...live, model: record.model, sections, finished: true, news: "Your strategy is ready. Opening it…" };
}

/** What the page says when the model starts over; everything shown for the discarded attempt is cleared. */
export const RESTART_NEWS = "The AI's draft didn't hold up, so it is writing the strategy again. What was shown has been cleared.";

/** Applies a started, section or reset event; `completed` and `error` end the generation and are the caller's. */
export function advance(live: LiveStrategy, event: LiveEvent): LiveStrategy {
  switch (event.type) {
    case "started":
      return { ...live, model: event.model };
    case "reset":
      return { ...live, model: event.model, sections: {}, restarts: live.restarts + 1, news: RESTART_NEWS };
    case "section": {
      const { section, value, complete } = event.update;
      // A partial list arriving after the complete section (never sent by the agent) must not shrink it.
      if (live.sections[section]?.complete) return live;
      const sections = { ...live.sections, [section]: { value, complete } };
      if (!complete) return { ...live, sections };
      const done = writtenCount(sections);
      return { ...live, sections, news: `${SECTIONS[section].title} written (${done} of ${SECTION_ORDER.length} sections).` };
    }
    default:
      return live;
  }
}

/** How many sections are complete. */
export function writtenCount(sections: WrittenSections): number {
  return SECTION_ORDER.filter((section) => sections[section]?.complete).length;
}
