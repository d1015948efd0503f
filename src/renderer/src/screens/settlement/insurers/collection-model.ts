import type { OutputOf } from '../../../../../shared/contract/types'
import type { Contract } from '../../../../../shared/contract'
import { AGEING_BUCKETS, type AgeingBucket } from '../../../../../shared/domain/settlement'

// The insurers' receivables as the screen and the printed list show them: the ageing per insurer
// with what falls due this month, and the month-end collection list (invoices due by the month's
// end: settled this month) or every open invoice.

export type InsurerReceivablesT = OutputOf<Contract['insurance.receivables']>
export type InsurerRowT = InsurerReceivablesT['rows'][number]

export interface AgeingRow {
  insurer: string
  count: number
  thisMonthFen: number
  buckets: Record<AgeingBucket, number>
  overdueFen: number
  balanceFen: number
}

/** Due this month: issued in the as-of month, so due by its last day. */
export const dueThisMonth = (data: InsurerReceivablesT, r: InsurerRowT) => r.dueOn === data.monthEnd

export function ageingRows(data: InsurerReceivablesT): AgeingRow[] {
  const rows = data.insurers.map((s) => ({
    insurer: s.insurer,
    count: s.count,
    thisMonthFen: data.rows.filter((r) => r.insurer === s.insurer && dueThisMonth(data, r)).reduce((sum, r) => sum + r.balanceFen, 0),
    buckets: s.buckets,
    overdueFen: s.overdueFen,
    balanceFen: s.balanceFen,
  }))
  if (rows.length < 2) return rows
  const total: AgeingRow = {
    insurer: '',
    count: rows.reduce((s, r) => s + r.count, 0),
    thisMonthFen: rows.reduce((s, r) => s + r.thisMonthFen, 0),
    buckets: Object.fromEntries(AGEING_BUCKETS.map((b) => [b, rows.reduce((s, r) => s + r.buckets[b], 0)])) as Record<AgeingBucket, number>,
    overdueFen: rows.reduce((s, r) => s + r.overdueFen, 0),
    balanceFen: data.balanceFen,
  }
  return [...rows, total]
}

export function collectionRows(data: InsurerReceivablesT, all: boolean): InsurerRowT[] {
  return all ? data.rows : data.rows.filter((r) => dueThisMonth(data, r))
}
