import type { z } from 'zod'
import type { Ctx } from '../api/context'
import type { DrillPart, DrillRo, rulesContract } from '../../shared/contract/rules'
import type { RoState } from '../../shared/domain/ro-state'
import type { RoType } from '../../shared/domain/ro-type'
import { addLocalMonths, localInstant } from '../../shared/domain/settlement-deadline'
import { envOf, numbered, type EvalEnv } from './context'
import { paramsOf } from './dashboard'
import { SLOW_PART_SQL } from './measures'

// Drill-down: the ROs, invoices or parts behind one month's figure on the dashboard.

type Section = typeof rulesContract
type In = z.output<Section['dashboard.drill']['input']>
type Out = z.output<Section['dashboard.drill']['output']>
type RoOut = z.output<typeof DrillRo>
type PartOut = z.output<typeof DrillPart>

interface RoRow {
  id: number
  number: string
  type: RoType
  state: RoState
  customer_name: string
  completed_at: string | null
  settled_at: string | null
  elapsed: number | null
  late: number
  pending: number
  invoice_id?: number | null
  invoice_number?: string | null
  insurer?: string | null
  claim_no?: string | null
  balance?: number | null
}

const roOut = (r: RoRow): RoOut => ({
  roId: r.id,
  number: r.number,
  type: r.type,
  state: r.state,
  customerName: r.customer_name,
  completedAt: r.completed_at,
  settledAt: r.settled_at,
  elapsedDays: r.elapsed === null ? null : Math.round(r.elapsed * 10) / 10,
  late: r.late === 1,
  pending: r.pending === 1,
  invoiceId: r.invoice_id ?? null,
  invoiceNumber: r.invoice_number ?? null,
  insurer: r.insurer ?? null,
  claimNo: r.claim_no ?? null,
  balanceFen: r.balance ?? null,
})

const partOut = (r: Partial<Record<string, number | string | null>> & { part_id: number; part_number: string; name: string }): PartOut => ({
  partId: r.part_id,
  partNumber: r.part_number,
  name: r.name,
  onHandMilli: (r.on_hand as number | null | undefined) ?? null,
  valueFen: (r.value as number | null | undefined) ?? null,
  issuedMilli: (r.issued_milli as number | null | undefined) ?? null,
  issuedValueFen: (r.issued_value as number | null | undefined) ?? null,
  lastIssueAt: (r.last_issue_at as string | null | undefined) ?? null,
  roId: (r.ro_id as number | null | undefined) ?? null,
  roNumber: (r.ro_number as string | null | undefined) ?? null,
  diffMilli: (r.diff_milli as number | null | undefined) ?? null,
  diffValueFen: (r.diff_value as number | null | undefined) ?? null,
})

function monthBounds(env: EvalEnv, month: string): { start: string; end: string } {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return { start: env.iso(localInstant(env.timeZone, y, m, 1)), end: env.iso(localInstant(env.timeZone, y, m + 1, 1)) }
}

const RO_BASE = `SELECT r.id, r.number, r.type, r.state, c.name AS customer_name, r.completed_at, r.settled_at`

