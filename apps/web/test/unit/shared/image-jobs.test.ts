import type { ImageJob } from "@strategist/schemas";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { imageContentPath, isRunning, latestJobPerPrompt, progressLabel } from "@/shared/image-jobs";

const job = (jobId: string, prompt: string, status: ImageJob["status"] = "completed"): ImageJob => ({
  job_id: jobId,
  strategy_id: "s",
  prompt,
  model: "offline-image",
  status,
  progress: status === "completed" ? 100 : 0,
  attempts: 1,
  created_at: "2026-11-30T00:00:00.000Z",
  updated_at: "2026-11-30T00:00:00.000Z",
});

describe("image jobs on the page", () => {
  it("shows, for each visual prompt, the newest job drawn from that prompt and none for the others", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 20 }), { minLength: 2, maxLength: 3 }),
        fc.array(fc.nat(2), { maxLength: 8 }),
        (prompts, picks) => {
          // The API lists jobs newest first.
          const jobs = picks.filter((index) => index < prompts.length).map((index, position) => job(`j${position}`, prompts[index]!));
          const latest = latestJobPerPrompt(prompts, jobs);
          prompts.forEach((prompt, index) => {
            expect(latest[index]).toBe(jobs.find((candidate) => candidate.prompt === prompt));
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  it("links images through the web origin's proxy, escaping the job id", () => {
    expect(imageContentPath("abc")).toBe("/api/images/jobs/abc/content");
    expect(imageContentPath("a/b?c", true)).toBe("/api/images/jobs/a%2Fb%3Fc/content?download=1");
  });

  it("tells a waiting job from a drawing, a storing and a finished one", () => {
    expect(isRunning({ status: "queued" })).toBe(true);
    expect(isRunning({ status: "processing" })).toBe(true);
    expect(isRunning({ status: "completed" })).toBe(false);
    expect(isRunning({ status: "failed" })).toBe(false);
    expect(progressLabel({ status: "queued", progress: 0 })).toMatch(/Waiting/);
    expect(progressLabel({ status: "processing", progress: 10 })).toMatch(/Drawing/);
    expect(progressLabel({ status: "processing", progress: 90 })).toMatch(/Storing/);
  });
});
