import type { Ctx } from '../api/context'
import { notFound } from '../api/app-error'
import { draftInvoices } from '../../shared/domain/settlement'
import type { Payer } from '../../shared/domain/payer'
import type { RoState } from '../../shared/domain/ro-state'
import type { RoType } from '../../shared/domain/ro-type'
import { getSetting, repairWarrantyOf } from '../settings/settings'
import { repairWarrantyEnd } from '../../shared/domain/repair-warranty'
import { discountCapBp } from './numbers'
import { partsOverrideOf, settleGatesOf } from './settle-gates'
import type { In, Out, SettlementViewOut } from './types'

// What the cashier's screen, the settlement statement (结算单) and the gate pass (出门证) show:
// the RO, its lines, the invoices with what is paid and open, the payments and the history.

export interface RoHeadRow {
  id: number
  number: string
  type: RoType
  state: RoState
  version: number
  plate: string | null
  vin: string
  model: string
  customer_id: number
  customer_name: string
  customer_mobile: string | null
  advisor_name: string
  odometer_km: number
  opened_at: string
  promised_at: string | null
  completed_at: string | null
  settled_at: string | null
  delivered_at: string | null
  net_fen: number
  vat_fen: number
  gross_fen: number
}

export function loadRoHead(ctx: Ctx, roId: number): RoHeadRow {
  const row = ctx.store
    .prepare(
      `SELECT r.id, r.number, r.type, r.state, r.version, v.plate, v.vin, v.model, r.customer_id, c.name AS customer_name,
              c.mobile AS customer_mobile, u.display_name AS advisor_name, r.odometer_km, r.opened_at, r.promised_at,
              r.completed_at, r.settled_at, r.delivered_at, r.net_fen, r.vat_fen, r.gross_fen
         FROM repair_orders r JOIN vehicles v ON v.id = r.vehicle_id JOIN customers c ON c.id = r.customer_id
         JOIN users u ON u.id = r.advisor_id
        WHERE r.id = ?`,
    )
    .get(roId) as RoHeadRow | undefined
  if (!row) throw notFound('entity.repairOrder', roId)
  return row
}

export interface BillLine {
  position: number
  kind: 'labour' | 'part'
  description: string
  quantity_milli: number
  unit_price_fen: number
  amount_fen: number
  payer: Payer
  vat_rate_bp: number
}

export function loadBillLines(ctx: Ctx, roId: number): BillLine[] {
  return ctx.store
    .prepare(
      `SELECT position, kind, description, quantity_milli, unit_price_fen, amount_fen, payer, vat_rate_bp
         FROM ro_lines WHERE ro_id = ? ORDER BY position`,
    )
    .all(roId) as BillLine[]
}

export const toTotalsLines = (lines: readonly BillLine[]) => lines.map((l) => ({ amountFen: l.amount_fen, vatRateBp: l.vat_rate_bp, payer: l.payer }))

interface InvoiceRow {
  id: number
  number: string
  payer: Payer
  kind: 'invoice' | 'credit'
  reversal_of: number | null
  net_fen: number
  vat_fen: number
  gross_fen: number
  discount_fen: number
  state: 'issued' | 'reversed'
  insurer: string | null
  claim_no: string | null
  issued_at: string
  issued_by: string
  paid_fen: number
}

const INVOICE_SQL = `SELECT i.id, i.number, i.payer, i.kind, i.reversal_of, i.net_fen, i.vat_fen, i.gross_fen, i.discount_fen, i.state,
       i.insurer, i.claim_no, i.issued_at, u.display_name AS issued_by,
       COALESCE((SELECT SUM(p.amount_fen) FROM payments p WHERE p.invoice_id = i.id), 0) AS paid_fen
  FROM invoices i JOIN users u ON u.id = i.issued_by`

/** An invoice still standing takes payments; reversed ones and credit notes are history. */
export const isOpenInvoice = (i: Pick<InvoiceRow, 'kind' | 'state'>) => i.kind === 'invoice' && i.state === 'issued'

