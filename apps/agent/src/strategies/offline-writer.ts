import { applyVoice, composeStrategy, parseBriefSlots, parseVoiceSlot } from "@strategist/composer";
import type { OfflineWriter } from "../models/offline/protocol";
import { applyResults, readResultsSlot } from "./results";

/** The offline model's `strategy` task: the composer's strategy from the brief's slots. */
export const offlineStrategyWriter: OfflineWriter = ({ prompt }) => {
  const brief = parseBriefSlots(prompt);
  if (!brief) return { text: "The offline model writes strategies only: send a brief in <brand_name>, <industry>, <target_audience> and <goals> tags." };
  // The brand's results, when the prompt carries them, move the posting schedule and priorities to what worked.
  const evidence = readResultsSlot(prompt);
  const composed = composeStrategy(brief);
  const strategy = evidence ? applyResults(composed, evidence).output : composed;
  // The brand's voice, when the prompt carries one, shapes the wording and removes its banned words.
  return { output: applyVoice(strategy, parseVoiceSlot(prompt)) };
};
