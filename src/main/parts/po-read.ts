import { sql, type InferResult, type Selectable } from 'kysely'
import type { Ctx } from '../api/context'
import type { DB } from '../store/schema'
import { all, first } from '../store/query'
import { notFound } from '../api/app-error'
import { lineAmount, sumFen } from '../../shared/domain/money'
import type { In, Out } from './types'

// Reading purchase orders: the list with amounts, and one order with its lines and receipts.

/** The fields of a purchase order its writes check. */
export type PoRow = Pick<Selectable<DB['purchase_orders']>, 'id' | 'number' | 'supplier_id' | 'state' | 'version'>

/** Orders matching the list's filter (all of them without one). */
const filteredPos = (ctx: Ctx, input: Pick<In<'purchasing.po.list'>, 'state' | 'supplierId'>) =>
  ctx.store.db
    .selectFrom('purchase_orders as o')
    .$if(Boolean(input.state), (q) => q.where('o.state', '=', input.state!))
    .$if(Boolean(input.supplierId), (q) => q.where('o.supplier_id', '=', input.supplierId!))

/** Order heads with the supplier's name, filtered as `filteredPos`. */
const selectHeads = (ctx: Ctx, input: Pick<In<'purchasing.po.list'>, 'state' | 'supplierId'>) =>
  filteredPos(ctx, input)
    .innerJoin('suppliers as s', 's.id', 'o.supplier_id')
    .select(['o.id', 'o.number', 'o.supplier_id', 's.name as supplier_name', 'o.state', 'o.note', 'o.created_at', 'o.sent_at', 'o.closed_at', 'o.version'])

type HeadRow = InferResult<ReturnType<typeof selectHeads>>[number]

const summary = (h: HeadRow, amountFen: number) => ({
  id: h.id,
  number: h.number,
  supplierId: h.supplier_id,
  supplierName: h.supplier_name,
  state: h.state,
  createdAt: h.created_at,
  amountFen,
  version: h.version,
})

export function listPos(ctx: Ctx, input: In<'purchasing.po.list'>): Out<'purchasing.po.list'> {
  const total = first(ctx.store, filteredPos(ctx, input).select(sql<number>`COUNT(*)`.as('n')))!.n
  const rows = all(ctx.store, selectHeads(ctx, input).orderBy('o.id', 'desc').limit(input.limit).offset(input.offset))
  // The total is the sum of the rounded line amounts, as on the supplier's invoice.
  return { rows: rows.map((h) => summary(h, poAmount(ctx, h.id))), total }
}

function poAmount(ctx: Ctx, poId: number): number {
  const lines = all(ctx.store, ctx.store.db.selectFrom('po_lines').select(['quantity_milli', 'unit_cost_fen']).where('po_id', '=', poId))
  return sumFen(lines.map((l) => lineAmount(l.quantity_milli, l.unit_cost_fen)))
}

export function poDetail(ctx: Ctx, id: number): Out<'purchasing.po.get'> {
  const db = ctx.store.db
  const head = first(ctx.store, selectHeads(ctx, {}).where('o.id', '=', id))
  if (!head) throw notFound('entity.purchaseOrder', id)
  const lines = all(
    ctx.store,
    db
      .selectFrom('po_lines as l')
      .innerJoin('parts as p', 'p.id', 'l.part_id')
      .leftJoin('repair_orders as r', 'r.id', 'l.ro_id')
      .select(['l.id', 'l.part_id', 'p.part_number', 'p.name', 'l.quantity_milli', 'l.received_milli', 'l.unit_cost_fen', 'l.ro_id', 'r.number as ro_number', 'l.customer_id', 'l.note'])
      .where('l.po_id', '=', id)
      .orderBy('l.id'),
  )
  const receipts = all(
    ctx.store,
    db
      .selectFrom('po_receipts as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select(['r.id', 'r.at', 'u.display_name as user_name', 'r.note'])
      .where('r.po_id', '=', id)
      .orderBy('r.id'),
  )
  const receiptLines = (receiptId: number) =>
    all(
      ctx.store,
      db
        .selectFrom('po_receipt_lines')
        .select(['po_line_id', 'expected_milli', 'received_milli', 'unit_cost_fen', 'difference', 'note'])
        .where('receipt_id', '=', receiptId)
        .orderBy('id'),
    )
  const outLines = lines.map((l) => ({
    id: l.id,
    partId: l.part_id,
    partNumber: l.part_number,
    name: l.name,
    quantityMilli: l.quantity_milli,
    receivedMilli: l.received_milli,
    unitCostFen: l.unit_cost_fen,
    amountFen: lineAmount(l.quantity_milli, l.unit_cost_fen),
    roId: l.ro_id,
    roNumber: l.ro_number,
    customerId: l.customer_id,
    note: l.note,
  }))
  return {
    ...summary(head, sumFen(outLines.map((l) => l.amountFen))),
    note: head.note,
    sentAt: head.sent_at,
    closedAt: head.closed_at,
    lines: outLines,
    receipts: receipts.map((r) => ({
      id: r.id,
      at: r.at,
      userName: r.user_name,
      note: r.note,
      lines: receiptLines(r.id).map((x) => ({
        poLineId: x.po_line_id,
        expectedMilli: x.expected_milli,
        receivedMilli: x.received_milli,
        unitCostFen: x.unit_cost_fen,
        difference: x.difference,
        note: x.note,
      })),
    })),
  }
}
