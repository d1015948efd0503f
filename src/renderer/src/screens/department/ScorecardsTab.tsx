import { useEffect, useState } from 'react'
import { Button, Descriptions, Input, Skeleton, Space, Table, Tag, Typography } from 'antd'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import type { MessageKey } from '../../../../shared/i18n'
import { decimalFromMilli, percentFromBp } from '../../../../shared/format/numbers'
import { useApiMutation, useApiQuery } from '../../api/query-client'
import { PrintFrame } from '../../components/PrintFrame'
import { dateTime, money } from '../../format'
import { useLocale, useT } from '../../i18n'
import { useCan } from '../../permissions'
import type { DepartmentUi } from '../../stores/department-store'
import { useAmountText } from './amount'
import { EtiquetteChecksTable } from './EtiquetteTab'
import { kpiText } from './kpi-value'
import type { Figure } from '../../../../shared/domain/figures'

type Card = OutputOf<Contract['department.scorecard']>
type Summary = OutputOf<Contract['department.scorecards']>[number]

/** 绩效评估: every advisor's and technician's month, one card each, with the manager's comment. */
export function ScorecardsTab({ ui }: { ui: DepartmentUi }) {
  const t = useT()
  const month = ui((s) => s.month)
  const open = ui((s) => s.scorecardOf)
  const list = useApiQuery('department.scorecards', { month })
  if (open !== null) return <ScorecardView ui={ui} userId={open} />
  return (
    <Table<Summary>
      size="small"
      rowKey={(r) => r.person.userId}
      loading={!list.data}
      pagination={false}
      dataSource={list.data ?? []}
      aria-label={t('dept.scorecards')}
      onRow={(r) => ({ onDoubleClick: () => ui.getState().openScorecard(r.person.userId), onKeyDown: (e) => e.key === 'Enter' && ui.getState().openScorecard(r.person.userId), tabIndex: 0 })}
      columns={[
        { title: t('dept.person'), render: (_, r) => <Button type="link" size="small" onClick={() => ui.getState().openScorecard(r.person.userId)}>{r.person.name}</Button> },
        { title: t('field.role'), render: (_, r) => t(`role.${r.person.role}` as MessageKey) },
        { title: t('dept.headline'), align: 'right', render: (_, r) => headlineText(r, t) },
        { title: t('dept.tab.etiquette'), align: 'right', render: (_, r) => percentFromBp(r.etiquetteBp) },
        { title: t('dept.review'), render: (_, r) => (r.acknowledged ? <Tag color="green">{t('dept.acknowledged')}</Tag> : r.reviewed ? <Tag color="blue">{t('dept.reviewed')}</Tag> : <Tag>{t('dept.notReviewed')}</Tag>) },
      ]}
    />
  )
}

function headlineText(r: Summary, t: ReturnType<typeof useT>): string {
  if (r.kind === 'advisor') return t('dept.rosN', { n: r.headline })
  if (r.kind === 'technician') return t('dept.hoursN', { h: decimalFromMilli(r.headline) })
  return t('dept.partsN', { n: r.headline })
}

function ScorecardView({ ui, userId }: { ui: DepartmentUi; userId: number }) {
  const t = useT()
  const month = ui((s) => s.month)
  const printing = ui((s) => s.printing)
  const query = useApiQuery('department.scorecard', { month, userId })
  const card = query.data
  const back = () => ui.getState().openScorecard(null)
  if (!card) return <Skeleton active />
  if (printing) {
    return (
      <PrintFrame title={t('dept.scorecardTitle')} number={card.person.name} sub={month} backLabel={t('dept.backToCard')} onBack={() => ui.getState().setPrinting(false)}>
        <CardBody card={card} />
        <KpiTable card={card} />
        <ReviewText card={card} />
        <div className="dept-sign">{t('dept.signLine')}</div>
      </PrintFrame>
    )
  }
  return (
    <div>
      <Space className="stl-toolbar">
        <Button size="small" onClick={back}>
          {t('dept.backToList')}
        </Button>
        <Typography.Title level={5} className="stl-title">
          {t('dept.scorecardOf', { name: card.person.name, month })}
        </Typography.Title>
        <Button size="small" onClick={() => ui.getState().setPrinting(true)}>
          {t('dept.print')}
        </Button>
      </Space>
      <CardBody card={card} ui={ui} />
      <KpiTable card={card} ui={ui} />
      <Typography.Title level={5} className="dept-h">
        {t('etiquette.monthChecks')}
      </Typography.Title>
      <EtiquetteChecksTable checks={card.etiquette.checks} showPerson={false} />
      <ReviewText card={card} />
      <CommentForm card={card} />
    </div>
  )
}

