import type { UserCtx } from '../api/context'
import { AppError } from '../api/app-error'
import { roleHas } from '../../shared/domain/roles'
import { nextClaimState, type ClaimAction, type ClaimState } from '../../shared/domain/warranty'
import type { CheckRule } from '../../shared/domain/warranty-check'
import { all, run } from '../store/query'
import { claimStateRefuses, loadClaimForWrite, logState, updateClaim, type ClaimRow } from './claim-rows'
import { getClaim } from './claim-read'
import { findingText, precheck } from './precheck'
import type { In, Out } from './types'
import { warrantyInvoiceOfRo } from './claim-ledger'
import { payClaimInLedger } from './payment-list/import'

// The claim's way to the maker and back: check (draft → checked) and submit (checked → submitted,
// returned → resubmitted) both run the pre-check; the maker's decision (approve / return / reject)
// as read in its portal; payment and write-off. Each move is one status-log row and one audit entry.

function move(ctx: UserCtx, claim: ClaimRow, action: ClaimAction): ClaimState {
  const next = nextClaimState(claim.state, action)
  if (next === null) throw claimStateRefuses(ctx, claim, action)
  return next
}

/**
 * Records the given overrides, then refuses while a blocking finding remains or a warning has no
 * override (given now or recorded before). Only `warranty.override` may override.
 */
function passPrecheck(ctx: UserCtx, claim: ClaimRow, overrides: readonly { rule: CheckRule; reason: string }[]): void {
  if (overrides.length > 0 && !roleHas(ctx.user.role, 'warranty.override')) throw new AppError('FORBIDDEN', 'warranty.overrideForbidden')
  const findings = precheck(ctx, claim.id)
  const blocking = findings.filter((f) => f.severity === 'block')
  if (blocking.length > 0) {
    throw new AppError('VALIDATION', 'warranty.checkRefused', { findings: blocking.map((f) => findingText(ctx, f)).join('；') }, {
      findings: blocking.map((f) => ({ rule: f.rule, field: f.field, text: findingText(ctx, f) })),
    })
  }
  const warnings = findings.filter((f) => f.severity === 'warn')
  const at = ctx.nowIso()
  for (const o of overrides) {
    if (!warnings.some((f) => f.rule === o.rule)) continue
    run(
      ctx.store,
      ctx.store.db
        .insertInto('warranty_claim_overrides')
        .values({ claim_id: claim.id, rule: o.rule, reason: o.reason, user_id: ctx.user.id, at })
        .onConflict((oc) => oc.columns(['claim_id', 'rule']).doUpdateSet({ reason: o.reason, user_id: ctx.user.id, at })),
    )
    ctx.audit({ action: 'warranty.claim.override', entity: 'warranty_claim', entityId: claim.id, detail: { rule: `warranty.rule.${o.rule}`, reason: o.reason } })
  }
  const recorded = new Set(all(ctx.store, ctx.store.db.selectFrom('warranty_claim_overrides').select('rule').where('claim_id', '=', claim.id)).map((r) => r.rule))
  const open = warnings.filter((f) => !recorded.has(f.rule))
  if (open.length > 0) {
    throw new AppError('VALIDATION', 'warranty.checkNeedsOverride', { findings: open.map((f) => findingText(ctx, f)).join('；') }, {
      findings: open.map((f) => ({ rule: f.rule, field: f.field, text: findingText(ctx, f) })),
    })
  }
}

function moved(ctx: UserCtx, claim: ClaimRow, to: ClaimState, action: ClaimAction, reason: string, detail: Record<string, unknown> = {}): Out<'warranty.claim.get'> {
  logState(ctx, claim.id, claim.state, to, reason)
  ctx.audit({ action: `warranty.claim.${action}`, entity: 'warranty_claim', entityId: claim.id, detail: { before: claim.state, after: to, ...(reason ? { reason } : {}), ...detail } })
  ctx.events.emit({ type: 'warranty.changed', id: claim.id })
  return getClaim(ctx, claim.id)
}

