import { useState } from 'react'
import { Alert, Card, Modal, Segmented, Table, Tag, Typography } from 'antd'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { percentFromBp } from '../../../../shared/format/numbers'
import { useApiQuery } from '../../api/query-client'
import { useT } from '../../i18n'
import { dateOnly } from '../../format'
import { navigate } from '../../router'
import { TrendChart } from '../dashboard/TrendChart'

type Vehicle = OutputOf<Contract['warranty.firstService.drill']>['vehicles'][number]

/** 首保回厂率 by month against the manual's 95 %; a month opens the cars whose window closed in it, done or not. */
export function FirstServiceFigure({ months }: { months: number }) {
  const t = useT()
  const rates = useApiQuery('warranty.firstService.rates', { months }, { keepPrevious: true })
  const [month, setMonth] = useState<string | null>(null)
  if (rates.error) return <Alert type="error" showIcon title={rates.error.message} />
  const f = rates.data
  if (!f) return null
  // The headline is the last complete month (the one the rule judges); the running month counts
  // only the windows closed so far, so it is the headline only while no earlier month has a rate.
  const complete = f.points.slice(0, -1).reverse().find((p) => p.valueBp !== null)
  const latest = complete ?? f.points.at(-1)
  const status = latest && latest.valueBp !== null ? (latest.valueBp >= f.targetBp ? 'ok' : 'low') : 'none'
  const name = t('wtyFig.firstService')
  return (
    <Card size="small" className={`target-card target-${status}`} title={name} role="region" aria-label={name}>
      <div className="target-head">
        <span className={`target-value target-value-${status}`}>{percentFromBp(latest?.valueBp ?? null)}</span>
        <div className="target-meta">
          {latest && latest.valueBp !== null ? <Tag color={status === 'ok' ? 'green' : 'red'}>{latest.month}</Tag> : <Tag>{t('wtyFig.firstServiceNone')}</Tag>}
          <span className="muted">{t('wtyFig.firstServiceTarget', { target: percentFromBp(f.targetBp) })}</span>
        </div>
      </div>
      <TrendChart
        series={f.points.map((p) => ({ month: p.month, value: p.valueBp }))}
        band={{ min: f.targetBp, max: null }}
        unit="bp"
        kind="bar"
        label={t('dash.trendOf', { target: name })}
        selected={month}
        onPick={setMonth}
        pointLabel={(p) => {
          const point = f.points.find((x) => x.month === p.month)
          return t('wtyFig.firstServicePoint', { month: p.month, closed: point?.closed ?? 0, done: point?.done ?? 0, value: percentFromBp(point?.valueBp ?? null) })
        }}
      />
      {month && <FirstServiceDrill month={month} onClose={() => setMonth(null)} />}
    </Card>
  )
}

type Which = 'all' | 'done' | 'missed'

function FirstServiceDrill({ month, onClose }: { month: string; onClose(): void }) {
  const t = useT()
  const [which, setWhich] = useState<Which>('all')
  const drill = useApiQuery('warranty.firstService.drill', which === 'all' ? { month } : { month, done: which === 'done' })
  const rows = drill.data?.vehicles ?? []
  const title = t('wtyFig.drill.firstService', { month })
  const done = rows.filter((v) => v.done).length
  return (
    <Modal open footer={null} width={860} onCancel={onClose} title={title}>
      <Segmented<Which>
        size="small"
        className="wty-filters"
        value={which}
        onChange={setWhich}
        options={[
          { value: 'all', label: t('wty.fs.filter.all') },
          { value: 'done', label: t('wtyFig.drill.fsDone') },
          { value: 'missed', label: t('wtyFig.drill.fsMissed') },
        ]}
      />
      {drill.error && <Alert type="error" showIcon title={drill.error.message} />}
      <Table<Vehicle>
        size="small"
        rowKey="vehicleId"
        loading={drill.isPending}
        pagination={false}
        scroll={{ y: 420 }}
        dataSource={rows}
        aria-label={title}
        locale={{ emptyText: t('wtyFig.drill.fsEmpty') }}
        onRow={(v) => ({ className: v.roId ? 'wty-figures-row' : undefined, onClick: () => v.roId && navigate({ name: 'ro', id: v.roId }) })}
        columns={[
          { title: t('field.plate'), dataIndex: 'plate', width: 100, render: (p: string | null, v) => p ?? <span className="mono">{v.vin}</span> },
          { title: t('field.customer'), dataIndex: 'customerName', width: 110, ellipsis: true },
          { title: t('field.model'), dataIndex: 'model', ellipsis: true },
          { title: t('wtyFig.col.startsOn'), dataIndex: 'startsOn', width: 100, render: (d: string) => dateOnly(d) },
          { title: t('wtyFig.col.closesOn'), dataIndex: 'closesOn', width: 100, render: (d: string) => dateOnly(d) },
          { title: t('wtyFig.col.fsDone'), dataIndex: 'done', width: 90, render: (d: boolean) => (d ? <Tag color="green">{t('wtyFig.drill.fsDone')}</Tag> : <Tag color="red">{t('wtyFig.drill.fsMissed')}</Tag>) },
          { title: t('wtyFig.col.fsRo'), dataIndex: 'roNumber', width: 140, className: 'mono', render: (n: string | null) => n ?? '—' },
        ]}
      />
      {rows.length > 0 && (
        <Typography.Paragraph type="secondary" className="wty-figures-sum">
          {t('wtyFig.drill.fsSum', { closed: rows.length, done, missed: rows.length - done })}
        </Typography.Paragraph>
      )}
    </Modal>
  )
}
