import { useState } from 'react'
import { Alert, Card, DatePicker, Statistic, Table } from 'antd'
import dayjs from 'dayjs'
import { useT } from '../../i18n'
import { efficiencyWithHours, hoursText, percentText, soldText } from './countdown'
import { ShortSegmentsPanel } from './ShortSegmentsPanel'
import { useFigures, useThisMonth, type EfficiencyT, type Period } from './use-figures'

type Row = EfficiencyT['rows'][number]

/** 车间统计: first-pass rate (一次合格率) and technician efficiency (sold / clocked hours) for a period. */
export function SummaryPanel() {
  const t = useT()
  const month = useThisMonth()
  const [period, setPeriod] = useState<Period>(month)
  const { qc, efficiency, error } = useFigures(period, true)
  const total = efficiency?.total

  return (
    <div className="ws-summary">
      <div className="ws-toolbar">
        <DatePicker.RangePicker
          allowClear={false}
          aria-label={t('wk.summary.period')}
          value={[dayjs(period.from), dayjs(period.to)]}
          onChange={(range) => {
            const [from, to] = range ?? []
            if (from && to) setPeriod({ from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') })
          }}
        />
      </div>
      {error && <Alert type="error" showIcon title={error} />}
      <div className="ws-stats" role="group" aria-label={t('wk.qc.monthFigures')}>
        <Statistic title={t('wk.summary.firstPassRate')} value={percentText(qc?.firstPassRateBp ?? null)} />
        <Statistic title={t('wk.qc.inspected')} value={qc?.inspectedRos ?? '—'} />
        <Statistic title={t('wk.qc.reworkJobs')} value={qc?.reworkJobs ?? '—'} />
        <Statistic title={t('wk.summary.efficiency')} value={percentText(total?.efficiencyBp ?? null)} />
        {total && <span className="muted ws-eff-hours">{efficiencyWithHours(t, total.efficiencyBp, total.soldHoursMilli, total.clockedMs)}</span>}
        <Statistic title={t('wk.summary.sold')} value={total ? soldText(total.soldHoursMilli) : '—'} />
        <Statistic title={t('wk.summary.clocked')} value={total ? hoursText(total.clockedMs) : '—'} />
      </div>
      <Card size="small" title={t('wk.summary.byTechnician')}>
        <Table<Row>
          size="small"
          rowKey="technicianId"
          pagination={false}
          dataSource={efficiency?.rows ?? []}
          loading={!efficiency}
          aria-label={t('wk.summary.byTechnician')}
          locale={{ emptyText: t('wk.summary.none') }}
          columns={[
            { title: t('field.technicianId'), dataIndex: 'name' },
            { title: t('wk.summary.jobs'), dataIndex: 'jobs', align: 'right', width: 90 },
            { title: t('wk.summary.sold'), align: 'right', width: 110, render: (_, r) => <span className="num">{soldText(r.soldHoursMilli)}</span> },
            { title: t('wk.summary.clocked'), align: 'right', width: 110, render: (_, r) => <span className="num">{hoursText(r.clockedMs)}</span> },
            { title: t('wk.summary.efficiency'), align: 'right', width: 110, render: (_, r) => <span className="num">{percentText(r.efficiencyBp)}</span> },
            {
              title: t('wk.eff.heldColumn'),
              align: 'right',
              width: 110,
              render: (_, r) => (r.heldJobs > 0 ? <span className="num ws-late">{t('wk.eff.heldJobs', { n: r.heldJobs })}</span> : null),
            },
          ]}
        />
        {total && total.heldJobs > 0 && <Alert type="warning" showIcon className="ws-gap" title={t('wk.eff.heldNote', { n: total.heldJobs })} />}
      </Card>
      <ShortSegmentsPanel />
    </div>
  )
}
