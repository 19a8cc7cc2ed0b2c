import { applyVoice, composeStrategy, parseBriefSlots, parseVoiceSlot } from "@strategist/composer";
import type { OfflineWriter } from "../models/offline/protocol";

/** The offline model's `strategy` task: the composer's strategy from the brief's slots. */
export const offlineStrategyWriter: OfflineWriter = ({ prompt }) => {
  const brief = parseBriefSlots(prompt);
  return brief
    ? // The brand's voice, when the prompt carries one, shapes the wording and removes its banned words.
      { output: applyVoice(composeStrategy(brief), parseVoiceSlot(prompt)) }
    : { text: "The offline model writes strategies only: send a brief in <brand_name>, <industry>, <target_audience> and <goals> tags." };
};
