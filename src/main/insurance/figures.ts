import type { z } from 'zod'
import type { Ctx } from '../api/context'
import type { AssessmentRow, CollectionRow, insuranceFiguresContract } from '../../shared/contract/insurance-figures'
import { daysBetween, lastDateOfMonth, monthBounds as calendarMonth, monthKey } from '../../shared/domain/calendar'
import { mulDivRound } from '../../shared/domain/stock'
import { sql } from 'kysely'
import { all, sqlAll } from '../store/query'
import { collectionInvoices, type CollectionInvoiceRow } from '../rules/insurance-collection'
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
//   collection  当月回款 by the one definition the dashboard target uses (rules/insurance-collection.ts):
//               insurer invoices issued in the month and paid in full within it ÷ invoices issued
//               (a running month's invoice not yet paid in full is pending and left out). Beside the
//               rate, plain amounts: billed, collected within the month, still outstanding at its end.

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

/** Insurer invoices issued in `month`, each collected within the month or not (the target's rows). */
function invoicesSettled(env: EvalEnv, month: string, insurer?: string): Collection[] {
  const { from, to } = calendarMonth(month, env.timeZone)
  // raw SQL: the target's own statement (insurance-collection.ts), with the RO's number.
  const rows = sqlAll(
    env.store,
    sql<CollectionInvoiceRow & { ro_number: string }>`SELECT c.*, r.number AS ro_number FROM (${collectionInvoices(env, from, to, insurer)}) c
      JOIN repair_orders r ON r.id = c.ro_id ORDER BY c.insurer, c.issued_at, c.id`,
  )
  return rows.map((i) => ({
    invoiceId: i.id,
    number: i.number,
    roId: i.ro_id,
    roNumber: i.ro_number,
    insurer: i.insurer ?? '',
    claimNo: i.claim_no ?? '',
    issuedAt: i.issued_at,
    grossFen: i.gross_fen,
    collectedInMonthFen: i.in_month,
    paidFen: i.paid,
    lastPaidAt: i.last_paid_at,
    collectedInMonth: i.collected === 1,
    pending: i.pending === 1,
  }))
}

/** The rate counts invoices (collected within the month ÷ decided); the amounts stand beside it. */
function collectionOf(rows: readonly Collection[]) {
  const decided = rows.filter((r) => !r.pending)
  const collected = decided.filter((r) => r.collectedInMonth).length
  const collectedFen = rows.reduce((s, r) => s + r.collectedInMonthFen, 0)
  const settledFen = rows.reduce((s, r) => s + r.grossFen, 0)
  return { collected, invoices: decided.length, valueBp: rate(collected, decided.length), pending: rows.length - decided.length, settledFen, collectedFen, outstandingFen: settledFen - collectedFen }
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
