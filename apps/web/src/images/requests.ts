import { call } from "@/api/client";

/** Starts drawing the visual prompt at `promptIndex`; the agent answers 202 with the job's id. */
export function startImageJob(id: string, promptIndex: number) {
  return call((api) => api.POST("/api/strategy/{id}/images", { params: { path: { id } }, body: { prompt_index: promptIndex } }));
}

/** One job as it is now (progress, result or failure). */
export function readImageJob(jobId: string) {
  return call((api) => api.GET("/api/images/jobs/{job_id}", { params: { path: { job_id: jobId } } }));
}
