import { Table, Tag } from 'antd'
import { useLocale, useT } from '../../../i18n'
import { dateOnly, money } from '../../../format'
import type { InsurerRowT } from './collection-model'

/** The collection list: one open insurance invoice a row, with its claim, balance and due date. */
export function CollectionTable({ rows, label }: { rows: InsurerRowT[]; label: string }) {
  const t = useT()
  const locale = useLocale()
  return (
    <Table<InsurerRowT>
      size="small"
      rowKey="invoiceId"
      pagination={false}
      dataSource={rows}
      aria-label={label}
      locale={{ emptyText: t('insr.none') }}
      columns={[
        { key: 'insurer', title: t('insv.insurer'), dataIndex: 'insurer', width: 110 },
        { key: 'claim', title: t('insv.reportNo'), dataIndex: 'claimNo', className: 'mono insr-nowrap', width: 200 },
        { key: 'invoice', title: t('insr.col.invoice'), dataIndex: 'number', className: 'mono', width: 140 },
        { key: 'ro', title: t('insr.col.ro'), dataIndex: 'roNumber', className: 'mono', width: 140 },
        { key: 'customer', title: t('insr.col.customer'), dataIndex: 'customerName', ellipsis: true },
        { key: 'issued', title: t('insr.col.issued'), width: 100, render: (_, r) => dateOnly(r.issuedAt) },
        { key: 'gross', title: t('insr.col.gross'), align: 'right', width: 110, render: (_, r) => money(r.grossFen, locale) },
        { key: 'paid', title: t('insr.col.paid'), align: 'right', width: 100, render: (_, r) => (r.paidFen ? money(r.paidFen, locale) : '') },
        { key: 'balance', title: t('insr.col.balance'), align: 'right', width: 110, render: (_, r) => <strong>{money(r.balanceFen, locale)}</strong> },
        { key: 'due', title: t('insr.col.dueOn'), width: 120, render: (_, r) => (r.overdue ? <Tag color="red">{`${r.dueOn} ${t('insr.overdue')}`}</Tag> : r.dueOn) },
        { key: 'age', title: t('insr.col.age'), dataIndex: 'ageDays', align: 'right', width: 60 },
      ]}
    />
  )
}
