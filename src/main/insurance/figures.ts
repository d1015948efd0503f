import type { z } from 'zod'
import type { Ctx } from '../api/context'
import type { AssessmentRow, CollectionRow, insuranceFiguresContract } from '../../shared/contract/insurance-figures'
import { daysBetween, lastDateOfMonth, monthBounds as calendarMonth, monthKey } from '../../shared/domain/calendar'
import { mulDivRound } from '../../shared/domain/stock'
import { all } from '../store/query'
import { envOf, type EvalEnv } from '../rules/context'
import { monthBounds } from '../rules/month-figures'
import { assessmentDays } from './view'

// The front-desk supervisor's insurance figures and the rows behind them; each figure is computed
// from exactly the rows its drill-down lists, so the two always agree.
//
//   timeliness  a claim falls due on the date it keeps (arrival + the assessment rule's days in
//               force when the arrival was set, so a later change of the rule leaves past months
//               as they were judged); it counts in the month of that date once the date has come
//               (today or earlier), and is on time when assessed on or before it. Claims on
//               cancelled ROs are left out.
//   collection  insurer invoices issued (the RO settled) in the month, not reversed; collected
//               within the month is what was paid on them before the next month began, never more
//               than the invoice. Written-off amounts are not collected.

type Section = typeof insuranceFiguresContract
type FiguresIn = z.output<Section['insurance.figures']['input']>
type FiguresOut = z.output<Section['insurance.figures']['output']>
type DrillIn = z.output<Section['insurance.figures.drill']['input']>
type DrillOut = z.output<Section['insurance.figures.drill']['output']>
type Assessment = z.output<typeof AssessmentRow>
type Collection = z.output<typeof CollectionRow>

const rate = (part: number, whole: number) => (whole > 0 ? mulDivRound(part, 10_000, whole) : null)

/** Claims whose assessment fell due in `month` (up to today), with how each was assessed. */
function assessmentsDue(env: EvalEnv, month: string): Assessment[] {
  const today = env.nowIso.slice(0, 10)
  const first = `${month}-01`
  const last = lastDateOfMonth(month)
  const rows = all(
    env.store,
    env.store.db
      .selectFrom('insurance_claims as c')
      .innerJoin('repair_orders as r', 'r.id', 'c.ro_id')
      .innerJoin('vehicles as v', 'v.id', 'r.vehicle_id')
      .select(['c.id', 'c.ro_id', 'r.number', 'v.plate', 'c.insurer', 'c.report_no', 'c.arrived_on', 'c.assessed_on', 'c.assessment_due_on'])
      .where('c.assessment_due_on', '>=', first)
      .where('c.assessment_due_on', '<=', last < today ? last : today)
      .where('r.state', '<>', 'cancelled')
      .orderBy('c.assessment_due_on')
      .orderBy('c.arrived_on')
      .orderBy('c.id'),
  )
  return rows
    .map((c) => {
      const dueOn = c.assessment_due_on
      const onTime = c.assessed_on !== null && c.assessed_on <= dueOn
      return {
        claimId: c.id,
        roId: c.ro_id,
        roNumber: c.number,
        plate: c.plate,
        insurer: c.insurer,
        reportNo: c.report_no,
        arrivedOn: c.arrived_on,
        dueOn,
        assessedOn: c.assessed_on,
        onTime,
        daysLate: onTime ? 0 : Math.max(0, daysBetween(dueOn, c.assessed_on ?? today)),
      }
    })
}

/** Insurer invoices issued in `month` with what was collected on them within it. */
function invoicesSettled(env: EvalEnv, month: string, insurer?: string): Collection[] {
  const { from, to } = calendarMonth(month, env.timeZone)
  let q = env.store.db
    .selectFrom('invoices as i')
    .innerJoin('repair_orders as r', 'r.id', 'i.ro_id')
    .select(['i.id', 'i.number', 'i.ro_id', 'r.number as ro_number', 'i.insurer', 'i.claim_no', 'i.issued_at', 'i.gross_fen'])
    .where('i.payer', '=', 'insurance')
    .where('i.kind', '=', 'invoice')
    .where('i.state', '=', 'issued')
    .where('i.issued_at', '>=', from)
    .where('i.issued_at', '<', to)
  if (insurer !== undefined) q = q.where('i.insurer', '=', insurer)
  const invoices = all(env.store, q.orderBy('i.insurer').orderBy('i.issued_at').orderBy('i.id'))
  if (invoices.length === 0) return []
  const payments = all(
    env.store,
    env.store.db
      .selectFrom('payments')
      .select(['invoice_id', 'amount_fen', 'at'])
      .where(
        'invoice_id',
        'in',
        invoices.map((i) => i.id),
      ),
  )
  return invoices.map((i) => {
    const own = payments.filter((p) => p.invoice_id === i.id)
    const inMonth = own.filter((p) => p.at < to).reduce((s, p) => s + p.amount_fen, 0)
    const paid = own.reduce((s, p) => s + p.amount_fen, 0)
    const last = own.filter((p) => p.amount_fen > 0).reduce<string | null>((m, p) => (m === null || p.at > m ? p.at : m), null)
    return {
      invoiceId: i.id,
      number: i.number,
      roId: i.ro_id,
      roNumber: i.ro_number,
      insurer: i.insurer ?? '',
      claimNo: i.claim_no ?? '',
      issuedAt: i.issued_at,
      grossFen: i.gross_fen,
      collectedInMonthFen: Math.max(0, Math.min(i.gross_fen, inMonth)),
      paidFen: paid,
      lastPaidAt: last,
    }
  })
}

function collectionOf(rows: readonly Collection[]) {
  const collectedFen = rows.reduce((s, r) => s + r.collectedInMonthFen, 0)
  const settledFen = rows.reduce((s, r) => s + r.grossFen, 0)
  return { collectedFen, settledFen, invoices: rows.length, valueBp: rate(collectedFen, settledFen) }
}

export function insuranceFigures(ctx: Ctx, input: FiguresIn): FiguresOut {
  const env = envOf(ctx)
  const days = assessmentDays(ctx)
  const months = monthBounds(env, input.months).map((b) => b.month)
  const timeliness = months.map((month) => {
    const due = assessmentsDue(env, month)
    const onTime = due.filter((a) => a.onTime).length
    return { month, onTime, due: due.length, valueBp: rate(onTime, due.length) }
  })
  const collection = months.map((month) => ({ month, ...collectionOf(invoicesSettled(env, month)) }))
  const insurersMonth = input.month ?? monthKey(env.now, env.timeZone)
  const byInsurer = new Map<string, Collection[]>()
  for (const row of invoicesSettled(env, insurersMonth)) byInsurer.set(row.insurer, [...(byInsurer.get(row.insurer) ?? []), row])
  const insurers = [...byInsurer.entries()].map(([insurer, rows]) => ({ insurer, ...collectionOf(rows) })).sort((a, b) => a.insurer.localeCompare(b.insurer, 'zh-CN'))
  return { asOf: env.nowIso, assessmentDays: days, timeliness, collection, insurersMonth, insurers }
}

export function insuranceFiguresDrill(ctx: Ctx, input: DrillIn): DrillOut {
  const env = envOf(ctx)
  const month = input.month ?? monthKey(env.now, env.timeZone)
  if (input.figure === 'timeliness') return { asOf: env.nowIso, month, assessments: assessmentsDue(env, month), invoices: [] }
  return { asOf: env.nowIso, month, assessments: [], invoices: invoicesSettled(env, month, input.insurer) }
}
