export { composeStrategy, splitIntoChunks } from "./compose";
export { formatBriefSlots, parseBriefSlots } from "./slots";
export { PLATFORMS, type PlatformProfile } from "./platforms";
