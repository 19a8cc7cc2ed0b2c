"use client";

import type { ImageJob } from "@strategist/schemas";
import { useCallback, useEffect, useState } from "react";
import { isRunning, latestJobPerPrompt } from "@/shared/image-jobs";
import { readPostImage, startPostImage } from "./requests";

const POLL_MS = 700;

/**
 * The pictures of a plan's posts: each post shows the newest image of the visual prompt it uses. `generate` draws
 * the pictures of the given prompts; every running job is polled until it finishes, whoever started it.
 */
export function usePostImages(strategyId: string, prompts: readonly string[], initialJobs: readonly ImageJob[]) {
  // The page reads the strategy's image jobs with the plan, so the previews arrive with their pictures.
  const [jobs, setJobs] = useState<(ImageJob | undefined)[]>(() => latestJobPerPrompt(prompts, [...initialJobs]));
  const [problem, setProblem] = useState<string | null>(null);

  const running = jobs.flatMap((job) => (job && isRunning(job) ? [job.job_id] : [])).join(" ");
  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(() => {
      void Promise.all(running.split(" ").map((jobId) => readPostImage(jobId))).then((results) => {
        const fresh = results.flatMap((result) => (result.ok ? [result.value] : []));
        setJobs((current) => current.map((job) => fresh.find((candidate) => candidate.job_id === job?.job_id) ?? job));
      });
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [running, jobs]);

  const generate = useCallback(
    async (promptIndexes: readonly number[]) => {
      setProblem(null);
      const unique = [...new Set(promptIndexes)];
      const results = await Promise.all(unique.map((index) => startPostImage(strategyId, index)));
      const failed = results.find((result) => !result.ok);
      if (failed && !failed.ok) setProblem(failed.failure.detail);
      setJobs((current) => {
        const next = prompts.map((_, index) => current[index]);
        results.forEach((result, position) => {
          if (!result.ok) return;
          const index = unique[position]!;
          next[index] = {
            job_id: result.value.job_id,
            strategy_id: strategyId,
            prompt: prompts[index]!,
            model: "",
            status: "queued",
            progress: 0,
            attempts: 0,
            created_at: result.value.created_at,
            updated_at: result.value.created_at,
          };
        });
        return next;
      });
    },
    [strategyId, prompts],
  );

  return { jobs, generate, problem };
}