export function drill(ctx: Ctx, input: In): Out {
  const env = envOf(ctx)
  const { start, end } = monthBounds(env, input.month)
  const lim = input.limit + 1
  let ros: RoOut[] = []
  let parts: PartOut[] = []
  const stmt = (sql: string) => env.store.prepare(sql)
  switch (input.target) {
    case 'maintenance_settlement': {
      const p = paramsOf(env, 'maintenance_settlement_overdue')
      const rows = stmt(
        `${RO_BASE}, julianday(COALESCE(r.settled_at, ?1)) - julianday(r.completed_at) AS elapsed,
                julianday(COALESCE(r.settled_at, ?1)) - julianday(r.completed_at) > ?2 AS late,
                r.settled_at IS NULL AND julianday(?1) - julianday(r.completed_at) <= ?2 AS pending
           FROM repair_orders r JOIN customers c ON c.id = r.customer_id
          WHERE r.completed_at >= ?3 AND r.completed_at < ?4 AND r.state <> 'cancelled' AND r.type IN (SELECT value FROM json_each(?5))
          ORDER BY late DESC, r.completed_at LIMIT ?6`,
      ).all(numbered(env.nowIso, p.days, start, end, JSON.stringify(p.roTypes), lim)) as RoRow[]
      ros = rows.map(roOut)
      break
    }
    case 'insurance_settlement': {
      const p = paramsOf(env, 'insurance_settlement_month_end')
      const rows = stmt(
        `${RO_BASE}, julianday(COALESCE(r.settled_at, ?1)) - julianday(r.completed_at) AS elapsed,
                COALESCE(r.settled_at, ?1) >= ?4 AS late, r.settled_at IS NULL AND ?1 < ?4 AS pending
           FROM repair_orders r JOIN customers c ON c.id = r.customer_id
          WHERE r.completed_at >= ?3 AND r.completed_at < ?4 AND r.state <> 'cancelled' AND r.type IN (SELECT value FROM json_each(?2))
          ORDER BY late DESC, r.completed_at LIMIT ?5`,
      ).all(numbered(env.nowIso, JSON.stringify(p.roTypes), start, end, lim)) as RoRow[]
      ros = rows.map(roOut)
      break
    }
    case 'insurance_collection': {
      const rows = stmt(
        `WITH inv AS (
           SELECT i.id, i.ro_id, i.number, i.insurer, i.claim_no, i.issued_at, i.gross_fen,
                  COALESCE((SELECT SUM(p.amount_fen) FROM payments p WHERE p.invoice_id = i.id AND p.at < ?3), 0) AS in_month,
                  COALESCE((SELECT SUM(p.amount_fen) FROM payments p WHERE p.invoice_id = i.id), 0) AS paid
             FROM invoices i WHERE i.payer = 'insurance' AND i.kind = 'invoice' AND i.state = 'issued' AND i.issued_at >= ?2 AND i.issued_at < ?3)
         ${RO_BASE}, julianday(?1) - julianday(inv.issued_at) AS elapsed, inv.in_month < inv.gross_fen AND ?1 >= ?3 AS late,
                inv.paid < inv.gross_fen AND ?1 < ?3 AS pending, inv.id AS invoice_id, inv.number AS invoice_number, inv.insurer,
                inv.claim_no, inv.gross_fen - inv.paid AS balance
           FROM inv JOIN repair_orders r ON r.id = inv.ro_id JOIN customers c ON c.id = r.customer_id
          ORDER BY late DESC, balance DESC LIMIT ?4`,
      ).all(numbered(env.nowIso, start, end, lim)) as RoRow[]
      ros = rows.map(roOut)
      break
    }
    case 'stock_vs_outbound':
    case 'turnover': {
      const months = input.target === 'turnover' ? paramsOf(env, 'stock_turnover').months : 1
      const from = env.iso(addLocalMonths(new Date(end), -months, env.timeZone))
      parts = (
        stmt(
          `SELECT s.part_id, p.part_number, p.name, s.on_hand_milli AS on_hand, s.value_fen AS value, s.last_issue_at,
                  (SELECT -SUM(m.quantity_milli) FROM stock_moves m WHERE m.part_id = s.part_id AND m.at >= ?1 AND m.at < ?2 AND m.kind IN ('issue', 'return')) AS issued_milli,
                  (SELECT -SUM(m.value_fen) FROM stock_moves m WHERE m.part_id = s.part_id AND m.at >= ?1 AND m.at < ?2 AND m.kind IN ('issue', 'return')) AS issued_value
             FROM part_stock s JOIN parts p ON p.id = s.part_id WHERE s.on_hand_milli > 0
            ORDER BY s.value_fen DESC LIMIT ?3`,
        ).all(numbered(from, end, lim)) as Parameters<typeof partOut>[0][]
      ).map(partOut)
      break
    }
    case 'slow_moving': {
      const cutoff = env.iso(addLocalMonths(env.now, -paramsOf(env, 'slow_moving_share').months, env.timeZone))
      parts = (
        stmt(
          `SELECT s.part_id, p.part_number, p.name, s.on_hand_milli AS on_hand, s.value_fen AS value, s.last_issue_at
             FROM part_stock s JOIN parts p ON p.id = s.part_id WHERE ${SLOW_PART_SQL} ORDER BY s.value_fen DESC LIMIT ?`,
        ).all(cutoff, lim) as Parameters<typeof partOut>[0][]
      ).map(partOut)
      break
    }
    case 'fill_rate': {
      parts = (
        stmt(
          `SELECT q.part_id, p.part_number, p.name, q.requested_milli AS issued_milli, q.ro_id, r.number AS ro_number, s.on_hand_milli AS on_hand
             FROM part_requests q JOIN parts p ON p.id = q.part_id JOIN repair_orders r ON r.id = q.ro_id
             LEFT JOIN part_stock s ON s.part_id = q.part_id
            WHERE q.first_at >= ? AND q.first_at < ? AND q.served_from_stock = 0 ORDER BY q.first_at LIMIT ?`,
        ).all(start, end, lim) as Parameters<typeof partOut>[0][]
      ).map(partOut)
      break
    }
    case 'stocktake_variance': {
      parts = (
        stmt(
          `SELECT l.part_id, p.part_number, p.name, l.book_milli AS on_hand, l.book_value_fen AS value,
                  COALESCE(l.counted_milli, l.book_milli) - l.book_milli AS diff_milli,
                  CASE WHEN l.book_milli > 0 THEN (l.book_value_fen * (COALESCE(l.counted_milli, l.book_milli) - l.book_milli)) / l.book_milli
                       ELSE ((COALESCE(l.counted_milli, l.book_milli) - l.book_milli) * l.unit_cost_fen) / 1000 END AS diff_value
             FROM stocktakes st JOIN stocktake_lines l ON l.stocktake_id = st.id JOIN parts p ON p.id = l.part_id
            WHERE st.state = 'approved' AND st.decided_at >= ? AND st.decided_at < ? AND COALESCE(l.counted_milli, l.book_milli) <> l.book_milli
            ORDER BY abs(diff_value) DESC LIMIT ?`,
        ).all(start, end, lim) as Parameters<typeof partOut>[0][]
      ).map(partOut)
      break
    }
  }
  const truncated = ros.length > input.limit || parts.length > input.limit
  return { target: input.target, month: input.month, ros: ros.slice(0, input.limit), parts: parts.slice(0, input.limit), truncated }
}
