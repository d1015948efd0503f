import type { Ctx, UserCtx } from '../../api/context'
import { AppError } from '../../api/app-error'
import { translate } from '../../../shared/i18n'
import { evaluateForRo } from '../../rules/engine'
import { recordPayment } from '../../settlement/payments'
import { insertId, run } from '../../store/query'
import { loadClaim, logState, updateClaim } from '../claim-rows'
import { warrantyInvoiceOfRo } from '../claim-ledger'
import type { In, Out } from '../types'
import { planPayments, type PlannedLine } from './plan'
import { findHeaderRow, mappingOf, readLine, type LineError, type PaymentLine } from './rows'
import { readPaymentSheet } from './sheet'
import { raiseRecharge } from './recharge'

// The maker's payment list (保修付款清单): a dry run that reads the file and shows, per claim, what
// was claimed, what the maker paid and the difference, and every bad line; then the import of
// exactly those lines in one transaction — each payment recorded on the RO's warranty invoice by
// settlement's payment service, each difference written off or re-charged with its reason (a
// re-charge raising the customer's or the internal invoice for it, see recharge.ts), each claim
// moved to paid. All of it or none of it; importing the same list again changes nothing.

const message = (ctx: Ctx, e: LineError) => ({ line: e.line, field: e.field, message: translate(ctx.locale, e.key, e.params) })

function lineOut(p: PlannedLine) {
  return {
    line: p.line.line,
    claimId: p.claim.id,
    claimNumber: p.claim.number,
    roNumber: p.claim.roNumber,
    invoiceNumber: p.invoice.number,
    state: p.claim.state,
    claimedFen: p.claimedFen,
    paidFen: p.line.paidFen,
    differenceFen: p.differenceFen,
    action: p.action,
    makerRef: p.line.makerRef,
    note: p.line.note,
  }
}

export async function previewPayments(ctx: Ctx, input: In<'warranty.payments.preview'>): Promise<Out<'warranty.payments.preview'>> {
  const sheet = await readPaymentSheet(input)
  const headerRow = findHeaderRow(sheet.rows)
  const base = { fileName: input.fileName, format: sheet.format, encoding: sheet.encoding, sheet: sheet.sheet }
  if (headerRow === null) {
    const error = { line: 0, field: 'claimNumber' as const, message: translate(ctx.locale, 'warranty.payments.noHeader') }
    return { ...base, headerRow: 0, totalLines: 0, lines: [], errors: [error], claimedFen: 0, paidFen: 0, differenceFen: 0 }
  }
  const mapping = mappingOf(sheet.rows[headerRow - 1] ?? [])
  const errors: LineError[] = []
  const read: PaymentLine[] = []
  let totalLines = 0
  sheet.rows.slice(headerRow).forEach((cells, i) => {
    const before = errors.length
    const line = readLine(cells, headerRow + 1 + i, mapping, errors)
    if (line) read.push(line)
    if (line || errors.length > before) totalLines++
  })
  const plan = planPayments(ctx, read, errors)
  plan.errors.sort((a, b) => a.line - b.line)
  const toPay = plan.lines.filter((p) => p.action === 'pay')
  return {
    ...base,
    headerRow,
    totalLines,
    lines: plan.lines.map(lineOut),
    errors: plan.errors.map((e) => message(ctx, e)),
    claimedFen: toPay.reduce((s, p) => s + p.claimedFen, 0),
    paidFen: toPay.reduce((s, p) => s + p.line.paidFen, 0),
    differenceFen: toPay.reduce((s, p) => s + p.differenceFen, 0),
  }
}

function refuse(ctx: UserCtx, errors: readonly LineError[]): never {
  const fields = errors.slice(0, 200).map((e) => ({ field: `lines.${e.line}.${e.field ?? ''}`, message: e.key }))
  const lines = errors.map((e) => message(ctx, e))
  throw new AppError('VALIDATION', 'warranty.payments.hasErrors', { count: errors.length, first: lines[0] ? `${lines[0].line}：${lines[0].message}` : '' }, { fields, lines })
}

export function applyPayments(ctx: UserCtx, input: In<'warranty.payments.apply'>): Out<'warranty.payments.apply'> {
  const plan = planPayments(ctx, input.lines)
  const differences = new Map(input.differences.map((d) => [d.line, d]))
  for (const p of plan.lines) {
    if (p.action === 'pay' && p.differenceFen > 0 && !differences.has(p.line.line)) {
      plan.errors.push({ line: p.line.line, field: 'paid', key: 'warranty.payments.differenceUnexplained', params: { number: p.claim.number } })
    }
  }
  if (plan.errors.length > 0) refuse(ctx, plan.errors.sort((a, b) => a.line - b.line))
  const toPay = plan.lines.filter((p) => p.action === 'pay')
  if (toPay.length !== input.expect.pay) {
    throw new AppError('CONFLICT', 'warranty.payments.stale', {}, { expected: input.expect, now: { pay: toPay.length } })
  }
  const unchanged = plan.lines.length - toPay.length
  if (toPay.length === 0) return { importId: null, paid: 0, unchanged, paidFen: 0, writtenOffFen: 0 }

  const at = ctx.nowIso()
  const paidFen = toPay.reduce((s, p) => s + p.line.paidFen, 0)
  const writtenOffFen = toPay.reduce((s, p) => s + p.differenceFen, 0)
  const importId = insertId(
    ctx.store,
    ctx.store.db.insertInto('warranty_payment_imports').values({ file_name: input.fileName, claims: toPay.length, paid_fen: paidFen, written_off_fen: writtenOffFen, user_id: ctx.user.id, at }),
  )
  const ros = new Set<number>()
  for (const p of toPay) {
    settleClaimLine(ctx, p, differences.get(p.line.line) ?? null, { importId, fileName: input.fileName, at })
    ros.add(p.claim.roId)
  }
  ctx.audit({
    action: 'warranty.payments.import',
    entity: 'warranty_payment_import',
    entityId: importId,
    detail: { fileName: input.fileName, claims: toPay.length, unchanged, paidFen, writtenOffFen },
  })
  for (const roId of ros) {
    ctx.events.emit({ type: 'settlement.changed', id: roId })
    evaluateForRo(ctx, roId)
  }
  return { importId, paid: toPay.length, unchanged, paidFen, writtenOffFen }
}

