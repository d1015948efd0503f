import { addDays, lastDateOfMonth } from '../../shared/domain/calendar'
import { addSupplement, saveClaim } from '../insurance/claim-save'
import { billingTotals } from '../insurance/billing'
import { deliverRo } from '../settlement/deliver'
import { payInvoice } from '../settlement/payments'
import { settleRo } from '../settlement/settle'
import { loadBillLines } from '../settlement/view'
import { all, first } from '../store/query'
import type { OpenOrder, PendingSettlement } from './seed-orders'
import { input, type Sim } from './sim-ctx'
import type { World } from './world'

// The front desk's insurance claims (保险定损): a handful of the recent accident repairs carry their
// claim through the insurance services — reported and arrived the day the car came in, assessed a
// day or a few later (some past the rule's days), one with a supplement after the strip-down, a
// deductible or betterment on some — and are settled split between the insurer and the customer.
// The insurers pay by transfer: some within the month of settlement, some the month after, the
// latest one not yet. Today, the body-shop car finished yesterday is assessed and waits at the
// cashier. Everything else is left to the cashier's history (returned: the orders not taken here).

const DAY = 86_400_000
const HOUR = 3_600_000
const INSURERS = ['中国人保财险', '平安产险', '太平洋产险'] as const
/** Per claim: days from arrival to the assessment, deductible (fen), a betterment line, a supplement. */
const PLANS = [
  { days: 1, deductibleFen: 0, betterment: false, supplement: false, pay: 'in_month' },
  { days: 2, deductibleFen: 50_000, betterment: true, supplement: false, pay: 'late' },
  { days: 1, deductibleFen: 0, betterment: false, supplement: true, pay: 'in_month' },
  { days: 5, deductibleFen: 0, betterment: false, supplement: false, pay: 'late' },
  { days: 3, deductibleFen: 30_000, betterment: true, supplement: false, pay: 'in_month' },
  { days: 4, deductibleFen: 0, betterment: false, supplement: false, pay: 'outstanding' },
] as const
const HISTORY_WINDOW_DAYS = 150

interface RoFacts {
  id: number
  number: string
  opened_at: string
  customer_name: string
  version: number
}

function roFacts(w: World, roId: number): RoFacts {
  return first(
    w.store,
    w.store.db
      .selectFrom('repair_orders as r')
      .innerJoin('customers as c', 'c.id', 'r.customer_id')
      .select(['r.id', 'r.number', 'r.opened_at', 'c.name as customer_name', 'r.version'])
      .where('r.id', '=', roId),
  )!
}

const insurerLinesOf = (w: World, roId: number) =>
  all(w.store, w.store.db.selectFrom('ro_lines').select(['id', 'amount_fen']).where('ro_id', '=', roId).where('payer', '=', 'insurance').orderBy('position'))

const claimHead = (ro: RoFacts, k: number, arrivedOn: string, deductibleFen: number) => ({
  roId: ro.id,
  insurer: INSURERS[k % INSURERS.length]!,
  policyNo: `PDAA${arrivedOn.slice(0, 4)}4401${String(ro.id).padStart(8, '0')}`,
  reportNo: `RDAA${arrivedOn.replace(/-/g, '')}${String(ro.id).padStart(6, '0')}`,
  insuredName: ro.customer_name,
  deductibleFen,
  assessor: ['李定损', '陈查勘', '赵理赔'][k % 3]!,
  reportedOn: arrivedOn,
  arrivedOn,
})

/** Opens the claim at arrival and assesses it at `assessedMs` (its local date is the assessment's), as the supervisor did. */
function assess(w: World, sim: Sim, ro: RoFacts, k: number, assessedMs: number, o: { deductibleFen: number; betterment: boolean; holdBack: boolean }): number {
  const desk = sim.as('frontdesk')
  const arrivedOn = ro.opened_at.slice(0, 10)
  const head = claimHead(ro, k, arrivedOn, o.deductibleFen)
  sim.clock.set(Date.parse(ro.opened_at) + HOUR)
  const opened = saveClaim(desk, input('insurance.save', { ...head, version: 0 }))
  sim.clock.set(assessedMs)
  const assessedOn = sim.clock.iso.slice(0, 10)
  const lines = insurerLinesOf(w, ro.id).map((l, i) => {
    // The strip-down finds more: the first line assessed short now, the rest as a supplement later.
    if (i === 0 && o.holdBack) return { lineId: l.id, assessedFen: Math.round(l.amount_fen * 0.85) }
    if (i === 0 && o.betterment) return { lineId: l.id, assessedFen: Math.round(l.amount_fen * 0.8), reason: 'betterment' as const }
    return { lineId: l.id, assessedFen: l.amount_fen }
  })
  const saved = saveClaim(desk, input('insurance.save', { ...head, version: opened.claim!.version, assessedOn, lines }))
  return saved.claim!.version
}

