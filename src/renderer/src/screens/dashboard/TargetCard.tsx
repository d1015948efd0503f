import { Button, Card, Tag, Tooltip } from 'antd'
import { useLocale, useT } from '../../i18n'
import { money } from '../../format'
import type { TargetSeriesT } from '../../stores/dashboard-store'
import { bandText, formatValue, LINE_TARGETS, MONEY_TARGETS } from './target-format'
import { TrendChart } from './TrendChart'

const STATUS_COLOUR = { ok: 'green', low: 'red', high: 'orange', none: 'default' } as const

interface Props {
  target: TargetSeriesT
  selectedMonth: string | null
  onDrill(month: string): void
}

/** One of the manual's figures: where it stands now against its target, the months before, the drill-down. */
export function TargetCard({ target, selectedMonth, onDrill }: Props) {
  const t = useT()
  const locale = useLocale()
  const name = t(`target.${target.key}`)
  const last = target.series.at(-1)
  const ratio = (n: number, d: number) => (MONEY_TARGETS.has(target.key) ? `${money(n, locale)} / ${money(d, locale)}` : `${n} / ${d}`)
  const status = target.status

  return (
    <Card
      size="small"
      className={`target-card target-${status}`}
      title={name}
      role="region"
      aria-label={name}
      extra={
        last && (
          <Button size="small" type="link" onClick={() => onDrill(last.month)} aria-label={t('dash.drillOf', { target: name })}>
            {t('dash.drill')}
          </Button>
        )
      }
    >
      <div className="target-head">
        <span className={`target-value target-value-${status}`} aria-label={t('dash.current')}>
          {formatValue(target.current, target.unit)}
        </span>
        <div className="target-meta">
          <Tag color={STATUS_COLOUR[status]}>{t(`dash.status.${status}`)}</Tag>
          <span className="muted">{t('dash.target', { band: bandText(target.band, target.unit) })}</span>
        </div>
      </div>
      <TrendChart
        series={target.series}
        band={target.band}
        unit={target.unit}
        kind={LINE_TARGETS.has(target.key) ? 'line' : 'bar'}
        label={t('dash.trendOf', { target: name })}
        selected={selectedMonth}
        onPick={onDrill}
        pointLabel={(p) => {
          const point = target.series.find((s) => s.month === p.month)
          const value = formatValue(p.value, target.unit)
          return point && point.denominator !== 0 ? `${p.month}: ${value} (${ratio(point.numerator, point.denominator)})` : `${p.month}: ${value}`
        }}
      />
      {last && (
        <Tooltip title={t(`dash.ratio.${target.key}`)}>
          <div className="target-foot muted">{t('dash.thisMonth', { month: last.month, ratio: ratio(last.numerator, last.denominator) })}</div>
        </Tooltip>
      )}
    </Card>
  )
}
