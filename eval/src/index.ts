export { CHECKS, FILLER, runChecks, canonicalPlatform, similarity, type CheckName, type CheckResult } from "./checks";
export { DEFAULT_BRIEFS_FILE, loadGoldenSet, type GoldenBrief, type Expectations } from "./golden";
export { runSuite, type BriefResult, type RunOptions, type RunOutput } from "./runner";
export { buildScorecards, comparisonMarkdown, scorecardMarkdown, type Scorecard } from "./scorecard";
