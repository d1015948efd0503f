import type { z } from 'zod'
import type { Ctx } from '../api/context'
import type { FigureClaim, warrantyFiguresContract } from '../../shared/contract/warranty-figures'
import { daysBetween, monthBounds as calendarMonth, monthKey } from '../../shared/domain/calendar'
import { AGEING_BUCKETS, FIRST_PASS_TARGET_BP, ageingBucket } from '../../shared/domain/warranty-figures'
import { mulDivRound } from '../../shared/domain/stock'
import type { ClaimState, ClaimType } from '../../shared/domain/warranty'
import { all } from '../store/query'
import { envOf, type EvalEnv } from './context'
import { monthBounds } from './month-figures'

// The warranty desk's figures and the claims behind them — each figure is computed from the same
// rows its drill-down lists, so the two always agree:
//
//   first_pass  per month of the maker's first decision: claims approved on their first
//               submission ÷ claims the maker decided on their first submission (the status
//               log's one move out of `submitted`; a resubmission leaves `resubmitted`).
//   reasons     per month: the maker's returns and rejections (of a first or later submission),
//               counted per recorded reason.
//   ageing      now: approved claims not yet paid, by whole days since the approval.

type Section = typeof warrantyFiguresContract
type FiguresOut = z.output<Section['warranty.figures']['output']>
type DrillIn = z.output<Section['warranty.figures.drill']['input']>
type DrillOut = z.output<Section['warranty.figures.drill']['output']>
type ClaimOut = z.output<typeof FigureClaim>

const DECIDED = ['approved', 'returned', 'rejected'] as const
type Decided = (typeof DECIDED)[number]

function claimBase(env: EvalEnv) {
  return env.store.db
    .selectFrom('warranty_claims as w')
    .innerJoin('repair_orders as r', 'r.id', 'w.ro_id')
    .innerJoin('customers as c', 'c.id', 'r.customer_id')
    .select(['w.id', 'w.number', 'w.ro_id', 'r.number as ro_number', 'w.claim_type', 'w.state', 'c.name as customer_name', 'w.total_fen'])
}

interface DecisionRow {
  id: number
  number: string
  ro_id: number
  ro_number: string
  claim_type: ClaimType
  state: ClaimState
  customer_name: string
  total_fen: number
  at: string
  to_state: string
  reason: string
}

/** The maker's decisions logged in [from, to): out of `submitted` only (first) or out of either submission state. */
function decisions(env: EvalEnv, from: string, to: string | null, firstOnly: boolean): DecisionRow[] {
  let q = claimBase(env)
    .innerJoin('warranty_claim_log as l', 'l.claim_id', 'w.id')
    .select(['l.at', 'l.to_state', 'l.reason'])
    .where('l.from_state', 'in', firstOnly ? ['submitted'] : ['submitted', 'resubmitted'])
    .where('l.to_state', 'in', firstOnly ? [...DECIDED] : ['returned', 'rejected'])
    .where('l.at', '>=', from)
  if (to !== null) q = q.where('l.at', '<', to)
  return all(env.store, q.orderBy('l.at').orderBy('l.id'))
}

const decisionRow = (r: DecisionRow): ClaimOut => ({
  claimId: r.id,
  number: r.number,
  roId: r.ro_id,
  roNumber: r.ro_number,
  claimType: r.claim_type,
  state: r.state,
  customerName: r.customer_name,
  decidedAt: r.at,
  decision: r.to_state as Decided,
  reason: r.reason.trim(),
  amountFen: r.total_fen,
  ageDays: null,
  bucket: null,
})

/** Approved, unpaid claims with their age today. */
function unpaid(env: EvalEnv): ClaimOut[] {
  const rows = all(env.store, claimBase(env).select(['w.decided_at', 'w.approved_fen']).where('w.state', '=', 'approved').orderBy('w.decided_at').orderBy('w.id'))
  const today = env.nowIso.slice(0, 10)
  return rows.map((r) => {
    const ageDays = r.decided_at === null ? 0 : Math.max(0, daysBetween(r.decided_at.slice(0, 10), today))
    return {
      claimId: r.id,
      number: r.number,
      roId: r.ro_id,
      roNumber: r.ro_number,
      claimType: r.claim_type,
      state: r.state,
      customerName: r.customer_name,
      decidedAt: r.decided_at,
      decision: 'approved',
      reason: '',
      amountFen: r.approved_fen ?? r.total_fen,
      ageDays,
      bucket: ageingBucket(ageDays),
    }
  })
}

function reasonCounts(rows: readonly ClaimOut[]): FiguresOut['reasons'] {
  const by = new Map<string, FiguresOut['reasons'][number]>()
  for (const r of rows) {
    const decision = r.decision as 'returned' | 'rejected'
    const key = `${decision}\u0000${r.reason}`
    const hit = by.get(key) ?? { decision, reason: r.reason, count: 0 }
    hit.count += 1
    by.set(key, hit)
  }
  return [...by.values()].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
}

export function warrantyFigures(ctx: Ctx, input: z.output<Section['warranty.figures']['input']>): FiguresOut {
  const env = envOf(ctx)
  const bounds = monthBounds(env, input.months)
  const firsts = decisions(env, bounds[0]!.start, null, true)
  const pass = bounds.map((b) => {
    const inMonth = firsts.filter((d) => d.at >= b.start && d.at < b.end)
    const passed = inMonth.filter((d) => d.to_state === 'approved').length
    return { month: b.month, passed, decided: inMonth.length, valueBp: inMonth.length > 0 ? mulDivRound(passed, 10_000, inMonth.length) : null }
  })
  const reasonsMonth = input.reasonsMonth ?? monthKey(env.now, env.timeZone)
  const { from, to } = calendarMonth(reasonsMonth, env.timeZone)
  const reasons = reasonCounts(decisions(env, from, to, false).map(decisionRow))
  const open = unpaid(env)
  const ageing = AGEING_BUCKETS.map((bucket) => {
    const inBucket = open.filter((c) => c.bucket === bucket)
    return { bucket, claims: inBucket.length, amountFen: inBucket.reduce((s, c) => s + c.amountFen, 0) }
  })
  return { asOf: env.nowIso, targetBp: FIRST_PASS_TARGET_BP, pass, reasonsMonth, reasons, ageing }
}

export function warrantyFiguresDrill(ctx: Ctx, input: DrillIn): DrillOut {
  const env = envOf(ctx)
  if (input.figure === 'ageing') {
    return { asOf: env.nowIso, claims: unpaid(env).filter((c) => input.bucket === undefined || c.bucket === input.bucket) }
  }
  const { from, to } = calendarMonth(input.month ?? monthKey(env.now, env.timeZone), env.timeZone)
  if (input.figure === 'first_pass') return { asOf: env.nowIso, claims: decisions(env, from, to, true).map(decisionRow) }
  const rows = decisions(env, from, to, false)
    .map(decisionRow)
    .filter((c) => (input.decision === undefined || c.decision === input.decision) && (input.reason === undefined || c.reason === input.reason.trim()))
  return { asOf: env.nowIso, claims: rows }
}
