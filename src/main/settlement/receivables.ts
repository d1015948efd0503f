import type { Ctx } from '../api/context'
import { ageingBucket, AGEING_BUCKETS, daysBetween, type AgeingBucket } from '../../shared/domain/settlement'
import { localInstant } from '../../shared/domain/settlement-deadline'
import { PAYERS, type Payer } from '../../shared/domain/payer'
import { localDate, toLocalIso } from '../../shared/domain/time'
import type { In, Out } from './types'
import { sql } from 'kysely'
import { all } from '../store/query'

// Receivables (应收账款) by payer with ageing, as of the end of a day: invoices issued by then,
// not reversed by then, less the payments received by then. Insurance rows carry the insurer and
// the claim number, which is how the front-desk supervisor chases them (保险款当月回收).

export function listReceivables(ctx: Ctx, input: In<'receivables.list'>): Out<'receivables.list'> {
  const asOf = input.asOf ?? localDate(ctx.clock.now(), ctx.timeZone)
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number]
  const end = toLocalIso(localInstant(ctx.timeZone, y, m, d + 1), ctx.timeZone)
  const db = ctx.store.db
  const standing = db
    .selectFrom('invoices as i')
    .innerJoin('repair_orders as r', 'r.id', 'i.ro_id')
    .innerJoin('customers as c', 'c.id', 'r.customer_id')
    .select([
      'i.id as invoice_id',
      'i.number',
      'i.ro_id',
      'r.number as ro_number',
      'i.payer',
      'c.name as customer_name',
      'i.insurer',
      'i.claim_no',
      'i.issued_at',
      'i.gross_fen',
      sql<number>`COALESCE((SELECT SUM(p.amount_fen) FROM payments p WHERE p.invoice_id = ${sql.ref('i.id')} AND p.at < ${end}), 0)`.as('paid_fen'),
      // A warranty invoice's differences the maker did not pay, written off (or re-charged) by the warranty desk.
      sql<number>`COALESCE((SELECT SUM(w.amount_fen) FROM warranty_write_offs w WHERE w.invoice_id = ${sql.ref('i.id')} AND w.at < ${end}), 0)`.as('written_off_fen'),
    ])
    .where('i.kind', '=', 'invoice')
    .where('i.issued_at', '<', end)
    .where((eb) => eb.or([eb('i.state', '=', 'issued'), eb('i.reversed_at', '>=', end)]))
  const payer = input.payer ?? null
  const filtered = payer === null ? standing : standing.where('i.payer', '=', payer)
  const rows = all(
    ctx.store,
    db
      .selectFrom(filtered.as('t'))
      .selectAll()
      .where((eb) => eb('gross_fen', '>', eb('paid_fen', '+', eb.ref('written_off_fen'))))
      .orderBy('issued_at')
      .orderBy('invoice_id'),
  )
  const summary = new Map<string, { payer: Payer; bucket: AgeingBucket; count: number; balanceFen: number }>()
  const out = rows.map((r) => {
    const ageDays = Math.max(0, daysBetween(r.issued_at.slice(0, 10), asOf))
    const bucket = ageingBucket(ageDays)
    const balanceFen = r.gross_fen - r.paid_fen - r.written_off_fen
    const key = `${r.payer}:${bucket}`
    const s = summary.get(key) ?? { payer: r.payer, bucket, count: 0, balanceFen: 0 }
    s.count += 1
    s.balanceFen += balanceFen
    summary.set(key, s)
    return {
      invoiceId: r.invoice_id,
      number: r.number,
      roId: r.ro_id,
      roNumber: r.ro_number,
      payer: r.payer,
      customerName: r.customer_name,
      insurer: r.insurer,
      claimNo: r.claim_no,
      issuedAt: r.issued_at,
      grossFen: r.gross_fen,
      paidFen: r.paid_fen,
      balanceFen,
      ageDays,
      bucket,
    }
  })
  const order = (p: Payer, b: AgeingBucket) => PAYERS.indexOf(p) * 10 + AGEING_BUCKETS.indexOf(b)
  return {
    asOf,
    rows: out.slice(input.offset, input.offset + input.limit),
    total: out.length,
    summary: [...summary.values()].sort((a, b) => order(a.payer, a.bucket) - order(b.payer, b.bucket)),
    balanceFen: out.reduce((s, r) => s + r.balanceFen, 0),
  }
}
