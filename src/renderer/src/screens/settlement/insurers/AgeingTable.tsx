import { Table } from 'antd'
import { AGEING_BUCKETS } from '../../../../../shared/domain/settlement'
import { useLocale, useT } from '../../../i18n'
import { money } from '../../../format'
import type { AgeingRow } from './collection-model'

/** Ageing per insurer: what falls due this month, the four age buckets, overdue and outstanding. */
export function AgeingTable({ rows }: { rows: AgeingRow[] }) {
  const t = useT()
  const locale = useLocale()
  const m = (fen: number) => (fen ? money(fen, locale) : '')
  return (
    <Table<AgeingRow>
      size="small"
      rowKey={(r) => r.insurer || 'total'}
      pagination={false}
      dataSource={rows}
      aria-label={t('insr.ageingTitle')}
      locale={{ emptyText: t('insr.none') }}
      rowClassName={(r) => (r.insurer === '' ? 'stl-total-row' : '')}
      columns={[
        { key: 'insurer', title: t('insv.insurer'), render: (_, r) => r.insurer || t('stl.total') },
        { key: 'count', title: t('insr.col.count'), dataIndex: 'count', align: 'right', width: 70 },
        { key: 'month', title: t('insr.col.thisMonth'), align: 'right', width: 120, render: (_, r) => m(r.thisMonthFen) },
        ...AGEING_BUCKETS.map((b) => ({ key: b, title: t(`ageing.${b}`), align: 'right' as const, width: 110, render: (_: unknown, r: AgeingRow) => m(r.buckets[b]) })),
        { key: 'overdue', title: t('insr.col.overdue'), align: 'right', width: 110, render: (_, r) => <span className={r.overdueFen ? 'insr-overdue' : ''}>{m(r.overdueFen)}</span> },
        { key: 'balance', title: t('insr.col.balance'), align: 'right', width: 120, render: (_, r) => <strong>{money(r.balanceFen, locale)}</strong> },
      ]}
    />
  )
}
