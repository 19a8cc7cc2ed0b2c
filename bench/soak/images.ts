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
export async function runImageTraffic(options: {
  baseUrl: string;
  user: SoakUser;
  ledger: Ledger;
  bedrock: LocalBedrock;
  random: Random;
  until: number;
}): Promise<{ accepted: AcceptedImageJob[]; refused: number; targets: ImageTarget[] }> {
  const { baseUrl, user, ledger, bedrock, random, until } = options;
  const accepted: AcceptedImageJob[] = [];
  const targets = new Map<string, ImageTarget>();
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
    const strategyId = random.pick(strategies);
    // Every strategy asked for an image is listed at the end: a job can be created while its 202 is lost (the
    // soak kills the agent that was answering), and such a job's object is not an orphan.
    targets.set(strategyId, { user, strategyId });
    const outcome = await call(`${baseUrl}/api/strategy/${strategyId}/images`, {
      token: user.token,
      method: "POST",
      body: { prompt_index: random.int(0, 1) },
      timeoutMs: 10_000,
    });
    if ("status" in outcome && outcome.status === 202) accepted.push({ user, jobId: (outcome.body as { job_id: string }).job_id });
    else refused++;
  }
  return { accepted, refused, targets: [...targets.values()] };
}

/** A strategy the soak asked images for, and its owner. */
interface ImageTarget {
  user: SoakUser;
  strategyId: string;
}

type JobView = { job_id: string; status: string; strategy_id: string };

/** Every job of the strategies the soak asked images for, as the API lists them now. */
async function listedJobs(baseUrl: string, targets: ImageTarget[]): Promise<Map<string, JobView>> {
  const jobs = new Map<string, JobView>();
  for (const { user, strategyId } of targets) {
    const outcome = await call(`${baseUrl}/api/strategy/${strategyId}/images?limit=100`, { token: user.token, timeoutMs: 10_000 });
    if ("status" in outcome && outcome.status === 200) for (const job of outcome.body as JobView[]) jobs.set(job.job_id, job);
  }
  return jobs;
}

/**
 * Waits until every accepted job is completed or failed (the sweep and the leases finish what the SIGKILL
 * interrupted), then reconciles against the bucket: every completed job's object exists, no object belongs to
 * anything but a completed job.
 */
export async function reconcileImages(options: {
  baseUrl: string;
  jobs: AcceptedImageJob[];
  targets: ImageTarget[];
  s3Endpoint: string;
  timeoutMs: number;
}): Promise<Verdict> {
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
  // Jobs created whose 202 never arrived: they too must end completed or failed.
  const accepted = new Set(jobs.map((job) => job.jobId));
  let unacknowledged = new Map<string, JobView>();
  do {
    unacknowledged = new Map([...(await listedJobs(baseUrl, options.targets))].filter(([jobId]) => !accepted.has(jobId)));
    if ([...unacknowledged.values()].every((job) => job.status === "completed" || job.status === "failed")) break;
    await sleep(500);
  } while (Date.now() < deadline);
  const s3 = createS3Client({ region: "us-east-1", endpoint: options.s3Endpoint });
  const keys = await listObjectKeys(s3, IMAGE_BUCKET);
  s3.destroy();
  const completed = [...final].filter(([, job]) => job.status === "completed");
  const completedUnacknowledged = [...unacknowledged.values()].filter((job) => job.status === "completed");
  const expectedKeys = new Set([
    ...completed.map(([jobId, job]) => `images/${encodeURIComponent(job.strategyId)}/${jobId}.png`),
    ...completedUnacknowledged.map((job) => `images/${encodeURIComponent(job.strategy_id)}/${job.job_id}.png`),
  ]);
  const stuck = jobs.length - final.size + [...unacknowledged.values()].filter((job) => job.status !== "completed" && job.status !== "failed").length;
  const missing = [...expectedKeys].filter((key) => !keys.includes(key)).length;
  const orphans = keys.filter((key) => !expectedKeys.has(key)).length;
  return {
    check: "f. every image job ends completed or failed; each completed job's object exists; no orphan objects",
    pass: stuck === 0 && missing === 0 && orphans === 0,
    numbers:
      `${jobs.length} accepted: ${completed.length} completed, ${final.size - completed.length} failed; ${unacknowledged.size} created whose 202 was lost: ` +
      `${completedUnacknowledged.length} completed; ${stuck} unfinished; objects ${keys.length}, missing ${missing}, orphans ${orphans}`,
  };
}
