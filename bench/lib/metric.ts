// What every benchmark area reports: latency figures from repeated calls, or one-shot figures.
// The names are stable (`area.operation.layer`) because CI and the lead compare runs by name.

export type TargetField = 'p50_ms' | 'p95_ms' | 'ms' | 'peak_rss_mb' | 'n'

export interface Metric {
  name: string
  p50_ms?: number
  p95_ms?: number
  p99_ms?: number
  /** One-shot duration. */
  ms?: number
  peak_rss_mb?: number
  /** How many timed iterations the percentiles come from. */
  n?: number
  /** The figure must be at most `max` to meet the goal. */
  target?: { field: TargetField; max: number }
}

/** Nearest-rank percentile with linear interpolation; `sorted` ascending. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = (p / 100) * (sorted.length - 1)
  const lo = Math.floor(rank)
  const hi = Math.ceil(rank)
  const a = sorted[lo] ?? 0
  const b = sorted[hi] ?? a
  return a + (b - a) * (rank - lo)
}

const round = (ms: number) => Math.round(ms * 1000) / 1000

export function latencyMetric(name: string, samplesMs: readonly number[], target?: Metric['target']): Metric {
  const sorted = [...samplesMs].sort((a, b) => a - b)
  return {
    name,
    p50_ms: round(percentile(sorted, 50)),
    p95_ms: round(percentile(sorted, 95)),
    p99_ms: round(percentile(sorted, 99)),
    n: sorted.length,
    ...(target ? { target } : {}),
  }
}

/** True, false, or null when the metric has no target. */
export function meetsTarget(metric: Metric): boolean | null {
  if (!metric.target) return null
  const value = metric[metric.target.field]
  return value !== undefined && value <= metric.target.max
}

/**
 * Times `fn` `iterations` times after `warmup` untimed calls (which let V8 optimise and SQLite
 * fill its page cache). `fn(i)` gets the iteration number so callers can rotate through inputs.
 */
export async function timeCalls(fn: (i: number) => unknown, options: { warmup: number; iterations: number }): Promise<number[]> {
  for (let i = 0; i < options.warmup; i++) await fn(i)
  const samples: number[] = []
  for (let i = 0; i < options.iterations; i++) {
    const start = performance.now()
    await fn(options.warmup + i)
    samples.push(performance.now() - start)
  }
  return samples
}

export function peakRssMb(): number {
  // maxRSS is in kilobytes on Linux and macOS.
  return Math.round(process.resourceUsage().maxRSS / 1024)
}
