import { modelName, OFFLINE_MODEL } from "@/shared/format";

/** Says which model wrote a strategy; the offline one is flagged so nobody mistakes it for an LLM's work. */
export function ModelBadge({ model }: { model: string }) {
  const offline = model === OFFLINE_MODEL;
  return (
    <span className={`badge ${offline ? "offline" : "model"}`} title={offline ? "Written by the built-in offline model, not by an AI language model" : model}>
      {modelName(model)}
    </span>
  );
}