/** A figure on the card that opens its rows (plain text on paper). */
function FigureLink({ ui, figure, userId, children }: { ui: DepartmentUi | undefined; figure: Figure; userId: number; children: string }) {
  const t = useT()
  if (!ui) return <>{children}</>
  return (
    <Button type="link" size="small" className="dept-figure-link" aria-label={t('figure.drillOf', { figure: t(`figure.${figure}` as MessageKey) })} onClick={() => ui.getState().openFigure({ figure, userId })}>
      {children}
    </Button>
  )
}

export function CardBody({ card, ui }: { card: Card; ui?: DepartmentUi }) {
  const t = useT()
  const locale = useLocale()
  const amount = useAmountText()
  const a = card.advisor
  const w = card.technician
  const p = card.parts
  const userId = card.person.userId
  return (
    <Descriptions size="small" bordered column={2} className="dept-card">
      <Descriptions.Item label={t('field.role')}>{t(`role.${card.person.role}` as MessageKey)}</Descriptions.Item>
      <Descriptions.Item label={t('dept.month')}>{card.month}</Descriptions.Item>
      {a && (
        <>
          <Descriptions.Item label={t('deptMeasure.ros')}>{a.ros}</Descriptions.Item>
          <Descriptions.Item label={t('deptMeasure.production')}>{money(a.productionFen, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('deptMeasure.parts')}>{money(a.partsFen, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('dept.timeliness', { d: a.deadlineDays })}>
            <FigureLink ui={ui} figure="settlement_timeliness" userId={userId}>
              {t('dept.timelinessValue', { n: a.settledInTime, d: a.settlementDecided, pct: percentFromBp(a.timelinessBp) })}
            </FigureLink>
          </Descriptions.Item>
          {a.targets.map((x) => (
            <Descriptions.Item key={x.measure} label={t('dept.quarterOf', { measure: t(`deptMeasure.${x.measure}` as MessageKey) })}>
              {`${amount(x.measure, x.quarterActual)} / ${amount(x.measure, x.quarterTarget)}`}
            </Descriptions.Item>
          ))}
        </>
      )}
      {w && (
        <>
          <Descriptions.Item label={t('dept.soldHours')}>
            <FigureLink ui={ui} figure="sold_hours" userId={userId}>
              {decimalFromMilli(w.soldHoursMilli)}
            </FigureLink>
          </Descriptions.Item>
          <Descriptions.Item label={t('dept.efficiency')}>
            <FigureLink ui={ui} figure="efficiency" userId={userId}>
              {percentFromBp(w.efficiencyBp)}
            </FigureLink>
          </Descriptions.Item>
          <Descriptions.Item label={t('dept.jobs')}>{w.jobs}</Descriptions.Item>
          <Descriptions.Item label={t('dept.reworks')}>
            <FigureLink ui={ui} figure="reworks" userId={userId}>
              {String(w.reworks)}
            </FigureLink>
          </Descriptions.Item>
        </>
      )}
      {p && (
        <>
          <Descriptions.Item label={t('dept.partsFillRate')}>
            <FigureLink ui={ui} figure="fill_rate" userId={userId}>
              {t('dept.partsFillRateValue', { s: p.served, n: p.requested, pct: percentFromBp(p.fillRateBp) })}
            </FigureLink>
          </Descriptions.Item>
          <Descriptions.Item label={t('dept.partsVariance')}>
            <FigureLink ui={ui} figure="stocktake_variance" userId={userId}>
              {t('dept.partsVarianceValue', { abs: money(p.absVarianceFen, locale), book: money(p.bookValueFen, locale), n: p.stocktakeLines, pct: percentFromBp(p.varianceBp) })}
            </FigureLink>
          </Descriptions.Item>
          <Descriptions.Item label={t('dept.partsSales')}>
            <FigureLink ui={ui} figure="parts_sales" userId={userId}>
              {t('dept.partsSalesValue', { amount: money(p.salesFen, locale), n: p.saleMoves })}
            </FigureLink>
          </Descriptions.Item>
        </>
      )}
      <Descriptions.Item label={t('dept.trainings')}>{t('dept.trainingValue', { n: card.training.sessions, p: card.training.passed, m: card.training.minutes })}</Descriptions.Item>
      <Descriptions.Item label={t('etiquette.monthScore', { n: card.etiquette.checks.length })}>
        <FigureLink ui={ui} figure="etiquette" userId={userId}>
          {percentFromBp(card.etiquette.scoreBp)}
        </FigureLink>
      </Descriptions.Item>
    </Descriptions>
  )
}

/** The role's KPIs: target against the actual from the ledger, with how the actual is counted. */
// The KPIs whose rows are the department's RO drill-down (the same rows the progress tab shows).
const DRILL_MEASURE = { ros: 'ros', revenue: 'production' } as const
// The KPIs whose rows are their own figure's (`department.figure.drill`).
const FIGURE_KPIS: ReadonlySet<string> = new Set<Figure>(['csi', 'settlement_timeliness', 'sold_hours', 'efficiency', 'reworks', 'fill_rate', 'stocktake_variance'])
// KPIs read for the whole department: CSI always (the maker's surveys are not per person), the
// parts counter's rates on any card but a parts card.
const departmentWide = (kpi: string, kind: Card['kind']) => kpi === 'csi' || ((kpi === 'fill_rate' || kpi === 'stocktake_variance') && kind !== 'parts')

export function KpiTable({ card, ui }: { card: Card; ui?: DepartmentUi }) {
  const t = useT()
  const locale = useLocale()
  return (
    <Table<Card['kpis'][number]>
      size="small"
      rowKey="kpi"
      className="dept-h"
      pagination={false}
      dataSource={card.kpis}
      aria-label={t('kpi.onScorecard')}
      title={() => <strong>{t('kpi.onScorecard')}</strong>}
      columns={[
        { key: 'kpi', title: t('kpi.kpi'), width: 130, render: (_, k) => t(`kpi.${k.kpi}` as MessageKey) },
        { key: 'target', title: t('kpi.target'), align: 'right', width: 110, render: (_, k) => kpiText(k.kpi, k.target, locale) },
        {
          key: 'actual',
          title: t('kpi.actual'),
          align: 'right',
          width: 130,
          render: (_, k) => {
            const measure = k.kpi === 'ros' || k.kpi === 'revenue' ? DRILL_MEASURE[k.kpi] : null
            if (ui && FIGURE_KPIS.has(k.kpi)) {
              const own = !departmentWide(k.kpi, card.kind)
              return (
                <Button type="link" size="small" aria-label={t('figure.drillOf', { figure: t(`kpi.${k.kpi}` as MessageKey) })} onClick={() => ui.getState().openFigure({ figure: k.kpi as Figure, ...(own ? { userId: card.person.userId } : {}) })}>
                  {kpiText(k.kpi, k.actual, locale)}
                </Button>
              )
            }
            if (!ui || measure === null) return kpiText(k.kpi, k.actual, locale)
            return (
              <Button type="link" size="small" aria-label={t('kpi.drillOf', { kpi: t(`kpi.${k.kpi}` as MessageKey) })} onClick={() => ui.getState().openDrill({ measure, userId: card.person.userId })}>
                {kpiText(k.kpi, k.actual, locale)}
              </Button>
            )
          },
        },
        { key: 'met', title: t('kpi.met'), width: 90, render: (_, k) => (k.met === null ? <Tag>{t('kpi.noTarget')}</Tag> : k.met ? <Tag color="green">{t('kpi.met')}</Tag> : <Tag color="red">{t('kpi.notMet')}</Tag>) },
        { key: 'formula', title: t('kpi.formulaCol'), render: (_, k) => <Typography.Text type="secondary">{t(`kpi.formula.${k.kpi}` as MessageKey)}</Typography.Text> },
      ]}
    />
  )
}

export function ReviewText({ card }: { card: Card }) {
  const t = useT()
  if (!card.review) return null
  return (
    <div className="dept-review">
      <Typography.Paragraph>
        <strong>{t('dept.managerComment')}</strong> {card.review.comment}
      </Typography.Paragraph>
      <Typography.Text type="secondary">
        {t('dept.commentedBy', { name: card.review.commentedBy, at: dateTime(card.review.commentedAt) })}
        {'　'}
        {card.review.acknowledgedAt ? t('dept.acknowledgedAt', { at: dateTime(card.review.acknowledgedAt) }) : t('dept.notAcknowledged')}
      </Typography.Text>
    </div>
  )
}

function CommentForm({ card }: { card: Card }) {
  const t = useT()
  const can = useCan('department.scorecard')
  const [text, setText] = useState(card.review?.comment ?? '')
  useEffect(() => setText(card.review?.comment ?? ''), [card.review?.comment])
  const save = useApiMutation('department.scorecard.comment')
  if (!can) return null
  return (
    <div className="dept-comment">
      <Input.TextArea rows={3} maxLength={1000} value={text} aria-label={t('dept.managerComment')} onChange={(e) => setText(e.target.value)} />
      <Button
        type="primary"
        size="small"
        disabled={text.trim().length === 0}
        loading={save.isPending}
        onClick={() => save.mutate({ month: card.month, userId: card.person.userId, comment: text, ...(card.review ? { version: card.review.version } : {}) })}
      >
        {t('dept.saveComment')}
      </Button>
    </div>
  )
}
