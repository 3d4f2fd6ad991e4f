/**
 * Measuring helpers shared by the suites: wall clocks, percentiles, an RSS
 * sampler and heap measurement around a build.
 *
 * @example
 * const sampler = new RssSampler(50);
 * sampler.start();
 * await work();
 * const { peakRssBytes } = sampler.stop();
 */
import { performance } from "node:perf_hooks";

export interface Summary {
  count: number;
  min: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** The value at quantile `q` (0–1) of already sorted samples, by linear interpolation between ranks. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const weight = position - lower;
  return sorted[lower]! * (1 - weight) + sorted[upper]! * weight;
}

export function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    count: sorted.length,
    min: sorted[0] ?? Number.NaN,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/** Milliseconds since an arbitrary origin, sub-millisecond resolution. */
export function now(): number {
  return performance.now();
}

/** Runs `work` and returns its result with the wall time in milliseconds. */
export async function timed<T>(work: () => Promise<T> | T): Promise<{ result: T; ms: number }> {
  const start = now();
  const result = await work();
  return { result, ms: now() - start };
}

/**
 * Samples `process.memoryUsage().rss` on a timer. Worker threads live in the
 * same process, so their memory is part of the figure. The main thread may be
 * busy in synchronous SQLite calls, so samples can arrive late; the peak is a
 * lower bound, which is why `process.resourceUsage().maxRSS` is reported too.
 */
export class RssSampler {
  private timer: NodeJS.Timeout | undefined;
  private peak = 0;
  private samples = 0;

  constructor(private readonly intervalMs = 50) {}

  start(): void {
    this.peak = process.memoryUsage().rss;
    this.samples = 1;
    this.timer = setInterval(() => {
      this.samples++;
      this.peak = Math.max(this.peak, process.memoryUsage().rss);
    }, this.intervalMs);
  }

  stop(): { peakRssBytes: number; samples: number; maxRssBytes: number } {
    if (this.timer) clearInterval(this.timer);
    this.peak = Math.max(this.peak, process.memoryUsage().rss);
    // resourceUsage().maxRSS is in kilobytes and covers the whole life of the process.
    return { peakRssBytes: this.peak, samples: this.samples, maxRssBytes: process.resourceUsage().maxRSS * 1024 };
  }
}

/** Collects garbage a few times when the process runs with --expose-gc; returns whether it could. */
export function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return false;
  for (let i = 0; i < 3; i++) gc();
  return true;
}

/** `process.memoryUsage().heapUsed` after a full collection (when available). */
export function settledHeapUsed(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

export const MB = 1_000_000;
export const MiB = 1024 * 1024;

export function round(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
