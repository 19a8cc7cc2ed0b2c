import { setTimeout as sleep } from "node:timers/promises";
import type { LocalBedrock } from "@strategist/local-bedrock";
import { CONTENT_FILTER_MESSAGE } from "@strategist/local-bedrock";
import { createS3Client, listObjectKeys } from "@strategist/storage";
import type { Verdict } from "./checks";
import { call } from "./client";
import type { Random } from "./random";
import type { Ledger, SoakUser } from "./traffic";

export const IMAGE_MODEL = "amazon.nova-canvas-v1:0";
export const IMAGE_BUCKET = "images-soak";

/** A job the agent accepted with 202. */
interface AcceptedImageJob {
  user: SoakUser;
  jobId: string;
}

/**
 * Image traffic of one user: now and then an image job for one of the strategies the user got back, while the
 * image model throttles, fails, refuses or answers slowly at random. Returns the jobs answered with 202.
 */
export async function runImageTraffic(options: { baseUrl: string; user: SoakUser; ledger: Ledger; bedrock: LocalBedrock; random: Random; until: number }): Promise<{ accepted: AcceptedImageJob[]; refused: number }> {
  const { baseUrl, user, ledger, bedrock, random, until } = options;
  const accepted: AcceptedImageJob[] = [];
  let refused = 0;
  while (Date.now() < until) {
    await sleep(random.int(300, 900));
    const strategies = ledger.acknowledged.get(user.userId) ?? [];
    if (strategies.length === 0) continue;
    if (random.chance(0.4)) {
      bedrock.script(
        random.pick([
          { kind: "httpError", error: "ThrottlingException", modelId: IMAGE_MODEL },
          { kind: "httpError", error: "InternalServerException", modelId: IMAGE_MODEL },
          { kind: "httpError", error: "ValidationException", message: CONTENT_FILTER_MESSAGE, modelId: IMAGE_MODEL },
          { kind: "answer", firstByteDelayMs: random.int(200, 1500), modelId: IMAGE_MODEL },
        ] as const),
      );
    }
    const outcome = await call(`${baseUrl}/api/strategy/${random.pick(strategies)}/images`, { token: user.token, method: "POST", body: { prompt_index: random.int(0, 1) }, timeoutMs: 10_000 });
    if ("status" in outcome && outcome.status === 202) accepted.push({ user, jobId: (outcome.body as { job_id: string }).job_id });
    else refused++;
  }
  return { accepted, refused };
}

/**
 * Waits until every accepted job is completed or failed (the sweep and the leases finish what the SIGKILL
 * interrupted), then reconciles against the bucket: every completed job's object exists, no object belongs to
 * anything but a completed job.
 */
export async function reconcileImages(options: { baseUrl: string; jobs: AcceptedImageJob[]; s3Endpoint: string; timeoutMs: number }): Promise<Verdict> {
  const { baseUrl, jobs } = options;
  const deadline = Date.now() + options.timeoutMs;
  const final = new Map<string, { status: string; strategyId: string }>();
  while (Date.now() < deadline && final.size < jobs.length) {
    for (const job of jobs.filter((candidate) => !final.has(candidate.jobId))) {
      const outcome = await call(`${baseUrl}/api/images/jobs/${job.jobId}`, { token: job.user.token, timeoutMs: 10_000 });
      const body = "status" in outcome && outcome.status === 200 ? (outcome.body as { status: string; strategy_id: string }) : undefined;
      if (body && (body.status === "completed" || body.status === "failed")) final.set(job.jobId, { status: body.status, strategyId: body.strategy_id });
    }
    if (final.size < jobs.length) await sleep(500);
  }
  const s3 = createS3Client({ region: "us-east-1", endpoint: options.s3Endpoint });
  const keys = await listObjectKeys(s3, IMAGE_BUCKET);
  s3.destroy();
  const completed = [...final].filter(([, job]) => job.status === "completed");
  const expectedKeys = new Set(completed.map(([jobId, job]) => `images/${encodeURIComponent(job.strategyId)}/${jobId}.png`));
  const stuck = jobs.length - final.size;
  const missing = [...expectedKeys].filter((key) => !keys.includes(key)).length;
  const orphans = keys.filter((key) => !expectedKeys.has(key)).length;
  return {
    check: "f. every 202 image job ends completed or failed; each completed job's object exists; no orphan objects",
    pass: stuck === 0 && missing === 0 && orphans === 0,
    numbers: `${jobs.length} accepted: ${completed.length} completed, ${final.size - completed.length} failed, ${stuck} unfinished; objects ${keys.length}, missing ${missing}, orphans ${orphans}`,
  };
}
