/** Dates read the same on the server and in the browser (fixed locale and zone), so hydration never differs. */
const DATE = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });

export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : DATE.format(date);
}

export const OFFLINE_MODEL = "offline";

/** A readable model name: "us.anthropic.claude-sonnet-4-20250514-v1:0" reads "Claude Sonnet 4". */
export function modelName(model: string): string {
  if (model === OFFLINE_MODEL) return "Offline model";
  const bare = model
    .replace(/^(us|eu|apac|global)\./, "")
    .replace(/^[a-z0-9-]+\./, "")
    .replace(/-\d{8}(-v\d+(:\d+)?)?$/, "")
    .replace(/-v\d+(:\d+)?$/, "");
  const words = bare.split(/[-_]/).filter(Boolean);
  return words.length ? words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join(" ") : model;
}
