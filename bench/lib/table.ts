import { meetsTarget, type Metric } from './metric'

// The readable report: one row per metric, the target beside it and whether it was met.

const fmt = (n: number | undefined) => (n === undefined ? '' : n >= 100 ? n.toFixed(0) : n.toFixed(3))

function targetText(m: Metric): string {
  if (!m.target) return ''
  const unit = m.target.field === 'peak_rss_mb' ? ' MB' : m.target.field === 'n' ? '' : ' ms'
  return `${m.target.field.replace(/_ms|_mb/, '')} ≤ ${m.target.max}${unit}`
}

export function formatTable(metrics: readonly Metric[]): string {
  const header = ['name', 'p50 ms', 'p95 ms', 'p99 ms', 'value', 'n', 'target', 'ok?']
  const rows = metrics.map((m) => {
    const ok = meetsTarget(m)
    const value = m.ms !== undefined ? `${fmt(m.ms)} ms` : m.peak_rss_mb !== undefined ? `${m.peak_rss_mb} MB` : ''
    return [m.name, fmt(m.p50_ms), fmt(m.p95_ms), fmt(m.p99_ms), value, m.n === undefined ? '' : String(m.n), targetText(m), ok === null ? '' : ok ? 'yes' : 'NO']
  })
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 || i === 6 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

/** The machine-readable report: exactly one JSON object on stdout. */
export function formatJson(metrics: readonly Metric[]): string {
  return JSON.stringify({
    metrics: metrics.map((m) => {
      const ok = meetsTarget(m)
      const { target, ...figures } = m
      return { ...figures, ...(target ? { [`target_${target.field}`]: target.max, ok } : {}) }
    }),
  })
}
