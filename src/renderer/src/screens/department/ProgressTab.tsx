import { Button, DatePicker, Modal, Progress, Skeleton, Space, Table, Typography } from 'antd'
import dayjs from 'dayjs'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import type { MessageKey } from '../../../../shared/i18n'
import { percentFromBp } from '../../../../shared/format/numbers'
import { useApiQuery } from '../../api/query-client'
import { dateTime, money } from '../../format'
import { useLocale, useT } from '../../i18n'
import type { DepartmentUi } from '../../stores/department-store'
import { useAmountText } from './amount'

type View = OutputOf<Contract['department.progress']>
type Row = View['measures'][number]

/** 目标达成: the month so far against its target, the straight-line forecast, and the quarter. */
export function ProgressTab({ ui }: { ui: DepartmentUi }) {
  const t = useT()
  const month = ui((s) => s.month)
  const query = useApiQuery('department.progress', { month })
  const view = query.data
  const amount = useAmountText()
  return (
    <div>
      <Space className="stl-toolbar">
        <DatePicker picker="month" size="small" allowClear={false} aria-label={t('dept.month')} value={dayjs(`${month}-01`)} onChange={(d) => d && ui.getState().setMonth(d.format('YYYY-MM'))} />
        {view && <Typography.Text type="secondary">{t('dept.asOfDays', { at: dateTime(view.asOf), d: view.daysElapsed, n: view.daysInMonth })}</Typography.Text>}
      </Space>
      {!view && <Skeleton active />}
      {view && (
        <>
          <Table<Row>
            size="small"
            rowKey="measure"
            pagination={false}
            dataSource={view.measures}
            aria-label={t('dept.progressTable')}
            columns={[
              {
                title: t('dept.measure'),
                render: (_, r) => (
                  <div>
                    <div>{t(`deptMeasure.${r.measure}` as MessageKey)}</div>
                    <Typography.Text type="secondary" className="dept-formula">
                      {t(`dept.formula.${r.measure}` as MessageKey)}
                    </Typography.Text>
                  </div>
                ),
              },
              { title: t('dept.monthTarget'), align: 'right', render: (_, r) => amount(r.measure, r.monthTarget) },
              {
                title: t('dept.actual'),
                align: 'right',
                render: (_, r) => (
                  <Button type="link" size="small" onClick={() => ui.getState().openDrill({ measure: r.measure })} aria-label={t('dept.drillOf', { measure: t(`deptMeasure.${r.measure}` as MessageKey) })}>
                    {amount(r.measure, r.actual)}
                  </Button>
                ),
              },
              { title: t('dept.progress'), width: 160, render: (_, r) => (r.progressBp === null ? '—' : <Progress size="small" percent={Math.min(100, r.progressBp / 100)} format={() => percentFromBp(r.progressBp)} />) },
              { title: t('dept.forecast'), align: 'right', render: (_, r) => `${amount(r.measure, r.forecast)}${r.forecastBp === null ? '' : `（${percentFromBp(r.forecastBp)}）`}` },
              { title: t('dept.quarterSoFar'), align: 'right', render: (_, r) => `${amount(r.measure, r.quarterActual)} / ${amount(r.measure, r.quarterTarget)}` },
            ]}
          />
          <Typography.Title level={5} className="dept-h">
            {t('dept.peopleQuarter', { q: view.quarter })}
          </Typography.Title>
          <Table
            size="small"
            rowKey="userId"
            pagination={false}
            dataSource={view.people}
            columns={[
              { title: t('dept.person'), dataIndex: 'name' },
              ...view.measures.map((m) => ({
                title: t(`deptMeasure.${m.measure}` as MessageKey),
                align: 'right' as const,
                render: (_: unknown, p: View['people'][number]) => {
                  const v = p.values.find((x) => x.measure === m.measure)!
                  return (
                    <Button type="link" size="small" onClick={() => ui.getState().openDrill({ measure: m.measure, userId: p.userId })}>
                      {`${amount(m.measure, v.quarterActual)} / ${amount(m.measure, v.quarterTarget)}`}
                    </Button>
                  )
                },
              })),
            ]}
          />
        </>
      )}
    </div>
  )
}

export function DrillModal({ ui }: { ui: DepartmentUi }) {
  const t = useT()
  const locale = useLocale()
  const month = ui((s) => s.month)
  const drillOf = ui((s) => s.drillOf)
  const amount = useAmountText()
  const query = useApiQuery('department.drill', { month, measure: drillOf?.measure ?? 'ros', ...(drillOf?.userId ? { userId: drillOf.userId } : {}), limit: 500 }, { enabled: drillOf !== null })
  const d = drillOf ? query.data : undefined
  return (
    <Modal
      open={drillOf !== null}
      width={900}
      footer={null}
      onCancel={() => ui.getState().openDrill(null)}
      title={drillOf ? t('dept.drillTitle', { measure: t(`deptMeasure.${drillOf.measure}` as MessageKey), month }) : ''}
    >
      {!d && <Skeleton active />}
      {d && (
        <>
          <Typography.Paragraph>
            {t(`dept.formula.${d.measure}` as MessageKey)} = <strong>{amount(d.measure, d.value)}</strong>
            {d.truncated ? ` ${t('dept.truncated', { n: d.rows.length })}` : ''}
          </Typography.Paragraph>
          <Table
            size="small"
            rowKey="roId"
            pagination={{ pageSize: 10, showSizeChanger: false }}
            dataSource={d.rows}
            columns={[
              { title: t('dept.ro'), dataIndex: 'number' },
              { title: t('dept.advisor'), dataIndex: 'advisorName' },
              { title: t('dept.settledAt'), render: (_, r) => dateTime(r.settledAt) },
              { title: t('deptMeasure.production'), align: 'right', render: (_, r) => money(r.productionFen, locale) },
              { title: t('deptMeasure.parts'), align: 'right', render: (_, r) => money(r.partsFen, locale) },
              { title: t('dept.partsCost'), align: 'right', render: (_, r) => money(r.partsCostFen, locale) },
              { title: t('deptMeasure.gross_profit'), align: 'right', render: (_, r) => money(r.grossProfitFen, locale) },
            ]}
          />
        </>
      )}
    </Modal>
  )
}
