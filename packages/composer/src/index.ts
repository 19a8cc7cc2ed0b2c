export { composeStrategy, readBrief, splitIntoChunks, type ComposeOptions } from "./compose";
export { classifyBrief, FAMILIES, type BriefProfile, type Family, type GoalKind } from "./classify";
export { rankPlatforms, PLATFORM_NAMES, type PlatformId, type RankedPlatform } from "./platforms";
export { formatBriefSlots, formatVoiceSlot, parseBriefSlots, parseVoiceSlot } from "./slots";
export { answerLanguage, detectLanguage, LANGUAGE_NAMES, WRITTEN_LANGUAGES, type DetectedLanguage, type WrittenLanguage } from "./language";
export { PLATFORMS, type PlatformProfile } from "./platform-profiles";
export { applyVoice, register, scrubBannedWords, scrubValue } from "./voice";
export { suggestVoice } from "./suggest-voice";
