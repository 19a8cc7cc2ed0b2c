export { composeStrategy, splitIntoChunks } from "./compose";
export { formatBriefSlots, formatVoiceSlot, parseBriefSlots, parseVoiceSlot } from "./slots";
export { PLATFORMS, type PlatformProfile } from "./platforms";
export { applyVoice, register, scrubBannedWords, scrubValue } from "./voice";
export { suggestVoice } from "./suggest-voice";
