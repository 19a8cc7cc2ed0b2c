import { monitorEventLoopDelay } from "node:perf_hooks";

/** What the probe saw since its last reset; times in milliseconds, memory in MiB. */
export interface ProbeReading {
  rssMiB: number;
  peakRssMiB: number;
  eventLoopDelayP50Ms: number;
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
  /** CPU time (user + system) over wall time, in percent of one core. */
  cpuPercent: number;
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
      };
      if (reset) {
        delay.reset();
        peak = rss;
        cpuFrom = process.cpuUsage();
        wallFrom = performance.now();
      }
      return reading;
    },
    stop() {
      clearInterval(sampler);
      delay.disable();
    },
  };
}
