import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";

/** What the probe saw since its last reset; times in milliseconds, memory in MiB. */
export interface ProbeReading {
  rssMiB: number;
  peakRssMiB: number;
  eventLoopDelayP50Ms: number;
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
  /** CPU time (user + system) over wall time, in percent of one core. */
  cpuPercent: number;
  /** Timer samples behind the event-loop delay percentiles. */
  eventLoopSamples: number;
  /** Garbage-collection pauses (perf_hooks "gc" entries): how many, the longest, and how many lasted 20 ms or more. */
  gcPauses: number;
  gcMaxMs: number;
  gcOver20Ms: number;
  /** The service's own time per request that ran alone (see servers.ts), p50 / p99, and how many were counted. */
  ownTimeP50Ms: number;
  ownTimeP99Ms: number;
  ownTimeCount: number;
}

const MiB = 1024 * 1024;
const RESOLUTION_MS = 10;
const round = (value: number) => Math.round(value * 10) / 10;
// The histogram records whole timer intervals (resolution + lateness); the lateness is the delay.
const lateness = (nanoseconds: number) => round(Math.max(0, nanoseconds / 1e6 - RESOLUTION_MS));

/**
 * Watches the process it runs in: event-loop delay (perf_hooks histogram) and resident memory, sampled often
 * enough to catch the peak of a burst. read(true) starts a new window after reading.
 */
export function startProcessProbe(sampleEveryMs = 50) {
  const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  delay.enable();
  let peak = process.memoryUsage.rss();
  let cpuFrom = process.cpuUsage();
  let wallFrom = performance.now();
  let gc = { count: 0, max: 0, over20: 0 };
  let own: number[] = [];
  const ownAt = (q: number) => (own.length === 0 ? 0 : round([...own].sort((a, b) => a - b)[Math.min(own.length - 1, Math.floor(q * own.length))]!));
  const gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc.count++;
      gc.max = Math.max(gc.max, entry.duration);
      if (entry.duration >= 20) gc.over20++;
    }
  });
  gcObserver.observe({ entryTypes: ["gc"] });
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, sampleEveryMs);
  sampler.unref();
  return {
    read(reset: boolean): ProbeReading {
      const rss = process.memoryUsage.rss();
      const cpu = process.cpuUsage(cpuFrom);
      const reading = {
        cpuPercent: Math.round((cpu.user + cpu.system) / 10 / (performance.now() - wallFrom)),
        rssMiB: round(rss / MiB),
        peakRssMiB: round(Math.max(peak, rss) / MiB),
        eventLoopDelayP50Ms: lateness(delay.percentile(50)),
        eventLoopDelayP99Ms: lateness(delay.percentile(99)),
        eventLoopDelayMaxMs: lateness(delay.max),
        eventLoopSamples: delay.count,
        gcPauses: gc.count,
        gcMaxMs: round(gc.max),
        gcOver20Ms: gc.over20,
        ownTimeP50Ms: ownAt(0.5),
        ownTimeP99Ms: ownAt(0.99),
        ownTimeCount: own.length,
      };
      if (reset) {
        delay.reset();
        peak = rss;
        cpuFrom = process.cpuUsage();
        wallFrom = performance.now();
        gc = { count: 0, max: 0, over20: 0 };
        own = [];
      }
      return reading;
    },
    /** Records one request's own time (ms). */
    ownTime(ms: number) {
      own.push(ms);
    },
    stop() {
      clearInterval(sampler);
      delay.disable();
      gcObserver.disconnect();
    },
  };
}
