import type { UserCtx } from '../api/context'
import { nextState } from '../../shared/domain/ro-state'
import type { In, Out } from './types'
import { invalidState, loadRoForWrite } from './ro-rows'
import { getRoDetail } from './ro-detail'
import { updateVersioned } from '../api/versioned'
import { enforceGates } from '../workshop/ro-gates'

// Cancelling is only possible before work starts (the state table says where); afterwards an RO
// is settled, possibly at zero, so the work and parts used stay accounted for. The reason is kept
// in the audit trail.

export function cancelRo(ctx: UserCtx, input: In<'ro.cancel'>): Out<'ro.cancel'> {
  const ro = loadRoForWrite(ctx, input.id, input.version)
  const next = nextState(ro.state, 'cancel')
  if (next === null) throw invalidState(ro, 'reception.op.cancel')
  enforceGates(ctx, ro.id, ro.number, 'cancel')
  updateVersioned(ctx, 'repair_orders', ro.id, ro.version, { state: next, cancelled_at: ctx.nowIso() })
  ctx.audit({
    action: 'ro.cancel',
    entity: 'repair_order',
    entityId: ro.id,
    detail: { before: ro.state, after: next, reason: input.reason, grossFen: ro.gross_fen },
  })
  ctx.events.emit({ type: 'ro.changed', id: ro.id })
  return getRoDetail(ctx, ro.id)
}
