import type { UserCtx } from '../api/context'
import { AppError, conflict, fieldError } from '../api/app-error'
import { nextState } from '../../shared/domain/ro-state'
import { roleHas } from '../../shared/domain/roles'
import { DiscountTooLarge, draftInvoicesFromTotals, exceedsDiscountCap, type InvoiceDraft } from '../../shared/domain/settlement'
import type { Payer } from '../../shared/domain/payer'
import { mulDivRound } from '../../shared/domain/stock'
import { updateVersioned } from '../api/versioned'
import { enforceGates } from '../workshop/ro-gates'
import { evaluateForRo } from '../rules/engine'
import { discountCapBp, nextNumber } from './numbers'
import { yuan } from '../../shared/format/numbers'
import { recordPayment, type PayableInvoice } from './payments'
import { getSettlementView, loadBillLines, loadRoHead, type RoHeadRow } from './view'
import { billingTotals, type BillingTotals } from '../insurance/billing'
import type { In, Out } from './types'
import { decimalFromCenti } from '../../shared/format/numbers'
import { sql } from 'kysely'
import { preparedQuery } from '../store/query'

// Settling a ready RO (结算): one invoice per payer from its lines, discounts within the cap
// (or with `settlement.discount.large`), the payments taken at the till, and the RO locked as
// settled. All of it in the dispatcher's one transaction: a refusal anywhere leaves nothing behind.

type SettleInput = In<'settlement.settle'>

const insertSettlement = preparedQuery<{
  roId: number
  grossFen: number
  discountFen: number
  note: string
  userId: number
  at: string
  overrideReason: string
  overrideBy: number | null
}>()((db, p) =>
  db.insertInto('settlements').values({
    ro_id: p.roId,
    kind: 'settle',
    gross_fen: p.grossFen,
    discount_fen: p.discountFen,
    note: p.note,
    user_id: p.userId,
    at: p.at,
    parts_override_reason: p.overrideReason,
    parts_override_by: p.overrideBy,
  }),
)
/** One invoice row of a settlement (also raised later by the warranty desk for a re-charged difference). */
export const insertInvoice = preparedQuery<{
  number: string
  settlementId: number
  roId: number
  payer: Payer
  customerId: number | null
  netFen: number
  vatFen: number
  grossFen: number
  discountFen: number
  insurer: string | null
  claimNo: string | null
  issuedAt: string
  issuedBy: number
}>()((db, p) =>
  db.insertInto('invoices').values({
    number: p.number,
    settlement_id: p.settlementId,
    ro_id: p.roId,
    payer: p.payer,
    customer_id: p.customerId,
    kind: sql.lit('invoice'),
    net_fen: p.netFen,
    vat_fen: p.vatFen,
    gross_fen: p.grossFen,
    discount_fen: p.discountFen,
    state: sql.lit('issued'),
    insurer: p.insurer,
    claim_no: p.claimNo,
    issued_at: p.issuedAt,
    issued_by: p.issuedBy,
  }),
)

export function checkRoVersion(ro: Pick<RoHeadRow, 'id' | 'version'>, version: number): void {
  if (ro.version !== version) throw conflict('entity.repairOrder', ro.id, version, ro.version)
}

function buildDrafts(ctx: UserCtx, billing: BillingTotals, input: SettleInput): InvoiceDraft[] {
  const discounts: Partial<Record<Payer, number>> = {}
  for (const d of input.discounts) discounts[d.payer] = d.amountFen
  const before = new Map(draftInvoicesFromTotals(billing.byPayer).map((d) => [d.payer, d]))
  input.discounts.forEach((d, i) => {
    const draft = before.get(d.payer)
    if (!draft) throw fieldError('VALIDATION', `discounts.${i}.payer`, 'settlement.noInvoiceForPayer', { payer: `payer.${d.payer}` })
    if (d.amountFen > draft.grossBeforeFen) {
      throw fieldError('VALIDATION', `discounts.${i}.amountFen`, 'settlement.discountTooLarge', {
        payer: `payer.${d.payer}`,
        discount: yuan(d.amountFen),
        gross: yuan(draft.grossBeforeFen),
      })
    }
    const cap = discountCapBp(ctx.store)
    if (exceedsDiscountCap(d.amountFen, draft.grossBeforeFen, cap) && !roleHas(ctx.user.role, 'settlement.discount.large')) {
      throw new AppError(
        'FORBIDDEN',
        'settlement.discountOverCap',
        { payer: `payer.${d.payer}`, discount: yuan(d.amountFen), cap: decimalFromCenti(cap), limit: yuan(mulDivRound(draft.grossBeforeFen, cap, 10_000)) },
        { fields: [{ field: `discounts.${i}.amountFen`, message: 'settlement.discountOverCap' }] },
      )
    }
  })
  try {
    return draftInvoicesFromTotals(billing.byPayer, discounts)
  } catch (error) {
    // Checked above field by field; kept so a future change cannot slip a bad discount through.
    if (error instanceof DiscountTooLarge) throw new AppError('VALIDATION', 'settlement.discountTooLarge', { payer: `payer.${error.payer}`, discount: yuan(error.discountFen), gross: yuan(error.grossFen) })
    throw error
  }
}

