import { Table, Tag } from 'antd'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { useT } from '../../i18n'
import { dateOnly, dateTime } from '../../format'

export type CoverageCallRow = OutputOf<Contract['warranty.calls.list']>[number]

/** The coverage-expiry calls due: the coverage ending soonest first; a click or Enter opens the call. */
export function CoverageCallTable({ rows, loading, label, onOpen }: { rows: CoverageCallRow[]; loading: boolean; label: string; onOpen: (id: number) => void }) {
  const t = useT()
  return (
    <Table<CoverageCallRow>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={rows}
      pagination={false}
      aria-label={label}
      locale={{ emptyText: t('wty.calls.empty') }}
      onRow={(row) => ({
        onClick: () => onOpen(row.id),
        onKeyDown: (e) => e.key === 'Enter' && onOpen(row.id),
        tabIndex: 0,
        className: 'clickable',
        'aria-label': `${row.plate ?? row.vin} ${row.customerName}`,
      })}
      columns={[
        { title: t('wty.calls.endsOn'), dataIndex: 'endsOn', width: 110, render: (v: string) => dateOnly(v) },
        { title: t('wty.calls.milestone'), dataIndex: 'months', width: 90, render: (v: number) => t('wty.calls.months', { months: v }) },
        {
          title: t('wty.calls.coverages'),
          dataIndex: 'coverages',
          width: 180,
          render: (v: CoverageCallRow['coverages']) =>
            v.length === 0 ? <Tag>{t('wty.calls.checkUp')}</Tag> : v.map((c) => <Tag key={c} color="orange">{t(`warranty.coverage.${c}`)}</Tag>),
        },
        { title: t('field.plate'), dataIndex: 'plate', width: 100, render: (v: string | null, row) => v ?? <span className="mono">{row.vin}</span> },
        { title: t('field.customer'), dataIndex: 'customerName', ellipsis: true },
        { title: t('field.mobile'), dataIndex: 'mobile', width: 130, render: (v: string | null) => <span className="mono">{v ?? '—'}</span> },
        { title: t('field.model'), dataIndex: 'model', ellipsis: true },
        { title: t('wty.calls.dueDate'), dataIndex: 'dueDate', width: 110, render: (v: string) => dateOnly(v) },
        { title: t('wty.calls.nextTry'), dataIndex: 'nextTryAt', width: 140, render: (v: string | null) => (v ? dateTime(v) : '—') },
        { title: t('care.attempts'), dataIndex: 'attempts', width: 80, align: 'right' },
      ]}
    />
  )
}
