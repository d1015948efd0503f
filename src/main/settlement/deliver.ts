import type { UserCtx } from '../api/context'
import { AppError } from '../api/app-error'
import { nextState } from '../../shared/domain/ro-state'
import { roleHas } from '../../shared/domain/roles'
import { updateVersioned } from '../api/versioned'
import { gateError, gateFacts } from '../workshop/ro-gates'
import { failedGates } from '../../shared/domain/ro-gates'
import { evaluateForRo } from '../rules/engine'
import { nextNumber } from './numbers'
import { yuan } from '../../shared/format/numbers'
import { checkRoVersion } from './settle'
import { getSettlementView, loadRoHead } from './view'
import type { In, Out } from './types'
import { run } from '../store/query'
import { createFollowUpForDelivery } from '../care/followup-create'

// Delivery (交车) closes the RO and issues the gate pass (出门证). The car does not leave while
// the customer's own invoice is unpaid, unless someone allowed to (`settlement.credit`) releases
// it on credit (挂账) — recorded with the amount outstanding. Warranty, insurance and internal
// balances never hold a car back: those payers settle with the dealership, not at the gate.

export function deliverRo(ctx: UserCtx, input: In<'settlement.deliver'>): Out<'settlement.deliver'> {
  const ro = loadRoHead(ctx, input.roId)
  checkRoVersion(ro, input.version)
  const to = nextState(ro.state, 'deliver')
  if (to === null) {
    throw new AppError('INVALID_STATE', 'settlement.notDeliverable', { number: ro.number, state: `roState.${ro.state}` }, { roId: ro.id, state: ro.state })
  }
  // The customerPaid gate; delivery on credit is its waiver, with its own wording.
  const facts = gateFacts(ctx, ro.id)
  const balance = facts.customerBalanceFen
  const failed = failedGates('deliver', facts).filter((g) => g !== 'customerPaid')
  if (failed.length > 0) throw gateError(ctx, ro.number, failed[0]!, failed, facts)
  if (balance > 0) {
    if (!input.onCredit) throw new AppError('INVALID_STATE', 'settlement.customerUnpaid', { balance: yuan(balance) }, { balanceFen: balance })
    if (!roleHas(ctx.user.role, 'settlement.credit')) {
      throw new AppError('FORBIDDEN', 'error.FORBIDDEN', { permission: 'permission.settlement.credit' }, { balanceFen: balance })
    }
  }
  const now = ctx.nowIso()
  const gatePass = nextNumber(ctx, 'GP')
  run(
    ctx.store,
    ctx.store.db
      .insertInto('deliveries')
      .values({ ro_id: ro.id, gate_pass_no: gatePass, delivered_at: now, user_id: ctx.user.id, on_credit: balance > 0 ? 1 : 0, outstanding_fen: balance }),
  )
  updateVersioned(ctx, 'repair_orders', ro.id, ro.version, { state: to, delivered_at: now })
  ctx.audit({
    action: 'ro.deliver',
    entity: 'repair_order',
    entityId: ro.id,
    detail: { before: ro.state, after: to, gatePass, onCreditFen: balance },
  })
  createFollowUpForDelivery(ctx, ro.id, now)
  ctx.events.emit({ type: 'ro.changed', id: ro.id })
  ctx.events.emit({ type: 'settlement.changed', id: ro.id })
  evaluateForRo(ctx, ro.id)
  return getSettlementView(ctx, ro.id)
}