export function invoiceById(ctx: Ctx, id: number): InvoiceRow & { ro_id: number } {
  const row = ctx.store.prepare(`${INVOICE_SQL.replace('SELECT i.id,', 'SELECT i.ro_id, i.id,')} WHERE i.id = ?`).get(id) as
    | (InvoiceRow & { ro_id: number })
    | undefined
  if (!row) throw notFound('entity.invoice', id)
  return row
}

export function getSettlementView(ctx: Ctx, roId: number): SettlementViewOut {
  const ro = loadRoHead(ctx, roId)
  const lines = loadBillLines(ctx, roId)
  const invoices = ctx.store.prepare(`${INVOICE_SQL} WHERE i.ro_id = ? ORDER BY i.id`).all(roId) as InvoiceRow[]
  const payments = ctx.store
    .prepare(
      `SELECT p.id, p.invoice_id, i.number AS invoice_number, i.payer, p.method, p.amount_fen, p.reference, p.at,
              u.display_name AS user_name, p.reversal_of, p.tendered_fen, p.change_fen
         FROM payments p JOIN invoices i ON i.id = p.invoice_id JOIN users u ON u.id = p.user_id
        WHERE i.ro_id = ? ORDER BY p.id`,
    )
    .all(roId) as {
    id: number
    invoice_id: number
    invoice_number: string
    payer: Payer
    method: Out<'settlement.get'>['payments'][number]['method']
    amount_fen: number
    reference: string
    at: string
    user_name: string
    reversal_of: number | null
    tendered_fen: number | null
    change_fen: number
  }[]
  const history = ctx.store
    .prepare(
      `SELECT s.kind, s.at, u.display_name AS user_name, s.reason, s.note FROM settlements s JOIN users u ON u.id = s.user_id
        WHERE s.ro_id = ? ORDER BY s.id`,
    )
    .all(roId) as { kind: 'settle' | 'reversal'; at: string; user_name: string; reason: string; note: string }[]
  const delivery = ctx.store.prepare('SELECT gate_pass_no, delivered_at, on_credit, outstanding_fen FROM deliveries WHERE ro_id = ?').get(roId) as
    | { gate_pass_no: string; delivered_at: string; on_credit: number; outstanding_fen: number }
    | undefined
  const open = invoices.filter(isOpenInvoice)
  const balanceOf = (i: InvoiceRow) => (isOpenInvoice(i) ? i.gross_fen - i.paid_fen : 0)
  const settledAlready = ro.state === 'settled' || ro.state === 'delivered'
  return {
    ro: {
      id: ro.id,
      number: ro.number,
      type: ro.type,
      state: ro.state,
      version: ro.version,
      plate: ro.plate,
      vin: ro.vin,
      model: ro.model,
      customerId: ro.customer_id,
      customerName: ro.customer_name,
      customerMobile: ro.customer_mobile,
      advisorName: ro.advisor_name,
      odometerKm: ro.odometer_km,
      openedAt: ro.opened_at,
      promisedAt: ro.promised_at,
      completedAt: ro.completed_at,
      settledAt: ro.settled_at,
      deliveredAt: ro.delivered_at,
      netFen: ro.net_fen,
      vatFen: ro.vat_fen,
      grossFen: ro.gross_fen,
    },
    lines: lines.map((l) => ({
      position: l.position,
      kind: l.kind,
      description: l.description,
      quantityMilli: l.quantity_milli,
      unitPriceFen: l.unit_price_fen,
      amountFen: l.amount_fen,
      payer: l.payer,
      vatRateBp: l.vat_rate_bp,
    })),
    drafts: settledAlready || ro.state === 'cancelled' ? [] : draftInvoices(toTotalsLines(lines)),
    invoices: invoices.map((i) => ({
      id: i.id,
      number: i.number,
      payer: i.payer,
      kind: i.kind,
      reversalOf: i.reversal_of,
      netFen: i.net_fen,
      vatFen: i.vat_fen,
      grossFen: i.gross_fen,
      discountFen: i.discount_fen,
      state: i.state,
      insurer: i.insurer,
      claimNo: i.claim_no,
      issuedAt: i.issued_at,
      issuedBy: i.issued_by,
      paidFen: i.paid_fen,
      balanceFen: balanceOf(i),
    })),
    payments: payments.map((p) => ({
      id: p.id,
      invoiceId: p.invoice_id,
      invoiceNumber: p.invoice_number,
      payer: p.payer,
      method: p.method,
      amountFen: p.amount_fen,
      reference: p.reference,
      at: p.at,
      userName: p.user_name,
      reversalOf: p.reversal_of,
      tenderedFen: p.tendered_fen,
      changeFen: p.change_fen,
    })),
    customerBalanceFen: open.filter((i) => i.payer === 'customer').reduce((s, i) => s + balanceOf(i), 0),
    balanceFen: open.reduce((s, i) => s + balanceOf(i), 0),
    discountCapBp: discountCapBp(ctx.store),
    history: history.map((h) => ({ kind: h.kind, at: h.at, userName: h.user_name, reason: h.reason, note: h.note })),
    gatePass: delivery
      ? { number: delivery.gate_pass_no, deliveredAt: delivery.delivered_at, onCredit: delivery.on_credit === 1, outstandingFen: delivery.outstanding_fen }
      : null,
    dealer: { name: getSetting(ctx.store, 'dealer.name'), code: getSetting(ctx.store, 'dealer.code') },
    settleGates: settleGatesOf(ctx, ro.id, ro.number, settledAlready || ro.state === 'cancelled'),
    partsOverride: partsOverrideOf(ctx, ro.id),
    repairWarranty: repairWarrantyView(ctx, ro),
  }
}

