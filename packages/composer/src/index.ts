export { composeStrategy, splitIntoChunks } from "./compose";
export { formatBriefSlots, formatVoiceSlot, parseBriefSlots, parseVoiceSlot } from "./slots";
export { applyVoice, register, scrubBannedWords, scrubValue } from "./voice";
export { suggestVoice } from "./suggest-voice";
