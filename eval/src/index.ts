export { CHECKS, FILLER, runChecks, canonicalPlatform, similarity, type CheckName, type CheckResult } from "./checks";
export { DEFAULT_BRIEFS_FILE, loadGoldenSet, type GoldenBrief, type Expectations } from "./golden";
export { PLAN_START, runSuite, type BriefResult, type PlanResult, type RunOptions, type RunOutput } from "./runner";
export { buildScorecards, comparisonMarkdown, scorecardMarkdown, type Scorecard } from "./scorecard";
export { PLAN_CHECKS, runPlanChecks, type PlanCheckName, type PlanCheckResult } from "./plan-checks";
