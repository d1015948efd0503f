import type { z } from 'zod'
import type { Ctx } from '../api/context'
import type { DrillCall, DrillPart, DrillRo, rulesContract } from '../../shared/contract/rules'
import type { RoState } from '../../shared/domain/ro-state'
import type { RoType } from '../../shared/domain/ro-type'
import { monthBounds, monthKey } from '../../shared/domain/calendar'
import { sql } from 'kysely'
import { sqlAll } from '../store/query'
import { envOf, type EvalEnv } from './context'
import { paramsOf } from './dashboard'
import { PART_DRILLS, type MonthWindow } from './drill-parts'
import { collectionInvoices } from './insurance-collection'
import { drillInTime, drillSatisfaction, satisfactionByAdvisor } from './care-figures'

// Drill-down: the ROs, invoices or parts behind one month's figure on the dashboard — the same
// rows the figure is computed from (parts as they stood at the month's end: drill-parts.ts).

type Section = typeof rulesContract
type In = z.output<Section['dashboard.drill']['input']>
type Out = z.output<Section['dashboard.drill']['output']>
type RoOut = z.output<typeof DrillRo>
type PartOut = z.output<typeof DrillPart>
type CallOut = z.output<typeof DrillCall>

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

function monthWindow(env: EvalEnv, month: string): MonthWindow {
  const { from: start, to: end } = monthBounds(month, env.timeZone)
  const current = month === monthKey(env.now, env.timeZone)
  // A month still running (or ahead) is read as of now; a past one as of its last instant.
  const asOf = new Date(end) > env.now ? env.nowIso : end
  return { start, end, asOf, current }
}

// raw SQL: the figure's own date arithmetic (julianday, json_each over the rule's RO types)
// written out once, as the figure's statements in dashboard.ts are.
const RO_BASE = sql`SELECT r.id, r.number, r.type, r.state, c.name AS customer_name, r.completed_at, r.settled_at`

export function drill(ctx: Ctx, input: In): Out {
  const env = envOf(ctx)
  const window = monthWindow(env, input.month)
  const { start, end } = window
  const lim = input.limit + 1
  const now = env.nowIso
  let ros: RoOut[] = []
  let parts: PartOut[] = []
  let calls: CallOut[] = []
  switch (input.target) {
    case 'maintenance_settlement': {
      const p = paramsOf(env, 'maintenance_settlement_overdue')
      const rows = sqlAll(
        env.store,
        sql<RoRow>`${RO_BASE}, julianday(COALESCE(r.settled_at, ${now})) - julianday(r.completed_at) AS elapsed,
                julianday(COALESCE(r.settled_at, ${now})) - julianday(r.completed_at) > ${p.days} AS late,
                r.settled_at IS NULL AND julianday(${now}) - julianday(r.completed_at) <= ${p.days} AS pending
           FROM repair_orders r JOIN customers c ON c.id = r.customer_id
          WHERE r.completed_at >= ${start} AND r.completed_at < ${end} AND r.state <> 'cancelled' AND r.type IN (SELECT value FROM json_each(${JSON.stringify(p.roTypes)}))
          ORDER BY late DESC, r.completed_at LIMIT ${lim}`,
      )
      ros = rows.map(roOut)
      break
    }
    case 'insurance_settlement': {
      const p = paramsOf(env, 'insurance_settlement_month_end')
      const rows = sqlAll(
        env.store,
        sql<RoRow>`${RO_BASE}, julianday(COALESCE(r.settled_at, ${now})) - julianday(r.completed_at) AS elapsed,
                COALESCE(r.settled_at, ${now}) >= ${end} AS late, r.settled_at IS NULL AND ${now} < ${end} AS pending
           FROM repair_orders r JOIN customers c ON c.id = r.customer_id
          WHERE r.completed_at >= ${start} AND r.completed_at < ${end} AND r.state <> 'cancelled' AND r.type IN (SELECT value FROM json_each(${JSON.stringify(p.roTypes)}))
          ORDER BY late DESC, r.completed_at LIMIT ${lim}`,
      )
      ros = rows.map(roOut)
      break
    }
    case 'insurance_collection': {
      // The target's own rows (insurance-collection.ts): late = decided and not collected within the month.
      const rows = sqlAll(
        env.store,
        sql<RoRow>`${RO_BASE}, julianday(${now}) - julianday(inv.issued_at) AS elapsed, inv.pending = 0 AND inv.collected = 0 AS late,
                inv.pending, inv.id AS invoice_id, inv.number AS invoice_number, inv.insurer,
                inv.claim_no, inv.gross_fen - inv.paid AS balance
           FROM (${collectionInvoices(env, start, end)}) inv JOIN repair_orders r ON r.id = inv.ro_id JOIN customers c ON c.id = r.customer_id
          ORDER BY late DESC, balance DESC LIMIT ${lim}`,
      )
      ros = rows.map(roOut)
      break
    }
    case 'followup_in_time':
      calls = drillInTime(env, window, lim)
      break
    case 'satisfaction':
      calls = drillSatisfaction(env, window, lim, input.advisorId)
      break
    default:
      parts = PART_DRILLS[input.target](env, window, lim)
  }
  const truncated = ros.length > input.limit || parts.length > input.limit || calls.length > input.limit
  return {
    target: input.target,
    month: input.month,
    asOf: window.asOf,
    ros: ros.slice(0, input.limit),
    parts: parts.slice(0, input.limit),
    calls: calls.slice(0, input.limit),
    truncated,
  }
}

/** The survey's mean per service advisor in one month, each with its drill-down (advisorId). */
export function advisorSatisfaction(ctx: Ctx, input: z.output<Section['dashboard.satisfactionByAdvisor']['input']>): z.output<Section['dashboard.satisfactionByAdvisor']['output']> {
  const env = envOf(ctx)
  return { month: input.month, advisors: satisfactionByAdvisor(env, monthWindow(env, input.month)) }
}
