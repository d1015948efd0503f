import type { Ctx } from '../api/context'
import { notFound } from '../api/app-error'
import { lineAmount, sumFen } from '../../shared/domain/money'
import type { In, Out } from './types'

// Reading purchase orders: the list with amounts, and one order with its lines and receipts.

export interface PoRow {
  id: number
  number: string
  supplier_id: number
  state: 'draft' | 'sent' | 'partly_received' | 'closed' | 'cancelled'
  version: number
}

interface HeadRow extends PoRow {
  supplier_name: string
  note: string
  created_at: string
  sent_at: string | null
  closed_at: string | null
}

const HEAD_SQL = `SELECT o.id, o.number, o.supplier_id, s.name AS supplier_name, o.state, o.note, o.created_at, o.sent_at, o.closed_at,
    o.version
  FROM purchase_orders o JOIN suppliers s ON s.id = o.supplier_id`

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
  const where: string[] = []
  const params: (string | number)[] = []
  if (input.state) {
    where.push('o.state = ?')
    params.push(input.state)
  }
  if (input.supplierId) {
    where.push('o.supplier_id = ?')
    params.push(input.supplierId)
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : ''
  const total = (ctx.store.prepare(`SELECT COUNT(*) AS n FROM purchase_orders o ${w}`).get(...params) as { n: number }).n
  const rows = ctx.store.prepare(`${HEAD_SQL} ${w} ORDER BY o.id DESC LIMIT ? OFFSET ?`).all(...params, input.limit, input.offset) as HeadRow[]
  // The total is the sum of the rounded line amounts, as on the supplier's invoice.
  return { rows: rows.map((h) => summary(h, poAmount(ctx, h.id))), total }
}

function poAmount(ctx: Ctx, poId: number): number {
  const lines = ctx.store.prepare('SELECT quantity_milli, unit_cost_fen FROM po_lines WHERE po_id = ?').all(poId) as { quantity_milli: number; unit_cost_fen: number }[]
  return sumFen(lines.map((l) => lineAmount(l.quantity_milli, l.unit_cost_fen)))
}

export function poDetail(ctx: Ctx, id: number): Out<'purchasing.po.get'> {
  const head = ctx.store.prepare(`${HEAD_SQL} WHERE o.id = ?`).get(id) as HeadRow | undefined
  if (!head) throw notFound('entity.purchaseOrder', id)
  const lines = ctx.store
    .prepare(
      `SELECT l.id, l.part_id, p.part_number, p.name, l.quantity_milli, l.received_milli, l.unit_cost_fen, l.ro_id, r.number AS ro_number,
              l.customer_id, l.note
         FROM po_lines l JOIN parts p ON p.id = l.part_id LEFT JOIN repair_orders r ON r.id = l.ro_id WHERE l.po_id = ? ORDER BY l.id`,
    )
    .all(id) as {
    id: number
    part_id: number
    part_number: string
    name: string
    quantity_milli: number
    received_milli: number
    unit_cost_fen: number
    ro_id: number | null
    ro_number: string | null
    customer_id: number | null
    note: string
  }[]
  const receipts = ctx.store
    .prepare('SELECT r.id, r.at, u.display_name AS user_name, r.note FROM po_receipts r JOIN users u ON u.id = r.user_id WHERE r.po_id = ? ORDER BY r.id')
    .all(id) as { id: number; at: string; user_name: string; note: string }[]
  const receiptLines = ctx.store.prepare(
    'SELECT po_line_id, expected_milli, received_milli, unit_cost_fen, difference, note FROM po_receipt_lines WHERE receipt_id = ? ORDER BY id',
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
      lines: (
        receiptLines.all(r.id) as {
          po_line_id: number
          expected_milli: number
          received_milli: number
          unit_cost_fen: number
          difference: 'short' | 'over' | 'damaged' | 'wrong_part' | 'price' | null
          note: string
        }[]
      ).map((x) => ({
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
