export { composeStrategy, splitIntoChunks } from "./compose";
export { formatBriefSlots, parseBriefSlots } from "./slots";
export { answerLanguage, detectLanguage, LANGUAGE_NAMES, WRITTEN_LANGUAGES, type DetectedLanguage, type WrittenLanguage } from "./language";
