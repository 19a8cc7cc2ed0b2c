import { parseBriefSlots, parseVoiceSlot, PLATFORMS, scrubValue, type PlatformProfile } from "@strategist/composer";
import { mentionsPlatform, OUTPUT_BOUNDS, type StrategyInput, type StrategyOutput } from "@strategist/schemas";
import { withoutStyleLeak } from "../generation/style";
import type { OfflineWriter } from "../models/offline/protocol";
import { applyResults, readResultsSlot, type ResultsEvidence } from "../strategies/results";
import { readCurrentStrategy, readInstruction, type RefinedStrategy } from "./prompt";

/** "Use what worked", "follow the results", "post at the best times": the strategy follows the measured evidence. */
const RESULTS = /\b(?:what (?:has )?worked|what works|(?:the |our |my )?results|insights?|best (?:posting )?times?|evidence)\b/i;
const REMOVE = /\b(?:drop|remove|delete|cut|skip|lose|exclude|ditch|stop|no longer|get rid of|without|less|no)\b/i;
const EMPHASIS = /\b(?:more|focus|prioriti[sz]e|double down|lean into|push)\b/i;
const ADD = /\b(?:add|include|use|start|try|launch|join|expand|grow|be on|get on)\b/i;
const VERBS = "add|include|drop|remove|delete|cut|skip|lose|exclude|ditch|stop|post|publish|make|be|sound|write|use|start|try|focus|more|less|no";
const CLAUSE_SPLIT = new RegExp(`[.;!?\\n]+|,?\\s+(?:and|then|also)\\s+(?=(?:${VERBS})\\b)|,\\s*(?=(?:${VERBS})\\b)`, "i");
const NUMBERS: Record<string, number> = { once: 1, one: 1, twice: 2, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };
const TONES = {
  formal: { name: "more formal" },
  casual: { name: "more casual" },
} as const;
/** Plain words for stiff ones, and contractions: a casual voice uses the right, a formal one the left. */
const CASUAL_WORDS: [string, string][] = [
  ["do not", "don't"],
  ["does not", "doesn't"],
  ["cannot", "can't"],
  ["will not", "won't"],
  ["is not", "isn't"],
  ["are not", "aren't"],
  ["it is", "it's"],
  ["that is", "that's"],
  ["there is", "there's"],
  ["what is", "what's"],
  ["you are", "you're"],
  ["we are", "we're"],
  ["we will", "we'll"],
  ["you will", "you'll"],
  ["let us", "let's"],
  ["purchase", "buy"],
  ["assist", "help"],
  ["utilise", "use"],
  ["utilize", "use"],
  ["approximately", "about"],
  ["additionally", "plus"],
  ["however", "but"],
  ["receive", "get"],
  ["require", "need"],
  ["in order to", "to"],
  ["customers", "folks"],
];

/** What one clause of the instruction did. */
type Outcome = { changed: string } | { refused: string } | { kept: string };

