"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ImageJob, StrategyRecord } from "@strategist/schemas";
import { imageContentPath, isRunning, latestJobPerPrompt, progressLabel } from "@/shared/image-jobs";
import { readImageJob, startImageJob } from "./requests";
import "./images.css";

const POLL_MS = 700;

/** One visual prompt: the button, the progress bar, the finished image or the failure with a retry. */
function PromptImage({ strategyId, index, prompt, initial }: { strategyId: string; index: number; prompt: string; initial?: ImageJob }) {
  const [job, setJob] = useState<ImageJob | undefined>(initial);
  const [error, setError] = useState<string>();
  const [starting, setStarting] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const follow = useCallback((jobId: string) => {
    const poll = async () => {
      const result = await readImageJob(jobId);
      if (!result.ok) {
        setError(result.failure.detail);
        return;
      }
      setJob(result.value);
      if (isRunning(result.value)) follow(jobId);
    };
    clearTimeout(timer.current);
    // An unreadable answer is a failed read, not an unhandled rejection in the browser.
    timer.current = setTimeout(() => void poll().catch(() => setError("Could not read the image job")), POLL_MS);
  }, []);

  // Polling stops only when the prompt leaves the page, never because the job list was read again.
  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    if (!initial) return;
    // A list read before this page started a newer job must not replace (or stop following) that job.
    setJob((current) => (current && current.job_id !== initial.job_id && current.created_at > initial.created_at ? current : initial));
    if (isRunning(initial)) follow(initial.job_id);
  }, [initial, follow]);

  async function generate() {
    setStarting(true);
    setError(undefined);
    const result = await startImageJob(strategyId, index);
    setStarting(false);
    if (!result.ok) {
      setError(result.failure.detail);
      return;
    }
    const accepted = result.value;
    setJob({
      job_id: accepted.job_id,
      strategy_id: strategyId,
      prompt,
      model: "",
      status: "queued",
      progress: 0,
      attempts: 0,
      created_at: accepted.created_at,
      updated_at: accepted.created_at,
    });
    follow(accepted.job_id);
  }

  const running = job !== undefined && isRunning(job);
  return (
    <li className="prompt" data-testid={`image-prompt-${index}`}>
      <div className="prompt-head">
        <h3>Prompt {index + 1}</h3>
        {!running && job?.status !== "completed" && (
          <button type="button" className="button secondary" onClick={() => void generate()} disabled={starting}>
            {job?.status === "failed" ? "Try again" : "Generate image"}
          </button>
        )}
      </div>
      {running && (
        <div className="image-progress">
          <progress max={100} value={job.progress} aria-label={`Image for prompt ${index + 1}`} />
          <span role="status">{progressLabel(job)}</span>
        </div>
      )}
      {job?.status === "completed" && job.image && (
        <figure className="generated-image">
          {/* A plain <img>, not next/image: a private image behind the session, not a static asset. */}
          <img src={imageContentPath(job.job_id)} alt={prompt} width={job.image.width} height={job.image.height} loading="lazy" />
          <figcaption>
            <a className="button secondary" href={imageContentPath(job.job_id, true)} download>
              Download image
            </a>
            <button type="button" className="link-button" onClick={() => void generate()} disabled={starting}>
              Generate another
            </button>
          </figcaption>
        </figure>
      )}
      {job?.status === "failed" && (
        <p className="field-error" role="alert">
          {job.error?.detail ?? "The image could not be generated."}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

/** "Images" for a strategy: each visual prompt can be drawn; the latest image of each is shown. */
export function StrategyImages({ strategy, initialJobs }: { strategy: StrategyRecord; initialJobs: ImageJob[] }) {
  // The same prompts after a refresh (a refine reloads the page's strategy) are the same list.
  const promptsKey = JSON.stringify(strategy.strategy_output.visual_prompts);
  const prompts = useMemo(() => JSON.parse(promptsKey) as string[], [promptsKey]);
  // The page reads the jobs with the strategy; after a refresh (a refine) it reads them again.
  const jobs = useMemo(() => latestJobPerPrompt(prompts, initialJobs), [prompts, initialJobs]);

  return (
    <section className="section" aria-labelledby="images-title" id="images">
      <h2 id="images-title">Images</h2>
      <p className="muted">Turn each visual prompt above into a picture. Images are private to your account.</p>
      <ol className="prompts">
        {prompts.map((prompt, index) => (
          <PromptImage key={`${index}-${prompt}`} strategyId={strategy.id} index={index} prompt={prompt} initial={jobs[index]} />
        ))}
      </ol>
    </section>
  );
}
