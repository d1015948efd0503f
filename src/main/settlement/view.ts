import type { Ctx } from '../api/context'
import { notFound } from '../api/app-error'
import { draftInvoicesFromTotals } from '../../shared/domain/settlement'
import { billingTotals } from '../insurance/billing'
import type { Payer } from '../../shared/domain/payer'
import type { RoState } from '../../shared/domain/ro-state'
import type { RoType } from '../../shared/domain/ro-type'
import { getSetting, repairWarrantyOf } from '../settings/settings'
import { repairWarrantyEnd } from '../../shared/domain/repair-warranty'
import { discountCapBp } from './numbers'
import { partsOverrideOf, settleGatesOf } from './settle-gates'
import type { In, Out, SettlementViewOut } from './types'
import { sql, type Kysely } from 'kysely'
import { preparedQuery } from '../store/query'
import type { DB } from '../store/schema'
import { roWithParties } from '../store/ro-parties'

// What the cashier's screen, the settlement statement (结算单) and the gate pass (出门证) show:
// the RO, its lines, the invoices with what is paid and open, the payments and the history.

const roHead = preparedQuery<{ roId: number }>()((db, p) =>
  roWithParties(db)
    .select([
      'r.id',
      'r.number',
      'r.type',
      'r.state',
      'r.version',
      'v.plate',
      'v.vin',
      'v.model',
      'r.customer_id',
      'c.name as customer_name',
      'c.mobile as customer_mobile',
      'u.display_name as advisor_name',
      'r.odometer_km',
      'r.opened_at',
      'r.promised_at',
      'r.completed_at',
      'r.settled_at',
      'r.delivered_at',
      'r.net_fen',
      'r.vat_fen',
      'r.gross_fen',
    ])
    .where('r.id', '=', p.roId)
    .$narrowType<{ type: RoType; state: RoState }>(),
)

export type RoHeadRow = NonNullable<ReturnType<typeof roHead.first>>

export function loadRoHead(ctx: Ctx, roId: number): RoHeadRow {
  const row = roHead.first(ctx.store, { roId })
  if (!row) throw notFound('entity.repairOrder', roId)
  return row
}

const billLines = preparedQuery<{ roId: number }>()((db, p) =>
  db
    .selectFrom('ro_lines')
    .select(['id', 'position', 'kind', 'description', 'quantity_milli', 'unit_price_fen', 'amount_fen', 'payer', 'vat_rate_bp'])
    .where('ro_id', '=', p.roId)
    .orderBy('position')
    .$narrowType<{ payer: Payer }>(),
)

export type BillLine = ReturnType<typeof billLines.all>[number]

export function loadBillLines(ctx: Ctx, roId: number): BillLine[] {
  return billLines.all(ctx.store, { roId })
}

export const toTotalsLines = (lines: readonly BillLine[]) => lines.map((l) => ({ amountFen: l.amount_fen, vatRateBp: l.vat_rate_bp, payer: l.payer }))

const selectInvoices = (db: Kysely<DB>) =>
  db
    .selectFrom('invoices as i')
    .innerJoin('users as u', 'u.id', 'i.issued_by')
    .select([
      'i.id',
      'i.number',
      'i.payer',
      'i.kind',
      'i.reversal_of',
      'i.net_fen',
      'i.vat_fen',
      'i.gross_fen',
      'i.discount_fen',
      'i.state',
      'i.insurer',
      'i.claim_no',
      'i.issued_at',
      'u.display_name as issued_by',
      sql<number>`COALESCE((SELECT SUM(p.amount_fen) FROM payments p WHERE p.invoice_id = ${sql.ref('i.id')}), 0)`.as('paid_fen'),
      // What the maker did not pay of a warranty invoice and the warranty desk wrote off (or re-charged).
      sql<number>`COALESCE((SELECT SUM(w.amount_fen) FROM warranty_write_offs w WHERE w.invoice_id = ${sql.ref('i.id')}), 0)`.as('written_off_fen'),
    ])

