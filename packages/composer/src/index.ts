export { composeStrategy, splitIntoChunks } from "./compose";
export { formatBriefSlots, parseBriefSlots } from "./slots";
