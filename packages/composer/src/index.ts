export { briefCopy, composeStrategy, splitIntoChunks, type ComposeOptions } from "./compose";
export { classifyBrief } from "./classify";
export { formatBriefSlots, formatVoiceSlot, parseBriefSlots, parseVoiceSlot } from "./slots";
export { detectLanguage, FUNCTION_WORDS } from "./language";
export { PLATFORMS, type PlatformProfile } from "./platform-profiles";
export { applyVoice, scrubBannedWords, scrubValue } from "./voice";
export { suggestVoice } from "./suggest-voice";
export { answerLanguage, type WrittenLanguage } from "./language";
