import type { Ctx } from '../api/context'
import type { HandlersFor } from '../api/dispatch'
import type { z } from 'zod'
import type { insurerReceivablesContract } from '../../shared/contract/insurance'
import { AGEING_BUCKETS, type AgeingBucket } from '../../shared/domain/settlement'
import { lastDateOfMonth } from '../../shared/domain/calendar'
import { listReceivables } from './receivables'

// The insurers' receivables (保险应收) for the front-desk supervisor and the cashier: the open
// insurance invoices as of the end of a day, aged per insurer, and the month-end collection list
// with each invoice's due date (the last day of the month it was issued in [manual: 保险款当月回收]).

type Section = typeof insurerReceivablesContract
type Out = z.output<Section['insurance.receivables']['output']>
type In = z.output<Section['insurance.receivables']['input']>

/** Every open insurance invoice: the list is a chase list, never paged. */
const ALL = 1_000_000

export function insurerReceivables(ctx: Ctx, input: In): Out {
  const open = listReceivables(ctx, { payer: 'insurance', ...(input.asOf ? { asOf: input.asOf } : {}), limit: ALL, offset: 0 })
  const monthEnd = lastDateOfMonth(open.asOf.slice(0, 7))
  const rows = open.rows.map((r) => {
    const dueOn = lastDateOfMonth(r.issuedAt.slice(0, 7))
    return {
      invoiceId: r.invoiceId,
      number: r.number,
      roId: r.roId,
      roNumber: r.roNumber,
      insurer: r.insurer ?? '',
      claimNo: r.claimNo ?? '',
      customerName: r.customerName,
      issuedAt: r.issuedAt,
      grossFen: r.grossFen,
      paidFen: r.paidFen,
      balanceFen: r.balanceFen,
      ageDays: r.ageDays,
      bucket: r.bucket,
      dueOn,
      overdue: dueOn < open.asOf,
    }
  })
  rows.sort((a, b) => a.insurer.localeCompare(b.insurer, 'zh-CN') || a.issuedAt.localeCompare(b.issuedAt) || a.invoiceId - b.invoiceId)
  const byInsurer = new Map<string, Out['insurers'][number]>()
  for (const r of rows) {
    const emptyBuckets = Object.fromEntries(AGEING_BUCKETS.map((b) => [b, 0])) as Record<AgeingBucket, number>
    const s = byInsurer.get(r.insurer) ?? { insurer: r.insurer, count: 0, balanceFen: 0, buckets: emptyBuckets, overdueFen: 0 }
    s.count += 1
    s.balanceFen += r.balanceFen
    s.buckets[r.bucket] += r.balanceFen
    if (r.overdue) s.overdueFen += r.balanceFen
    byInsurer.set(r.insurer, s)
  }
  return {
    asOf: open.asOf,
    monthEnd,
    insurers: [...byInsurer.values()],
    rows: rows.map(({ bucket: _bucket, ...r }) => r),
    balanceFen: open.balanceFen,
  }
}

export const insurerReceivableHandlers: HandlersFor<Section> = {
  'insurance.receivables': insurerReceivables,
}
