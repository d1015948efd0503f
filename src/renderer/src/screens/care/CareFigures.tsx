import { useState } from 'react'
import { Alert, Col, Row, Skeleton, Table, Typography } from 'antd'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { decimalFromCenti } from '../../../../shared/format/numbers'
import { SATISFACTION_TARGET_CENTI } from '../../../../shared/domain/care'
import { useApiQuery } from '../../api/query-client'
import { useT } from '../../i18n'
import { useCan } from '../../permissions'
import { useCareTargets, useDashboardUi } from '../../stores/dashboard-store'
import { TargetCard } from '../dashboard/TargetCard'
import { DrillDrawer } from '../dashboard/DrillDrawer'
import '../dashboard/dashboard.css'

type Advisor = OutputOf<Contract['dashboard.satisfactionByAdvisor']>['advisors'][number]

/** The care figures of the dashboard, and the month's satisfaction per advisor; each opens its calls. */
export function CareFigures() {
  const t = useT()
  const canRead = useCan('dashboard.read')
  const { targets, error } = useCareTargets(6, canRead)
  const drillOf = useDashboardUi((s) => s.drillOf)
  const [picked, setPicked] = useState<string | null>(null)
  // The latest month with answered calls (early in a month, the one before).
  const answered = targets?.targets.find((s) => s.key === 'satisfaction')?.series.filter((p) => p.denominator > 0).at(-1)?.month
  const month = picked ?? answered ?? targets?.months.at(-1) ?? null
  const advisors = useApiQuery('dashboard.satisfactionByAdvisor', { month: month ?? '' }, { enabled: canRead && month !== null })
  if (!canRead) return <Alert type="info" showIcon title={t('care.fig.noAccess')} />
  const open = (target: 'followup_in_time' | 'satisfaction', m: string, advisorId?: number) => {
    setPicked(m)
    useDashboardUi.getState().openDrill({ target, month: m, ...(advisorId === undefined ? {} : { advisorId }) })
  }
  return (
    <div>
      {error && <Alert type="error" showIcon title={error} />}
      {!targets && !error && <Skeleton active />}
      {targets && (
        <Row gutter={[10, 10]}>
          {targets.targets.map((s) => (
              <Col key={s.key} xs={24} md={12}>
                <TargetCard
                  target={s}
                  selectedMonth={drillOf?.target === s.key ? drillOf.month : month}
                  onDrill={(m) => open(s.key as 'followup_in_time' | 'satisfaction', m)}
                />
              </Col>
          ))}
        </Row>
      )}
      {month && (
        <div className="care-section">
          <Typography.Title level={5}>{t('care.fig.byAdvisor', { month })}</Typography.Title>
          {advisors.error && <Alert type="error" showIcon title={advisors.error.message} />}
          <Table<Advisor>
            size="small"
            rowKey="advisorId"
            loading={advisors.isPending}
            dataSource={advisors.data?.advisors ?? []}
            pagination={false}
            aria-label={t('care.fig.byAdvisor', { month })}
            locale={{ emptyText: t('care.fig.noCalls') }}
            onRow={(a) => ({
              tabIndex: 0,
              className: 'clickable',
              onClick: () => open('satisfaction', month, a.advisorId),
              onKeyDown: (e) => e.key === 'Enter' && open('satisfaction', month, a.advisorId),
            })}
            columns={[
              { title: t('dash.call.advisor'), dataIndex: 'advisorName' },
              { title: t('care.fig.calls'), dataIndex: 'calls', width: 120, align: 'right' },
              { title: t('care.fig.answers'), dataIndex: 'answers', width: 120, align: 'right' },
              {
                title: t('dash.call.score'),
                dataIndex: 'valueCenti',
                width: 120,
                align: 'right',
                render: (v: number | null) => <span className={`num ${v !== null && v < SATISFACTION_TARGET_CENTI ? 'care-low' : ''}`}>{decimalFromCenti(v)}</span>,
              },
            ]}
          />
        </div>
      )}
      <DrillDrawer />
    </div>
  )
}