function insurerInvoice(w: World, roId: number) {
  return first(
    w.store,
    w.store.db.selectFrom('invoices').select(['id', 'gross_fen', 'issued_at']).where('ro_id', '=', roId).where('payer', '=', 'insurance').where('kind', '=', 'invoice'),
  )
}

/** Settles at `settledAt` with the customer paying their share at the till; delivers when the car went. */
function settleSplit(w: World, sim: Sim, item: PendingSettlement): void {
  const cashier = sim.as('cashier')
  sim.clock.set(Date.parse(item.settledAt), item.settledAt)
  const customerFen = billingTotals(cashier, item.roId, loadBillLines(cashier, item.roId), { forSettle: false }).byPayer.customer.grossFen
  settleRo(
    cashier,
    input('settlement.settle', {
      roId: item.roId,
      version: roFacts(w, item.roId).version,
      payments: customerFen > 0 ? [{ payer: 'customer', method: 'wechat_pay', amountFen: customerFen }] : [],
    }),
  )
  if (item.deliveredAt) {
    sim.clock.set(Date.parse(item.deliveredAt), item.deliveredAt)
    deliverRo(cashier, input('settlement.deliver', { roId: item.roId, version: roFacts(w, item.roId).version }))
  }
}

export function seedInsurance(w: World, sim: Sim, pending: readonly PendingSettlement[], open: readonly OpenOrder[], nowMs: number): PendingSettlement[] {
  const typeOf = (roId: number) => first(w.store, w.store.db.selectFrom('repair_orders').select('type').where('id', '=', roId))?.type
  const from = nowMs - HISTORY_WINDOW_DAYS * DAY
  const candidates = pending.filter((p) => {
    const at = Date.parse(p.settledAt)
    return at >= from && at < nowMs - 3 * DAY && typeOf(p.roId) === 'insurance' && insurerLinesOf(w, p.roId).length > 0
  })
  const count = Math.min(PLANS.length, candidates.length)
  // Spread over the window, oldest first, so each month has its claims.
  const chosen = Array.from({ length: count }, (_, k) => candidates[Math.floor(((k + 0.5) * candidates.length) / count)]!)
  const cashier = sim.as('cashier')
  const payments: { ms: number; roId: number }[] = []
  chosen.forEach((item, k) => {
    const plan = PLANS[k]!
    const ro = roFacts(w, item.roId)
    const arrivedOn = ro.opened_at.slice(0, 10)
    const settledOn = item.settledAt.slice(0, 10)
    const assessedOn = [addDays(arrivedOn, plan.days), settledOn].sort()[0]!
    const settledMs = Date.parse(item.settledAt)
    const at = (date: string, time: string) => Math.min(Date.parse(`${date}T${time}${ro.opened_at.slice(19)}`), settledMs - HOUR)
    const version = assess(w, sim, ro, k, at(assessedOn, '10:30:00'), { deductibleFen: plan.deductibleFen, betterment: plan.betterment, holdBack: plan.supplement })
    if (plan.supplement) {
      const line = insurerLinesOf(w, ro.id)[0]!
      const on = [addDays(assessedOn, 1), settledOn].sort()[0]!
      sim.clock.set(Math.max(at(on, '15:00:00'), sim.clock.ms + 60_000))
      addSupplement(
        sim.as('frontdesk'),
        input('insurance.supplement', { roId: ro.id, version, lineId: line.id, assessedOn: on, amountFen: line.amount_fen - Math.round(line.amount_fen * 0.85), note: '拆检后发现内部支架断裂，追加定损' }),
      )
    }
    settleSplit(w, sim, item)
    const monthEndMs = Date.parse(`${lastDateOfMonth(settledOn.slice(0, 7))}T16:00:00${item.settledAt.slice(19)}`)
    const ms = plan.pay === 'in_month' ? Math.min(settledMs + 6 * DAY, monthEndMs) : plan.pay === 'late' ? monthEndMs + 12 * DAY : null
    if (ms !== null && ms < nowMs - HOUR) payments.push({ ms, roId: ro.id })
  })
  for (const p of payments.sort((a, b) => a.ms - b.ms)) {
    sim.clock.set(p.ms)
    const invoice = insurerInvoice(w, p.roId)
    if (invoice) payInvoice(cashier, input('settlement.pay', { invoiceId: invoice.id, method: 'transfer', amountFen: invoice.gross_fen, reference: `保险赔款 ${p.roId}` }))
  }

  // Today's: the body-shop car finished yesterday, its assessment done this morning.
  const ready = open.find((o) => o.shop?.stage === 'ready' && typeOf(o.id) === 'insurance')
  if (ready) {
    assess(w, sim, roFacts(w, ready.id), PLANS.length, nowMs - HOUR, { deductibleFen: 30_000, betterment: true, holdBack: false })
  }
  const taken = new Set(chosen.map((c) => c.roId))
  return pending.filter((p) => !taken.has(p.roId))
}
