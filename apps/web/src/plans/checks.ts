// The zod checks of the article stream's events. requests.ts loads this module on the first article, so the plan
// page's first load carries no schemas.
export { ErrorEvent, RepurposeResult, SectionEvent } from "@strategist/schemas";
