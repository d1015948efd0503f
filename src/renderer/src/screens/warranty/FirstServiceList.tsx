import { useMemo, useState } from 'react'
import { Alert, Segmented, Table, Tag } from 'antd'
import type { InputOf, OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { useApiQuery } from '../../api/query-client'
import { useT } from '../../i18n'
import { dateOnly, dateTime } from '../../format'
import { CareToolbar } from '../care/CareToolbar'
import { CoverageCallDialog } from './CoverageCallDialog'
import { callStateKey } from './call-state'
import '../care/care.css'

type Row = OutputOf<Contract['warranty.firstService.list']>[number]
type Filter = 'toCall' | 'due' | 'overdue' | 'all'

const inputOf = (f: Filter): InputOf<Contract['warranty.firstService.list']> =>
  f === 'toCall' ? { toCall: true } : f === 'all' ? {} : { status: f }

/** 首保提醒: cars whose first-service window is closing or closed unserved, soonest first; F2 filters, Enter opens the first call shown. */
export function FirstServiceList() {
  const t = useT()
  const [filter, setFilter] = useState<Filter>('toCall')
  const query = useApiQuery('warranty.firstService.list', inputOf(filter), { keepPrevious: true })
  const [q, setQ] = useState('')
  const [openId, setOpenId] = useState<number | null>(null)
  const shown = useMemo(() => {
    const needle = q.trim().toUpperCase()
    const rows = query.data ?? []
    return needle ? rows.filter((r) => [r.plate ?? '', r.vin, r.customerName, r.mobile ?? ''].some((v) => v.toUpperCase().includes(needle))) : rows
  }, [query.data, q])
  const label = t('wty.tab.firstService')
  return (
    <div>
      <CareToolbar q={q} setQ={setQ} count={shown.length} onEnter={() => shown[0] && setOpenId(shown[0].id)}>
        <Segmented<Filter>
          size="small"
          aria-label={t('wty.fs.filterLabel')}
          value={filter}
          onChange={setFilter}
          options={(['toCall', 'due', 'overdue', 'all'] as const).map((f) => ({ value: f, label: t(`wty.fs.filter.${f}`) }))}
        />
      </CareToolbar>
      {query.error && <Alert type="error" showIcon title={query.error.message} />}
      <Table<Row>
        size="small"
        rowKey="id"
        loading={query.isPending}
        dataSource={shown}
        pagination={false}
        aria-label={label}
        locale={{ emptyText: t('wty.fs.empty') }}
        rowClassName={(r) => (r.status === 'overdue' ? 'clickable fs-overdue' : 'clickable')}
        onRow={(row) => ({
          onClick: () => setOpenId(row.id),
          onKeyDown: (e) => e.key === 'Enter' && setOpenId(row.id),
          tabIndex: 0,
          'aria-label': `${row.plate ?? row.vin} ${row.customerName}`,
        })}
        columns={[
          { title: t('wty.fs.closesOn'), dataIndex: 'endsOn', width: 96, render: (v: string) => dateOnly(v) },
          {
            title: t('wty.fs.status'),
            dataIndex: 'status',
            width: 120,
            render: (s: Row['status'], r) =>
              s === 'overdue' ? <Tag color="red">{t('wty.fs.daysOverdue', { n: -r.daysLeft })}</Tag> : <Tag color="orange">{t('wty.fs.daysToGo', { n: r.daysLeft })}</Tag>,
          },
          {
            title: t('wty.fs.closesBy'),
            dataIndex: 'closesBy',
            width: 140,
            render: (b: Row['closesBy'], r) => (b === 'km' ? t('wty.fs.closesBy.km', { km: r.km }) : t('wty.fs.closesBy.months', { months: r.months })),
          },
          { title: t('field.plate'), dataIndex: 'plate', width: 96, render: (v: string | null, row) => v ?? <span className="mono">{row.vin}</span> },
          { title: t('field.customer'), dataIndex: 'customerName', width: 100, ellipsis: true },
          { title: t('field.mobile'), dataIndex: 'mobile', width: 116, render: (v: string | null) => <span className="mono">{v ?? '—'}</span> },
          { title: t('field.model'), dataIndex: 'model', width: 100, ellipsis: true },
          { title: t('wty.fs.odometer'), dataIndex: 'odometerKm', width: 72, align: 'right' },
          { title: t('wty.fs.callState'), dataIndex: 'state', width: 140, render: (s: Row['state']) => <Tag color={s === 'open' ? 'blue' : s === 'booked' ? 'green' : 'default'}>{t(callStateKey('first_service', s))}</Tag> },
          { title: t('wty.calls.nextTry'), dataIndex: 'nextTryAt', width: 124, render: (v: string | null) => (v ? dateTime(v) : '—') },
          { title: t('care.attempts'), dataIndex: 'attempts', width: 56, align: 'right' },
        ]}
      />
      {openId !== null && <CoverageCallDialog id={openId} onClose={() => setOpenId(null)} />}
    </div>
  )
}