export function settleRo(ctx: UserCtx, input: SettleInput): Out<'settlement.settle'> {
  const ro = loadRoHead(ctx, input.roId)
  checkRoVersion(ro, input.version)
  const to = nextState(ro.state, 'settle')
  if (to === null) {
    throw new AppError('INVALID_STATE', 'settlement.roNotReady', { number: ro.number, state: `roState.${ro.state}` }, { roId: ro.id, state: ro.state })
  }
  // Parts and billing agree: billed parts not all issued stop the settlement, unless a supervisor
  // waives it with a reason (kept on the settlement, printed on the statement, in the audit).
  const override = input.partsOverride
  if (override && !roleHas(ctx.user.role, 'settlement.partsOverride')) {
    throw new AppError('FORBIDDEN', 'error.FORBIDDEN', { permission: 'permission.settlement.partsOverride' }, { fields: [{ field: 'partsOverride', message: 'error.FORBIDDEN' }] })
  }
  const gates = enforceGates(ctx, ro.id, ro.number, 'settle', override ? ['partsIssued'] : [])
  const waived = override && gates.outstandingParts.length > 0 ? override.reason : ''
  // An insurance RO with a claim bills the insurer and the customer by its assessment (定损).
  const billing = billingTotals(ctx, ro.id, loadBillLines(ctx, ro.id), { forSettle: true })
  const drafts = buildDrafts(ctx, billing, input)
  const insurance = drafts.some((d) => d.payer === 'insurance') ? (input.insurance ?? (billing.insurance ? { insurer: billing.insurance.insurer, claimNo: billing.insurance.claimNo } : undefined)) : undefined
  if (drafts.some((d) => d.payer === 'insurance') && !insurance) throw fieldError('VALIDATION', 'insurance', 'settlement.insuranceRequired')

  const now = ctx.nowIso()
  const grossBefore = drafts.reduce((s, d) => s + d.grossBeforeFen, 0)
  const discount = drafts.reduce((s, d) => s + d.discountFen, 0)
  const settlementId = Number(
    insertSettlement.run(ctx.store, {
      roId: ro.id,
      grossFen: grossBefore,
      discountFen: discount,
      note: input.note,
      userId: ctx.user.id,
      at: now,
      overrideReason: waived,
      overrideBy: waived ? ctx.user.id : null,
    }).lastInsertRowid,
  )
  const byPayer = new Map<Payer, PayableInvoice>()
  for (const d of drafts) {
    const number = nextNumber(ctx, 'INV')
    const isInsurance = d.payer === 'insurance'
    const id = Number(
      insertInvoice.run(ctx.store, {
        number,
        settlementId,
        roId: ro.id,
        payer: d.payer,
        customerId: d.payer === 'customer' ? ro.customer_id : null,
        netFen: d.netFen,
        vatFen: d.vatFen,
        grossFen: d.grossFen,
        discountFen: d.discountFen,
        insurer: isInsurance ? (insurance?.insurer ?? null) : null,
        claimNo: isInsurance ? (insurance?.claimNo ?? null) : null,
        issuedAt: now,
        issuedBy: ctx.user.id,
      }).lastInsertRowid,
    )
    byPayer.set(d.payer, { id, number, gross_fen: d.grossFen, paid_fen: 0 })
  }
  let paidFen = 0
  let changeFen = 0
  input.payments.forEach((p, i) => {
    const invoice = byPayer.get(p.payer)
    if (!invoice) throw fieldError('VALIDATION', `payments.${i}.payer`, 'settlement.noInvoiceForPayer', { payer: `payer.${p.payer}` })
    const applied = recordPayment(ctx, invoice, p, `payments.${i}.amountFen`)
    paidFen += applied.appliedFen
    changeFen += applied.changeFen
  })
  updateVersioned(ctx, 'repair_orders', ro.id, ro.version, { state: to, settled_at: now })
  ctx.audit({
    action: 'ro.settle',
    entity: 'repair_order',
    entityId: ro.id,
    detail: {
      before: ro.state,
      after: to,
      settlementId,
      invoices: drafts.map((d) => ({ payer: d.payer, grossFen: d.grossFen, discountFen: d.discountFen, number: byPayer.get(d.payer)?.number })),
      paidFen,
      ...(changeFen > 0 ? { changeFen } : {}),
      ...(waived ? { partsOverride: { reason: waived, outstanding: gates.outstandingParts } } : {}),
    },
  })
  ctx.events.emit({ type: 'ro.changed', id: ro.id })
  ctx.events.emit({ type: 'settlement.changed', id: ro.id })
  evaluateForRo(ctx, ro.id)
  return getSettlementView(ctx, ro.id)
}
