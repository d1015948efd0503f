import { useState } from 'react'
import { Button, Card, Col, Row, Segmented, Select, Skeleton, Space, Tag, Typography } from 'antd'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { checkSplit, evenSplit, TARGET_MEASURES, type TargetMeasure } from '../../../../shared/domain/department'
import type { MessageKey } from '../../../../shared/i18n'
import { useApiMutation, useApiQuery } from '../../api/query-client'
import { useT } from '../../i18n'
import { useCan } from '../../permissions'
import type { DepartmentUi } from '../../stores/department-store'
import { AmountInput, useAmountText } from './amount'
import { KpiTargets } from './KpiTargets'

type View = OutputOf<Contract['department.targets.get']>
type Plan = View['plans'][number]

/** 目标分解: a quarter's target per measure, split to its months and to people, checked as it is typed. */
export function TargetsTab({ ui }: { ui: DepartmentUi }) {
  const t = useT()
  const year = ui((s) => s.year)
  const quarter = ui((s) => s.quarter)
  const query = useApiQuery('department.targets.get', { year, quarter })
  const view = query.data
  return (
    <div>
      <Space className="stl-toolbar">
        <Select
          size="small"
          aria-label={t('dept.year')}
          value={year}
          onChange={(y) => ui.getState().setQuarter(y, quarter)}
          options={[year - 1, year, year + 1].map((y) => ({ value: y, label: t('dept.yearN', { year: y }) }))}
        />
        <Segmented<number>
          size="small"
          value={quarter}
          onChange={(q) => ui.getState().setQuarter(year, q)}
          options={[1, 2, 3, 4].map((q) => ({ value: q, label: t('dept.quarterN', { q }) }))}
        />
        {view && <YearLine view={view} />}
      </Space>
      {!view && <Skeleton active />}
      {view && (
        <Row gutter={[10, 10]}>
          {TARGET_MEASURES.map((m) => (
            // A saved version starts the card's draft again from what was stored.
            <Col key={`${year}-${quarter}-${m}-${view.plans.find((p) => p.measure === m)!.version ?? 0}`} xs={24} xl={12}>
              <PlanCard view={view} plan={view.plans.find((p) => p.measure === m)!} />
            </Col>
          ))}
        </Row>
      )}
      <KpiTargets ui={ui} />
    </div>
  )
}

function YearLine({ view }: { view: View }) {
  const t = useT()
  const amount = useAmountText()
  return (
    <Typography.Text type="secondary">
      {t('dept.yearTotals', { year: view.year })}
      {view.yearTotals.map((y) => ` ${t(`deptMeasure.${y.measure}` as MessageKey)} ${amount(y.measure, y.total)}（${t('dept.quartersSet', { n: y.quartersSet })}）`).join('；')}
    </Typography.Text>
  )
}

function SplitCheck({ measure, total, amounts, label }: { measure: TargetMeasure; total: number; amounts: number[]; label: string }) {
  const t = useT()
  const amount = useAmountText()
  const c = checkSplit(total, amounts)
  return (
    <div className={c.balanced ? 'dept-check dept-ok' : 'dept-check dept-bad'} role="status" aria-label={label}>
      {c.balanced
        ? t('dept.splitBalanced', { sum: amount(measure, c.sum) })
        : t(c.difference > 0 ? 'dept.splitOverBy' : 'dept.splitUnderBy', { sum: amount(measure, c.sum), total: amount(measure, c.total), difference: amount(measure, Math.abs(c.difference)) })}
    </div>
  )
}

function PlanCard({ view, plan }: { view: View; plan: Plan }) {
  const t = useT()
  const canEdit = useCan('department.targets')
  const measure = plan.measure
  const initial = () => ({
    total: plan.total ?? 0,
    months: view.months.map((m) => plan.months.find((x) => x.month === m)?.amount ?? 0),
    people: Object.fromEntries(plan.people.map((p) => [p.userId, p.amount])) as Record<number, number>,
  })
  const [draft, setDraft] = useState(initial)
  const save = useApiMutation('department.targets.save')
  const peopleAmounts = Object.values(draft.people)
  const splitToPeople = peopleAmounts.some((a) => a > 0)
  const monthsOk = checkSplit(draft.total, draft.months).balanced
  const peopleOk = !splitToPeople || checkSplit(draft.total, peopleAmounts).balanced
  const title = t(`deptMeasure.${measure}` as MessageKey)
  return (
    <Card size="small" title={title} extra={plan.version ? <Tag>{t('dept.savedBy', { name: plan.updatedBy ?? '', v: plan.version })}</Tag> : <Tag color="orange">{t('dept.notSet')}</Tag>} data-measure={measure}>
      <div className="dept-grid">
        <label>{t('dept.quarterTarget')}</label>
        <AmountInput measure={measure} value={draft.total} label={t('dept.quarterTargetOf', { measure: title })} onChange={(v) => setDraft((d) => ({ ...d, total: v }))} />
        <Button size="small" onClick={() => setDraft((d) => ({ ...d, months: evenSplit(d.total, 3) }))} disabled={!canEdit}>
          {t('dept.evenSplit')}
        </Button>
        {view.months.map((m, i) => (
          <MonthCell key={m} month={m} measure={measure} value={draft.months[i] ?? 0} onChange={(v) => setDraft((d) => ({ ...d, months: d.months.map((x, j) => (j === i ? v : x)) }))} title={title} />
        ))}
      </div>
      <SplitCheck measure={measure} total={draft.total} amounts={draft.months} label={t('dept.monthCheckOf', { measure: title })} />
      <Typography.Text type="secondary" className="dept-sub">
        {t('dept.peopleSplit')}
      </Typography.Text>
      <div className="dept-people">
        {view.staff.map((s) => (
          <div key={s.userId} className="dept-person">
            <span>{s.name}</span>
            <AmountInput measure={measure} value={draft.people[s.userId] ?? 0} label={t('dept.personTargetOf', { name: s.name, measure: title })} onChange={(v) => setDraft((d) => ({ ...d, people: { ...d.people, [s.userId]: v } }))} />
          </div>
        ))}
      </div>
      {splitToPeople && <SplitCheck measure={measure} total={draft.total} amounts={peopleAmounts} label={t('dept.peopleCheckOf', { measure: title })} />}
      {canEdit && (
        <Button
          type="primary"
          size="small"
          className="dept-save"
          disabled={!monthsOk || !peopleOk}
          loading={save.isPending}
          onClick={() =>
            save.mutate({
              year: view.year,
              quarter: view.quarter,
              measure,
              total: draft.total,
              months: view.months.map((m, i) => ({ month: m, amount: draft.months[i] ?? 0 })),
              people: Object.entries(draft.people)
                .filter(([, a]) => a > 0)
                .map(([userId, a]) => ({ userId: Number(userId), amount: a })),
              ...(plan.version ? { version: plan.version } : {}),
            })
          }
        >
          {t('dept.saveTarget', { measure: title })}
        </Button>
      )}
    </Card>
  )
}

function MonthCell({ month, measure, value, onChange, title }: { month: string; measure: TargetMeasure; value: number; onChange(v: number): void; title: string }) {
  const t = useT()
  return (
    <>
      <label>{t('dept.monthN', { month })}</label>
      <AmountInput measure={measure} value={value} label={t('dept.monthTargetOf', { month, measure: title })} onChange={onChange} />
      <span />
    </>
  )
}