export function checkClaim(ctx: UserCtx, input: In<'warranty.claim.check'>): Out<'warranty.claim.check'> {
  const claim = loadClaimForWrite(ctx, input.id, input.version)
  const to = move(ctx, claim, 'check')
  passPrecheck(ctx, claim, input.overrides)
  updateClaim(ctx, claim, { state: to })
  return moved(ctx, claim, to, 'check', '')
}

export function submitClaim(ctx: UserCtx, input: In<'warranty.claim.submit'>): Out<'warranty.claim.submit'> {
  const claim = loadClaimForWrite(ctx, input.id, input.version)
  const to = move(ctx, claim, 'submit')
  passPrecheck(ctx, claim, input.overrides)
  const at = ctx.nowIso()
  updateClaim(ctx, claim, { state: to, submissions: claim.submissions + 1, submitted_at: at })
  if (claim.submissions === 0) run(ctx.store, ctx.store.db.updateTable('warranty_claims').set({ first_submitted_at: at }).where('id', '=', claim.id))
  return moved(ctx, claim, to, 'submit', '', { totalFen: claim.total_fen })
}

export function decideClaim(ctx: UserCtx, input: In<'warranty.claim.decide'>): Out<'warranty.claim.decide'> {
  const claim = loadClaimForWrite(ctx, input.id, input.version)
  const to = move(ctx, claim, input.decision)
  if (input.decision !== 'approve' && input.reason.length < 2) {
    throw new AppError('VALIDATION', 'warranty.reasonRequired', {}, { fields: [{ field: 'reason', message: 'warranty.reasonRequired' }] })
  }
  const approvedFen = input.decision === 'approve' ? (input.approvedFen ?? claim.total_fen) : null
  if (approvedFen !== null && approvedFen > claim.total_fen) {
    throw new AppError('VALIDATION', 'warranty.approvedOverClaimed', {}, { fields: [{ field: 'approvedFen', message: 'warranty.approvedOverClaimed' }] })
  }
  updateClaim(ctx, claim, { state: to, approved_fen: approvedFen, decided_at: ctx.nowIso(), ...(input.makerRef ? { maker_ref: input.makerRef } : {}) })
  return moved(ctx, claim, to, input.decision, input.reason, approvedFen === null ? {} : { approvedFen })
}

export function payClaim(ctx: UserCtx, input: In<'warranty.claim.pay'>): Out<'warranty.claim.pay'> {
  const claim = loadClaimForWrite(ctx, input.id, input.version)
  const to = move(ctx, claim, 'pay')
  if (warrantyInvoiceOfRo(ctx, claim.ro_id)) {
    // Settled: the payment belongs in the ledger, against the claim's share of the warranty invoice.
    payClaimInLedger(ctx, claim.number, input.paidFen, input.reference, input.difference ?? null, 'paidFen')
    return getClaim(ctx, claim.id)
  }
  if (input.paidFen > (claim.approved_fen ?? claim.total_fen)) {
    throw new AppError('VALIDATION', 'warranty.paidOverApproved', {}, { fields: [{ field: 'paidFen', message: 'warranty.paidOverApproved' }] })
  }
  updateClaim(ctx, claim, { state: to, paid_fen: input.paidFen })
  return moved(ctx, claim, to, 'pay', input.reference, { paidFen: input.paidFen })
}

export function writeOffClaim(ctx: UserCtx, input: In<'warranty.claim.writeOff'>): Out<'warranty.claim.writeOff'> {
  const claim = loadClaimForWrite(ctx, input.id, input.version)
  const to = move(ctx, claim, 'write_off')
  if (warrantyInvoiceOfRo(ctx, claim.ro_id)) {
    // Settled: the claim's whole share of the warranty invoice is written off in the ledger.
    payClaimInLedger(ctx, claim.number, 0, '', { disposition: 'write_off', reason: input.reason }, 'reason')
    return getClaim(ctx, claim.id)
  }
  updateClaim(ctx, claim, { state: to })
  return moved(ctx, claim, to, 'write_off', input.reason, { totalFen: claim.total_fen })
}
