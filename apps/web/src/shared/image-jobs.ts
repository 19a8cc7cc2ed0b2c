import type { ImageJob } from "@strategist/schemas";

/** Where the browser loads a finished image: the agent's content route through the web proxy (same origin). */
export function imageContentPath(jobId: string, download = false): string {
  return `/api/images/jobs/${encodeURIComponent(jobId)}/content${download ? "?download=1" : ""}`;
}

/** The newest job for each visual prompt, by prompt index (jobs arrive newest first). */
export function latestJobPerPrompt(prompts: readonly string[], jobs: readonly ImageJob[]): (ImageJob | undefined)[] {
  return prompts.map((prompt) => jobs.find((job) => job.prompt === prompt));
}

/** Whether a job is still on its way. */
export function isRunning(job: Pick<ImageJob, "status">): boolean {
  return job.status === "queued" || job.status === "processing";
}

/** The progress bar's words for a job. */
export function progressLabel(job: Pick<ImageJob, "status" | "progress">): string {
  if (job.status === "queued") return "Waiting for a worker…";
  if (job.progress >= 90) return "Storing the image…";
  if (job.progress >= 50) return "Image drawn, saving…";
  return "Drawing the image…";
}
