import type { InsightsResponse } from "@strategist/schemas";
import { PLATFORMS, type PlatformId } from "@strategist/schemas/platforms";

export type Insights = InsightsResponse;
export type SlotInsight = NonNullable<Insights["slots"][PlatformId]>[number];

export const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
export const percent = (rate: number) => `${(rate * 100).toFixed(1)} %`;
export const interval = ({ low, high }: { low: number; high: number }) => `${percent(low)} – ${percent(high)}`;
export const clock = (hour: number) => `${String(hour).padStart(2, "0")}:00`;
export const platformName = (platform: PlatformId) => PLATFORMS[platform].label;
