import type { Payer } from '../../shared/domain/payer'
import { draftInvoices, type PaymentMethod } from '../../shared/domain/settlement'
import { deliverRo } from '../settlement/deliver'
import { payInvoice } from '../settlement/payments'
import { settleRo } from '../settlement/settle'
import { loadBillLines, toTotalsLines } from '../settlement/view'
import { weightedSampler } from './random'
import type { PendingSettlement } from './seed-orders'
import { input, type Sim } from './sim-ctx'
import type { World } from './world'

// The cashier's history (结算): every recent closed order settled through the settlement service
// at the time it was settled — one invoice per payer, the customer paying at the till (sometimes
// with the small change waived, 抹零), internal work booked at once — then collected at the gate.
// Makers pay warranty and campaign invoices and insurers their claims by transfer weeks later, so
// the latest of those are still open receivables; one old insurance claim is stuck (资料不全).

const DAY = 86_400_000
const HOUR = 3_600_000
const METHOD = weightedSampler<PaymentMethod>(['wechat_pay', 'alipay', 'bank_card', 'cash'], [42, 23, 25, 10])
const INSURERS = ['中国人保财险', '平安产险', '太平洋产险', '中华联合财险', '大地保险']

type Event =
  | { ms: number; iso: string; kind: 'settle'; item: PendingSettlement }
  | { ms: number; iso: string; kind: 'deliver'; roId: number }
  | { ms: number; iso: string | null; kind: 'pay'; roId: number; payer: Payer; reference: string }

export function settleHistory(w: World, sim: Sim, pending: readonly PendingSettlement[], nowMs: number): void {
  const { store, rng } = w
  const cashier = sim.as('cashier')
  const events: Event[] = []
  for (const item of pending) {
    events.push({ ms: Date.parse(item.settledAt), iso: item.settledAt, kind: 'settle', item })
    if (item.deliveredAt) events.push({ ms: Date.parse(item.deliveredAt), iso: item.deliveredAt, kind: 'deliver', roId: item.roId })
  }
  // raw SQL: bulk generator speed — a lookup run for every replayed order or action
  const typeOf = store.prepare('SELECT type FROM repair_orders WHERE id = ?').pluck()
  // The stuck claim: the insurance order settled closest to 75 days ago.
  let stuck: number | null = null
  let stuckGap = Infinity
  for (const item of pending) {
    const gap = Math.abs(Date.parse(item.settledAt) - (nowMs - 75 * DAY))
    if (gap < stuckGap && typeOf.get(item.roId) === 'insurance') {
      stuck = item.roId
      stuckGap = gap
    }
  }
  events.sort((a, b) => a.ms - b.ms)

  // raw SQL: bulk generator speed — a lookup run for every replayed order or action
  const version = store.prepare('SELECT version FROM repair_orders WHERE id = ?').pluck()
  // raw SQL: bulk generator speed — a lookup run for every replayed order or action
  const invoiceOf = store.prepare(
    `SELECT i.id, i.gross_fen - coalesce((SELECT sum(p.amount_fen) FROM payments p WHERE p.invoice_id = i.id), 0) AS balance
       FROM invoices i WHERE i.ro_id = ? AND i.payer = ? AND i.kind = 'invoice' AND i.state = 'issued'`,
  )
  // Transfers arrive weeks after the settlement that caused them: kept sorted, merged in as time goes by.
  const later: Event[] = []
  const schedule = (e: Event) => {
    let lo = 0
    let hi = later.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (later[mid]!.ms <= e.ms) lo = mid + 1
      else hi = mid
    }
    later.splice(lo, 0, e)
  }
  const run = (e: Event) => {
    sim.clock.set(e.ms, e.iso ?? undefined)
    if (e.kind === 'settle') {
      const roId = e.item.roId
      const lines = toTotalsLines(loadBillLines(cashier, roId))
      const before = draftInvoices(lines)
      const customer = before.find((d) => d.payer === 'customer')
      const waive = customer && customer.grossFen > 20_000 && rng.chance(0.3) ? customer.grossFen % 100 : 0
      const discounts = waive > 0 ? [{ payer: 'customer' as const, amountFen: waive }] : []
      const drafts = draftInvoices(lines, waive > 0 ? { customer: waive } : {})
      const payments: { payer: Payer; method: PaymentMethod; amountFen: number; reference: string }[] = []
      for (const d of drafts) {
        if (d.payer === 'customer') payments.push({ payer: d.payer, method: METHOD(rng), amountFen: d.grossFen, reference: '' })
        if (d.payer === 'internal') payments.push({ payer: d.payer, method: 'transfer', amountFen: d.grossFen, reference: '内部结算' })
      }
      const insured = drafts.some((d) => d.payer === 'insurance')
      const claimNo = `RDAA${e.iso?.slice(0, 4) ?? ''}4401${String(roId).padStart(8, '0')}`
      settleRo(cashier, input('settlement.settle', {
        roId,
        version: version.get(roId) as number,
        discounts,
        payments,
        ...(insured ? { insurance: { insurer: INSURERS[roId % INSURERS.length]!, claimNo } } : {}),
      }))
      for (const d of drafts) {
        if (d.payer === 'customer' || d.payer === 'internal' || roId === stuck) continue
        // Insurers pay a claim in one to four weeks; makers settle warranty and campaigns monthly.
        const delay = d.payer === 'insurance' ? rng.int(7, 30) * DAY : rng.int(25, 50) * DAY
        const ms = e.ms + delay + rng.int(0, 6) * HOUR
        if (ms < nowMs - HOUR) schedule({ ms, iso: null, kind: 'pay', roId, payer: d.payer, reference: d.payer === 'insurance' ? claimNo : `索赔结算${roId}` })
      }
    } else if (e.kind === 'deliver') {
      deliverRo(cashier, input('settlement.deliver', { roId: e.roId, version: version.get(e.roId) as number }))
    } else {
      const invoice = invoiceOf.get(e.roId, e.payer) as { id: number; balance: number } | undefined
      if (invoice && invoice.balance > 0) {
        payInvoice(cashier, input('settlement.pay', { invoiceId: invoice.id, method: 'transfer', amountFen: invoice.balance, reference: e.reference }))
      }
    }
  }
  let k = 0
  for (const e of events) {
    for (; k < later.length && later[k]!.ms <= e.ms; k++) run(later[k]!)
    run(e)
  }
  for (; k < later.length; k++) run(later[k]!)
}
