import type { UserCtx } from '../api/context'
import { AppError } from '../api/app-error'
import { updateVersioned } from '../api/versioned'
import { evaluateForRo } from '../rules/engine'
import { nextNumber } from './numbers'
import { checkRoVersion } from './settle'
import { getSettlementView, loadRoHead } from './view'
import type { In, Out } from './types'
import { sql } from 'kysely'
import { all, first, insertId, run } from '../store/query'

// A settled RO is never edited: a correction is a reversal (冲销) with a reason. Each invoice of
// the settlement gets a credit note for the same amounts with the sign turned, each payment a
// negative payment pointing at it, the originals are marked reversed, and the RO is ready to be
// settled again. Only before delivery: once the car has left, the gate pass stands.

export function reverseSettlement(ctx: UserCtx, input: In<'settlement.reverse'>): Out<'settlement.reverse'> {
  const ro = loadRoHead(ctx, input.roId)
  checkRoVersion(ro, input.version)
  if (ro.state !== 'settled') {
    throw new AppError('INVALID_STATE', 'settlement.notSettled', { number: ro.number, state: `roState.${ro.state}` }, { roId: ro.id, state: ro.state })
  }
  const db = ctx.store.db
  const original = first(
    ctx.store,
    db
      .selectFrom('settlements as s')
      .select(['s.id', 's.gross_fen', 's.discount_fen'])
      .where('s.ro_id', '=', ro.id)
      .where('s.kind', '=', 'settle')
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('settlements as x').select(sql.lit(1).as('one')).whereRef('x.reverses_id', '=', 's.id'))))
      .orderBy('s.id', 'desc')
      .limit(1),
  )
  if (!original) throw new AppError('INVALID_STATE', 'settlement.notSettled', { number: ro.number, state: `roState.${ro.state}` })

  const now = ctx.nowIso()
  const reversalId = insertId(
    ctx.store,
    db.insertInto('settlements').values({
      ro_id: ro.id,
      kind: 'reversal',
      reverses_id: original.id,
      gross_fen: -original.gross_fen,
      discount_fen: -original.discount_fen,
      reason: input.reason,
      user_id: ctx.user.id,
      at: now,
    }),
  )
  const invoices = all(
    ctx.store,
    db
      .selectFrom('invoices')
      .select(['id', 'payer', 'customer_id', 'net_fen', 'vat_fen', 'gross_fen', 'discount_fen', 'insurer', 'claim_no'])
      .where('settlement_id', '=', original.id)
      .where('kind', '=', 'invoice')
      .where('state', '=', 'issued')
      .orderBy('id'),
  )
  let refundedFen = 0
  for (const inv of invoices) {
    run(
      ctx.store,
      db.insertInto('invoices').values({
        number: nextNumber(ctx, 'INV'),
        settlement_id: reversalId,
        ro_id: ro.id,
        payer: inv.payer,
        customer_id: inv.customer_id,
        kind: 'credit',
        reversal_of: inv.id,
        net_fen: -inv.net_fen,
        vat_fen: -inv.vat_fen,
        gross_fen: -inv.gross_fen,
        discount_fen: -inv.discount_fen,
        state: 'issued',
        insurer: inv.insurer,
        claim_no: inv.claim_no,
        issued_at: now,
        issued_by: ctx.user.id,
      }),
    )
    run(ctx.store, db.updateTable('invoices').set({ state: 'reversed', reversed_at: now }).where('id', '=', inv.id))
    refundedFen += first(
      ctx.store,
      db
        .selectFrom('payments')
        .select(sql<number>`COALESCE(SUM(${sql.ref('amount_fen')}), 0)`.as('s'))
        .where('invoice_id', '=', inv.id),
    )!.s
    // Each payment not yet reversed is refunded the way it came, against the same invoice.
    run(
      ctx.store,
      db
        .insertInto('payments')
        .columns(['invoice_id', 'method', 'amount_fen', 'reference', 'at', 'user_id', 'reversal_of'])
        .expression(
          db
            .selectFrom('payments as p')
            .select((eb) => [
              'p.invoice_id',
              'p.method',
              eb.neg(eb.ref('p.amount_fen')).as('amount_fen'),
              eb.val(input.reason).as('reference'),
              eb.val(now).as('at'),
              eb.val(ctx.user.id).as('user_id'),
              'p.id',
            ])
            .where('p.invoice_id', '=', inv.id)
            .where('p.amount_fen', '>', 0)
            .where(({ not, exists, selectFrom }) => not(exists(selectFrom('payments as r').select(sql.lit(1).as('one')).whereRef('r.reversal_of', '=', 'p.id')))),
        ),
    )
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
