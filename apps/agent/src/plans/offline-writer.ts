import type { OfflineWriter } from "../agent/offline-writers";
import { rewritePost, writePlan, type PlanBrief, type RewriteBrief } from "./copywriter";

/** The offline model's `plan` task: the deterministic copywriter on the strategy in the prompt's slot. */
export const offlinePlanWriter: OfflineWriter = ({ prompt }) => {
  const brief = readSlot(prompt, "plan_request") as PlanBrief | undefined;
  return brief ? { output: writePlan(brief) } : { text: "The offline copywriter needs a strategy in <plan_request> tags." };
};

/** The offline model's `rewrite` task. */
export const offlineRewriteWriter: OfflineWriter = ({ prompt }) => {
  const brief = readSlot(prompt, "rewrite_request") as RewriteBrief | undefined;
  return brief ? { output: rewritePost(brief) } : { text: "The offline copywriter needs a post in <rewrite_request> tags." };
};

/** The JSON inside a prompt's `<name>` slot, or undefined when there is none or it does not parse. */
export function readSlot(prompt: string, name: string): unknown {
  const match = new RegExp(`<${name}>\\s*([\\s\\S]*?)\\s*</${name}>`).exec(prompt);
  if (!match) return undefined;
  try {
    return JSON.parse(match[1]!);
  } catch {
    return undefined;
  }
}