const invoiceOfId = preparedQuery<{ id: number }>()((db, p) => selectInvoices(db).select('i.ro_id').where('i.id', '=', p.id))
const invoicesOfRo = preparedQuery<{ roId: number }>()((db, p) => selectInvoices(db).where('i.ro_id', '=', p.roId).orderBy('i.id'))
const paymentsOfRo = preparedQuery<{ roId: number }>()((db, p) =>
  db
    .selectFrom('payments as p')
    .innerJoin('invoices as i', 'i.id', 'p.invoice_id')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select([
      'p.id',
      'p.invoice_id',
      'i.number as invoice_number',
      'i.payer',
      'p.method',
      'p.amount_fen',
      'p.reference',
      'p.at',
      'u.display_name as user_name',
      'p.reversal_of',
      'p.tendered_fen',
      'p.change_fen',
    ])
    .where('i.ro_id', '=', p.roId)
    .orderBy('p.id'),
)
const historyOfRo = preparedQuery<{ roId: number }>()((db, p) =>
  db
    .selectFrom('settlements as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.kind', 's.at', 'u.display_name as user_name', 's.reason', 's.note'])
    .where('s.ro_id', '=', p.roId)
    .orderBy('s.id'),
)
const deliveryOfRo = preparedQuery<{ roId: number }>()((db, p) =>
  db.selectFrom('deliveries').select(['gate_pass_no', 'delivered_at', 'on_credit', 'outstanding_fen']).where('ro_id', '=', p.roId),
)

type InvoiceRow = ReturnType<typeof invoicesOfRo.all>[number]

/** An invoice still standing takes payments; reversed ones and credit notes are history. */
export const isOpenInvoice = (i: Pick<InvoiceRow, 'kind' | 'state'>) => i.kind === 'invoice' && i.state === 'issued'

export function invoiceById(ctx: Ctx, id: number): InvoiceRow & { ro_id: number } {
  const row = invoiceOfId.first(ctx.store, { id })
  if (!row) throw notFound('entity.invoice', id)
  return row
}

export function getSettlementView(ctx: Ctx, roId: number): SettlementViewOut {
  const ro = loadRoHead(ctx, roId)
  const lines = loadBillLines(ctx, roId)
  const invoices = invoicesOfRo.all(ctx.store, { roId })
  const payments = paymentsOfRo.all(ctx.store, { roId })
  const history = historyOfRo.all(ctx.store, { roId })
  const delivery = deliveryOfRo.first(ctx.store, { roId })
  const open = invoices.filter(isOpenInvoice)
  const billing = billingTotals(ctx, roId, lines, { forSettle: false })
  const balanceOf = (i: InvoiceRow) => (isOpenInvoice(i) ? i.gross_fen - i.paid_fen - i.written_off_fen : 0)
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
    drafts: settledAlready || ro.state === 'cancelled' ? [] : draftInvoicesFromTotals(billing.byPayer),
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
    insuranceClaim: billing.insurance,
  }
}

function repairWarrantyView(ctx: Ctx, ro: RoHeadRow): SettlementViewOut['repairWarranty'] {
  const w = repairWarrantyOf(ctx.store, ro.type)
  const from = ro.delivered_at ?? ro.settled_at
  const end = from ? repairWarrantyEnd(from, ro.odometer_km, w) : null
  return { days: w.days, km: w.km, fromDate: from ? from.slice(0, 10) : null, untilDate: end?.untilDate ?? null, untilKm: ro.odometer_km + w.km }
}

const balanceOf = (payer: string | null) =>
  payer === null
    ? sql<number>`COALESCE((SELECT SUM(x.balance_fen) FROM receivables x WHERE x.ro_id = ${sql.ref('r.id')}), 0)`
    : sql<number>`COALESCE((SELECT SUM(x.balance_fen) FROM receivables x WHERE x.ro_id = ${sql.ref('r.id')} AND x.payer = ${sql.lit(payer)}), 0)`

const queueOf = preparedQuery<{ state: string; limit: number }>()((db, p) =>
  roWithParties(db)
    .select([
      'r.id',
      'r.number',
      'r.type',
      'r.state',
      'r.version',
      'v.plate',
      'v.model',
      'c.name as customer_name',
      'u.display_name as advisor_name',
      'r.gross_fen',
      'r.completed_at',
      'r.settled_at',
      balanceOf(null).as('balance_fen'),
      balanceOf('customer').as('customer_balance_fen'),
    ])
    .where('r.state', '=', p.state)
    .orderBy(sql`COALESCE(${sql.ref('r.completed_at')}, ${sql.ref('r.updated_at')})`)
    .orderBy('r.id')
    .limit(p.limit)
    .$narrowType<{ type: RoType; state: RoState }>(),
)

/** The cashier's queue: ROs ready to settle, or settled and waiting for the customer. */
export function settlementQueue(ctx: Ctx, input: In<'settlement.queue'>): Out<'settlement.queue'> {
  const rows = queueOf.all(ctx.store, { state: input.state, limit: input.limit })
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