function repairWarrantyView(ctx: Ctx, ro: RoHeadRow): SettlementViewOut['repairWarranty'] {
  const w = repairWarrantyOf(ctx.store, ro.type)
  const from = ro.delivered_at ?? ro.settled_at
  const end = from ? repairWarrantyEnd(from, ro.odometer_km, w) : null
  return { days: w.days, km: w.km, fromDate: from ? from.slice(0, 10) : null, untilDate: end?.untilDate ?? null, untilKm: ro.odometer_km + w.km }
}

/** The cashier's queue: ROs ready to settle, or settled and waiting for the customer. */
export function settlementQueue(ctx: Ctx, input: In<'settlement.queue'>): Out<'settlement.queue'> {
  const rows = ctx.store
    .prepare(
      `SELECT r.id, r.number, r.type, r.state, r.version, v.plate, v.model, c.name AS customer_name, u.display_name AS advisor_name,
              r.gross_fen, r.completed_at, r.settled_at,
              COALESCE((SELECT SUM(x.balance_fen) FROM receivables x WHERE x.ro_id = r.id), 0) AS balance_fen,
              COALESCE((SELECT SUM(x.balance_fen) FROM receivables x WHERE x.ro_id = r.id AND x.payer = 'customer'), 0) AS customer_balance_fen
         FROM repair_orders r JOIN vehicles v ON v.id = r.vehicle_id JOIN customers c ON c.id = r.customer_id
         JOIN users u ON u.id = r.advisor_id
        WHERE r.state = ? ORDER BY COALESCE(r.completed_at, r.updated_at), r.id LIMIT ?`,
    )
    .all(input.state, input.limit) as {
    id: number
    number: string
    type: RoType
    state: RoState
    version: number
    plate: string | null
    model: string
    customer_name: string
    advisor_name: string
    gross_fen: number
    completed_at: string | null
    settled_at: string | null
    balance_fen: number
    customer_balance_fen: number
  }[]
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    type: r.type,
    state: r.state,
    version: r.version,
    plate: r.plate,
    model: r.model,
    customerName: r.customer_name,
    advisorName: r.advisor_name,
    grossFen: r.gross_fen,
    balanceFen: r.balance_fen,
    customerBalanceFen: r.customer_balance_fen,
    completedAt: r.completed_at,
    settledAt: r.settled_at,
  }))
}
