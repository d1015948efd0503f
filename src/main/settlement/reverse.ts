import type { UserCtx } from '../api/context'
import { AppError } from '../api/app-error'
import { updateVersioned } from '../reception/versioned'
import { evaluateForRo } from '../rules/engine'
import { nextNumber } from './numbers'
import { checkRoVersion } from './settle'
import { getSettlementView, loadRoHead } from './view'
import type { In, Out } from './types'

// A settled RO is never edited: a correction is a reversal (冲销) with a reason. Each invoice of
// the settlement gets a credit note for the same amounts with the sign turned, each payment a
// negative payment pointing at it, the originals are marked reversed, and the RO is ready to be
// settled again. Only before delivery: once the car has left, the gate pass stands.

interface OriginalInvoice {
  id: number
  payer: string
  customer_id: number | null
  net_fen: number
  vat_fen: number
  gross_fen: number
  discount_fen: number
  insurer: string | null
  claim_no: string | null
}

export function reverseSettlement(ctx: UserCtx, input: In<'settlement.reverse'>): Out<'settlement.reverse'> {
  const ro = loadRoHead(ctx, input.roId)
  checkRoVersion(ro, input.version)
  if (ro.state !== 'settled') {
    throw new AppError('INVALID_STATE', 'settlement.notSettled', { number: ro.number, state: `roState.${ro.state}` }, { roId: ro.id, state: ro.state })
  }
  const original = ctx.store
    .prepare(
      `SELECT s.id, s.gross_fen, s.discount_fen FROM settlements s
        WHERE s.ro_id = ? AND s.kind = 'settle' AND NOT EXISTS (SELECT 1 FROM settlements x WHERE x.reverses_id = s.id)
        ORDER BY s.id DESC LIMIT 1`,
    )
    .get(ro.id) as { id: number; gross_fen: number; discount_fen: number } | undefined
  if (!original) throw new AppError('INVALID_STATE', 'settlement.notSettled', { number: ro.number, state: `roState.${ro.state}` })

  const now = ctx.nowIso()
  const reversalId = Number(
    ctx.store
      .prepare(`INSERT INTO settlements (ro_id, kind, reverses_id, gross_fen, discount_fen, reason, user_id, at) VALUES (?, 'reversal', ?, ?, ?, ?, ?, ?)`)
      .run(ro.id, original.id, -original.gross_fen, -original.discount_fen, input.reason, ctx.user.id, now).lastInsertRowid,
  )
  const invoices = ctx.store
    .prepare(
      `SELECT id, payer, customer_id, net_fen, vat_fen, gross_fen, discount_fen, insurer, claim_no FROM invoices
        WHERE settlement_id = ? AND kind = 'invoice' AND state = 'issued' ORDER BY id`,
    )
    .all(original.id) as OriginalInvoice[]
  const insertCredit = ctx.store.prepare(
    `INSERT INTO invoices (number, settlement_id, ro_id, payer, customer_id, kind, reversal_of, net_fen, vat_fen, gross_fen, discount_fen, state,
       insurer, claim_no, issued_at, issued_by) VALUES (?, ?, ?, ?, ?, 'credit', ?, ?, ?, ?, ?, 'issued', ?, ?, ?, ?)`,
  )
  const markReversed = ctx.store.prepare(`UPDATE invoices SET state = 'reversed', reversed_at = ? WHERE id = ?`)
  // Each payment not yet reversed is refunded the way it came, against the same invoice.
  const refund = ctx.store.prepare(
    `INSERT INTO payments (invoice_id, method, amount_fen, reference, at, user_id, reversal_of)
     SELECT p.invoice_id, p.method, -p.amount_fen, ?, ?, ?, p.id FROM payments p
      WHERE p.invoice_id = ? AND p.amount_fen > 0 AND NOT EXISTS (SELECT 1 FROM payments r WHERE r.reversal_of = p.id)`,
  )
  let refundedFen = 0
  for (const inv of invoices) {
    insertCredit.run(nextNumber(ctx, 'INV'), reversalId, ro.id, inv.payer, inv.customer_id, inv.id, -inv.net_fen, -inv.vat_fen, -inv.gross_fen,
      -inv.discount_fen, inv.insurer, inv.claim_no, now, ctx.user.id)
    markReversed.run(now, inv.id)
    refundedFen += (ctx.store.prepare('SELECT COALESCE(SUM(amount_fen), 0) AS s FROM payments WHERE invoice_id = ?').get(inv.id) as { s: number }).s
    refund.run(input.reason, now, ctx.user.id, inv.id)
  }
  updateVersioned(ctx, 'repair_orders', ro.id, ro.version, { state: 'ready', settled_at: null })
  ctx.audit({
    action: 'ro.settlementReversed',
    entity: 'repair_order',
    entityId: ro.id,
    detail: { before: 'settled', after: 'ready', reason: input.reason, settlementId: original.id, reversalId, invoices: invoices.length, refundedFen },
  })
  ctx.events.emit({ type: 'ro.changed', id: ro.id })
  ctx.events.emit({ type: 'settlement.changed', id: ro.id })
  evaluateForRo(ctx, ro.id)
  return getSettlementView(ctx, ro.id)
}
