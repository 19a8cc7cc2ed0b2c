/** A versioned system prompt: its id is recorded with each eval scorecard (docs/eval.md). */
export interface StrategyPrompt {
  /** `<capability>.v<N>`; a new wording gets a new version, never an edit in place. */
  id: string;
  system: string;
}
