import { chartGeometry, formatValue, type Band, type ChartPoint, type TargetUnit } from './target-format'

interface Props {
  series: readonly { month: string; value: number | null }[]
  band: Band
  unit: TargetUnit
  kind: 'line' | 'bar'
  label: string
  /** The month picked (drilled into), drawn highlighted. */
  selected?: string | null
  onPick(month: string): void
  pointLabel(point: ChartPoint): string
}

const W = 320
const H = 118
const LEFT = 36
const BOTTOM = 18
const TOP = 6

const COLOUR = { ok: '#389e0d', low: '#cf1322', high: '#d46b08', none: '#bfbfbf' } as const

/**
 * A month-by-month chart drawn in SVG: the target band shaded, the values as a line (levels) or
 * bars (monthly rates) coloured by whether they are in the band. Every month is a button: click,
 * or Tab to it and press Enter, to see the ROs and parts behind it.
 */
export function TrendChart({ series, band, unit, kind, label, selected, onPick, pointLabel }: Props) {
  const plotW = W - LEFT
  const plotH = H - BOTTOM - TOP
  const g = chartGeometry(series, band, unit, plotW, plotH)
  const x = (v: number) => LEFT + v
  const y = (v: number) => TOP + v
  const hasBand = band.min !== null || band.max !== null
  const path = g.points
    .reduce<string[]>((parts, p, i) => {
      if (p.y === null) return parts
      const prev = g.points[i - 1]
      parts.push(`${prev && prev.y !== null ? 'L' : 'M'}${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`)
      return parts
    }, [])
    .join(' ')
  const barW = Math.max(4, Math.min(22, g.slot * 0.6))
  const every = Math.ceil(series.length / 12)

  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="trend-chart" role="group" aria-label={label}>
      {hasBand && <rect x={LEFT} width={plotW} y={y(g.bandTop)} height={Math.max(0, g.bandBottom - g.bandTop)} className="trend-band" />}
      {g.ticks.map((v) => (
        <g key={v}>
          <line x1={LEFT} x2={W} y1={y(g.yOf(v))} y2={y(g.yOf(v))} className="trend-grid" />
          <text x={LEFT - 4} y={y(g.yOf(v)) + 3} className="trend-tick" textAnchor="end">
            {formatValue(v, unit)}
          </text>
        </g>
      ))}
      {kind === 'line' && path && <path d={path} className="trend-line" />}
      {g.points.map((p, i) => {
        const picked = p.month === selected
        const name = pointLabel(p)
        return (
          <g
            key={p.month}
            role="button"
            tabIndex={0}
            aria-label={name}
            aria-pressed={picked}
            className={picked ? 'trend-point trend-picked' : 'trend-point'}
            onClick={() => onPick(p.month)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault()
                onPick(p.month)
              }
            }}
          >
            <title>{name}</title>
            <rect x={x(p.x - g.slot / 2)} width={g.slot} y={TOP} height={plotH} className="trend-hit" />
            {p.y !== null && kind === 'bar' && (
              <rect x={x(p.x - barW / 2)} width={barW} y={y(Math.min(p.y, g.yOf(Math.max(g.lo, 0))))} height={Math.abs(g.yOf(Math.max(g.lo, 0)) - p.y)} fill={COLOUR[p.status]} rx={1.5} />
            )}
            {p.y !== null && kind === 'line' && <circle cx={x(p.x)} cy={y(p.y)} r={picked ? 4 : 2.8} fill={COLOUR[p.status]} />}
            {(i % every === 0 || i === series.length - 1) && (
              <text x={x(p.x)} y={H - 5} className="trend-month" textAnchor="middle">
                {p.month.slice(5)}
              </text>
            )}
          </g>
        )
      })}
    </svg>
  )
}