function quote(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

function listing(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

function sentences(schedule: string): string[] {
  return schedule.split(/(?<=\.)\s+/).filter((sentence) => sentence.trim());
}

/**
 * Applies a refine instruction to a strategy without a model, deterministically. It understands adding or
 * removing a platform by name (and "more X" raises its priority), "add a pillar about X", "post daily" or
 * "N times a week", and "more formal" or "more casual"; anything else it says plainly it could not follow.
 */
export class OfflineRefiner {
  private strategy: StrategyOutput;
  private readonly outcomes: Outcome[] = [];

  constructor(
    current: StrategyOutput,
    private readonly brief: StrategyInput | undefined,
    private readonly evidence?: ResultsEvidence,
  ) {
    this.strategy = structuredClone(current);
  }

  apply(instruction: string): RefinedStrategy {
    const clauses = instruction
      .split(CLAUSE_SPLIT)
      .map((clause) => clause?.trim() ?? "")
      .filter(Boolean);
    for (const clause of clauses) {
      const outcomes = this.results(clause) ?? this.pillar(clause) ?? this.frequency(clause) ?? this.tone(clause) ?? this.platforms(clause);
      this.outcomes.push(
        ...(outcomes ?? [
          {
            refused: `I could not follow "${quote(clause)}": offline, I can add or remove platforms, add a pillar, set how often to post, and make the tone more formal or more casual`,
          },
        ]),
      );
    }
    return { ...this.strategy, change_summary: this.summary() };
  }

  private summary(): string {
    const changed = this.outcomes.flatMap((outcome) => ("changed" in outcome ? [outcome.changed] : []));
    const notes = this.outcomes.flatMap((outcome) => ("refused" in outcome ? [outcome.refused] : "kept" in outcome ? [outcome.kept] : []));
    const parts = [changed.length > 0 ? `I ${listing(changed)}.` : "I changed nothing.", ...notes.map((note) => `${note}.`)];
    const text = parts.join(" ");
    return text.length <= 600 ? text : `${text.slice(0, 599)}…`;
  }

  private pillar(clause: string): Outcome[] | undefined {
    const match = /\bpillars?\b\s+(?:about|on|for|around|covering|focused on|centred on|centered on|dedicated to|called|named)\s+(.+)$/i.exec(clause);
    if (!match || !/\b(?:add|include|create|introduce|new|another)\b/i.test(clause)) return undefined;
    const topic = quote(match[1]!.replace(/^["'“]|["'”]$/g, ""), 200);
    const pillar = topic.charAt(0).toUpperCase() + topic.slice(1);
    const pillars = this.strategy.content_pillars;
    if (pillars.some((existing) => existing.toLowerCase() === pillar.toLowerCase())) return [{ kept: `The pillar "${pillar}" was already there` }];
    if (pillars.length >= OUTPUT_BOUNDS.content_pillars.max) {
      return [
        {
          refused: `I could not add the pillar "${pillar}": a strategy holds at most ${OUTPUT_BOUNDS.content_pillars.max} pillars, so tell me which one to drop`,
        },
      ];
    }
    pillars.push(pillar);
    return [{ changed: `added the pillar "${pillar}"` }];
  }

  private frequency(clause: string): Outcome[] | undefined {
    let perWeek: number | undefined;
    if (/\b(?:daily|every day|each day|once a day)\b/i.test(clause) && /\bpost|publish|daily\b/i.test(clause)) perWeek = 7;
    const weekly = /\b(\d+|once|twice|one|two|three|four|five|six|seven)\s*(?:times|x)?\s*(?:a|per|each|every)\s+week\b/i.exec(clause);
    if (weekly) perWeek = NUMBERS[weekly[1]!.toLowerCase()] ?? Number(weekly[1]);
    if (perWeek === undefined) return undefined;
    if (!(perWeek >= 1 && perWeek <= 21))
      return [{ refused: `I could not post ${perWeek} times a week: the schedule stays between once a week and three times a day` }];
    const pace = perWeek === 7 ? "every day" : perWeek === 1 ? "once a week" : `${perWeek} times a week`;
    const platforms = this.strategy.platform_recommendations.map((recommendation) => recommendation.platform);
    delete this.strategy.platform_schedule;
    this.strategy.posting_schedule = `Post ${pace} on each platform (${listing(platforms)}), at the times its audience is most active. Batch-create the week's posts in one session so the pace stays sustainable for a small team.`;
    return [{ changed: `set the posting schedule to ${pace} on each platform` }];
  }

  private results(clause: string): Outcome[] | undefined {
    if (!RESULTS.test(clause)) return undefined;
    if (!this.evidence) return [{ refused: "I could not use what worked: no results of this strategy's posts have been imported yet" }];
    const { output, changes } = applyResults(this.strategy, this.evidence);
    if (changes.length === 0) return [{ kept: "the results name no best time or platform with enough evidence yet, so the schedule stays" }];
    this.strategy = output;
    return changes.map((changed) => ({ changed }));
  }

  /**
   * A tone asked for changes the wording of every section (contractions and plain words for casual, the long forms
   * for formal); it never writes the instruction into the strategy.
   */
  private tone(clause: string): Outcome[] | undefined {
    const formal = /\b(?:more )?(?:formal|professional|corporate|serious)\b/i.test(clause);
    const casual = /\b(?:more )?(?:casual|relaxed|informal|friendly|playful|conversational|fun|chatty|laid-?back)\b/i.test(clause);
    if (formal === casual) return undefined;
    const tone = formal ? TONES.formal : TONES.casual;
    const rewrite = (text: string) => {
      let body = withoutStyleLeak(text);
      for (const [long, short] of CASUAL_WORDS) {
        const [from, to] = formal ? [short, long] : [long, short];
        body = body.replace(new RegExp(`\\b${from}\\b`, "gi"), (found) =>
          found.charAt(0) === found.charAt(0).toUpperCase() ? to.charAt(0).toUpperCase() + to.slice(1) : to,
        );
      }
      return body.length <= 1000 ? body : body.slice(0, 1000);
    };
    const s = this.strategy;
    const before = JSON.stringify(s);
    s.content_pillars = s.content_pillars.map((text) => rewrite(text).slice(0, 500));
    s.content_themes = s.content_themes.map(rewrite);
    s.engagement_tactics = s.engagement_tactics.map(rewrite);
    s.visual_prompts = s.visual_prompts.map(rewrite);
    s.posting_schedule = rewrite(s.posting_schedule);
    s.platform_recommendations = s.platform_recommendations.map((entry) => ({ ...entry, rationale: rewrite(entry.rationale) }));
    if (JSON.stringify(s) === before)
      return [
        {
          kept: `Offline I change the tone by wording (contractions, plainer or fuller words), and nothing here had wording to change for a ${tone.name} voice`,
        },
      ];
    return [{ changed: `rewrote the strategy's wording in a ${tone.name} voice` }];
  }

  private platforms(clause: string): Outcome[] | undefined {
    const named = PLATFORMS.filter((platform) => mentionsPlatform(clause, platform.id));
    if (named.length === 0) return undefined;
    const removing = REMOVE.test(clause) && !/\bmore\b/i.test(clause);
    const emphasis = EMPHASIS.test(clause);
    if (!removing && !emphasis && !ADD.test(clause)) return undefined;
    return named.map((platform) => (removing ? this.removePlatform(platform) : this.addPlatform(platform, emphasis)));
  }

  private removePlatform(platform: PlatformProfile): Outcome {
    const named = (text: string) => mentionsPlatform(text, platform.id);
    const recommendations = this.strategy.platform_recommendations;
    const index = recommendations.findIndex((recommendation) => named(recommendation.platform));
    if (index < 0) return { kept: `${platform.name} was not in the strategy` };
    if (recommendations.length <= OUTPUT_BOUNDS.platform_recommendations.min) {
      return {
        refused: `I could not remove ${platform.name}: a strategy keeps at least ${OUTPUT_BOUNDS.platform_recommendations.min} platforms, so add another first`,
      };
    }
    recommendations.splice(index, 1);
    delete this.strategy.platform_schedule;
    const kept = sentences(this.strategy.posting_schedule).filter((sentence) => !named(sentence));
    if (kept.length > 0) this.strategy.posting_schedule = kept.join(" ");
    return { changed: `removed ${platform.name}` };
  }

  private addPlatform(platform: PlatformProfile, emphasis: boolean): Outcome {
    const named = (text: string) => mentionsPlatform(text, platform.id);
    const recommendations = this.strategy.platform_recommendations;
    const existing = recommendations.find((recommendation) => named(recommendation.platform));
    if (existing) {
      if (!emphasis || existing.priority === "high") return { kept: `${platform.name} was already in the strategy at ${existing.priority} priority` };
      existing.priority = "high";
      return { changed: `raised ${platform.name} to high priority` };
    }
    if (recommendations.length >= OUTPUT_BOUNDS.platform_recommendations.max) {
      return { refused: `I could not add ${platform.name}: a strategy holds at most ${OUTPUT_BOUNDS.platform_recommendations.max} platforms` };
    }
    const audience = this.brief ? `"${quote(this.brief.target_audience)}"` : "the audience";
    recommendations.push({
      platform: platform.name,
      priority: emphasis ? "high" : "medium",
      rationale: `Added at your request: ${platform.name} reaches ${audience} through ${platform.strength}.`,
    });
    this.strategy.posting_schedule = `${this.strategy.posting_schedule} ${platform.name}: ${platform.cadence}.`.slice(0, 4000);
    delete this.strategy.platform_schedule;
    return { changed: `added ${platform.name} at ${emphasis ? "high" : "medium"} priority` };
  }
}

/** The offline model's `refine` writer: the current strategy from the system prompt, the instruction from the turn. */
export const writeRefinement: OfflineWriter = ({ prompt, system }) => {
  const current = readCurrentStrategy(system);
  const instruction = readInstruction(prompt);
  if (!current || instruction === undefined) {
    return { text: "The offline refiner needs the current strategy in <current_strategy> and the instruction in <instruction>." };
  }
  const { change_summary, ...refined } = new OfflineRefiner(current, parseBriefSlots(system), readResultsSlot(system)).apply(instruction);
  // The brand's banned words never survive a refine, whatever the instruction asked for.
  return { output: { ...scrubValue(refined, parseVoiceSlot(system)?.banned_words ?? []), change_summary } };
};
