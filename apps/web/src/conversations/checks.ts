import {
  ConversationMessage,
  STRATEGY_SECTIONS,
  StrategyOutput,
  StrategyRecord,
  VersionSummary,
  type SectionEvent,
  type StrategySection,
} from "@strategist/schemas";
import { z } from "zod";
import { checkedBy } from "@/shared/checked";
import type { SectionContent } from "@/strategies/StrategySections";

// The zod checks of the conversation's answers. requests.ts loads this module on the first call, so the strategy
// page's first load carries no schemas.

export { ErrorEvent, SectionEvent, StrategyRecord } from "@strategist/schemas";
export const messagesCheck = checkedBy(z.array(ConversationMessage));
export const versionsCheck = checkedBy(z.array(VersionSummary));
export const recordCheck = checkedBy(StrategyRecord);

/** A finished section of a `section` event, checked against the strategy's schema; undefined for anything else. */
export function revisedSection(event: SectionEvent): SectionContent | undefined {
  if (!event.complete || !(STRATEGY_SECTIONS as readonly string[]).includes(event.section)) return undefined;
  const section = event.section as StrategySection;
  const value = StrategyOutput.shape[section].safeParse(event.value);
  return value.success ? ({ section, value: value.data } as SectionContent) : undefined;
}