type Difference = Omit<In<'warranty.payments.apply'>['differences'][number], 'line'>

/**
 * One claim paid (or, with 0, written off) by hand on a settled RO — the same way as a payment
 * list's line: on the warranty invoice through the settlement payment service, the difference
 * written off or re-charged with its reason. Refused as the list's line would be.
 */
export function payClaimInLedger(ctx: UserCtx, claimNumber: string, paidFen: number, reference: string, difference: Difference | null, field: string): void {
  const line = { line: 1, claimNumber, paidFen, makerRef: reference.slice(0, 40), note: '' }
  const plan = planPayments(ctx, [line])
  const planned = plan.lines[0]
  const error = plan.errors[0]
  if (error) throw new AppError(error.key === 'warranty.payments.notPayable' ? 'INVALID_STATE' : 'VALIDATION', error.key, error.params, { fields: [{ field, message: error.key }] })
  if (!planned || planned.action === 'same') return
  if (planned.differenceFen > 0 && !difference) {
    throw new AppError('VALIDATION', 'warranty.payments.differenceUnexplained', { number: claimNumber }, { fields: [{ field: 'difference', message: 'warranty.payments.differenceUnexplained' }] })
  }
  settleClaimLine(ctx, planned, difference, { importId: null, fileName: reference, at: ctx.nowIso() })
  ctx.events.emit({ type: 'settlement.changed', id: planned.claim.roId })
  evaluateForRo(ctx, planned.claim.roId)
}

/** One claim's line: approval implied by the payment, the payment on the invoice, the difference, the claim paid. */
function settleClaimLine(ctx: UserCtx, p: PlannedLine, difference: Difference | null, source: { importId: number | null; fileName: string; at: string }): void {
  const claim = loadClaim(ctx, p.claim.id)
  const invoice = warrantyInvoiceOfRo(ctx, claim.ro_id)!
  const reference = p.line.makerRef || source.fileName || p.claim.number
  let paymentId: number | null = null
  if (p.line.paidFen > 0) {
    const applied = recordPayment(ctx, invoice, { method: 'transfer', amountFen: p.line.paidFen, reference: reference.slice(0, 60) }, `lines.${p.line.line}.paid`)
    paymentId = applied.id
    ctx.audit({
      action: 'settlement.pay',
      entity: 'invoice',
      entityId: invoice.id,
      detail: { paymentId, roId: invoice.ro_id, method: 'transfer', amountFen: applied.appliedFen, claimNumber: claim.number, balanceAfterFen: invoice.gross_fen - invoice.paid_fen - invoice.written_off_fen - p.differenceFen },
    })
  }
  run(
    ctx.store,
    ctx.store.db.insertInto('warranty_claim_payments').values({
      claim_id: claim.id,
      invoice_id: invoice.id,
      payment_id: paymentId,
      import_id: source.importId,
      line: p.line.line,
      claimed_fen: p.claimedFen,
      paid_fen: p.line.paidFen,
      reference,
      user_id: ctx.user.id,
      at: source.at,
    }),
  )
  if (p.differenceFen > 0 && difference) {
    const recharge = raiseRecharge(ctx, invoice.id, p.differenceFen, difference.disposition)
    run(
      ctx.store,
      ctx.store.db.insertInto('warranty_write_offs').values({
        claim_id: claim.id,
        invoice_id: invoice.id,
        amount_fen: p.differenceFen,
        disposition: difference.disposition,
        reason: difference.reason,
        import_id: source.importId,
        user_id: ctx.user.id,
        at: source.at,
        recharge_invoice_id: recharge?.id ?? null,
      }),
    )
    ctx.audit({
      action: 'warranty.claim.difference',
      entity: 'warranty_claim',
      entityId: claim.id,
      detail: {
        invoiceId: invoice.id,
        amountFen: p.differenceFen,
        disposition: `warranty.disposition.${difference.disposition}`,
        reason: difference.reason,
        ...(recharge ? { rechargeInvoiceId: recharge.id, rechargeInvoiceNumber: recharge.number, payer: `payer.${recharge.payer}` } : {}),
      },
    })
  }
  const decided = claim.state === 'submitted' || claim.state === 'resubmitted'
  if (decided) logState(ctx, claim.id, claim.state, 'approved', p.line.note)
  const from = decided ? 'approved' : claim.state
  const to = p.line.paidFen > 0 ? 'paid' : 'written_off'
  updateClaim(ctx, claim, {
    state: to,
    paid_fen: p.line.paidFen,
    ...(decided ? { approved_fen: p.line.paidFen, decided_at: source.at } : {}),
    ...(p.line.makerRef ? { maker_ref: p.line.makerRef } : {}),
  })
  logState(ctx, claim.id, from, to, difference?.reason ?? p.line.note)
  ctx.audit({
    action: 'warranty.claim.pay',
    entity: 'warranty_claim',
    entityId: claim.id,
    detail: { before: claim.state, after: to, claimedFen: p.claimedFen, paidFen: p.line.paidFen, invoiceId: invoice.id, fileName: source.fileName, line: p.line.line },
  })
  ctx.events.emit({ type: 'warranty.changed', id: claim.id })
}
