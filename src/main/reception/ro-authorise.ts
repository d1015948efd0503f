import type { UserCtx } from '../api/context'
import { AppError, fieldError } from '../api/app-error'
import { nextState } from '../../shared/domain/ro-state'
import type { In, Out } from './types'
import { invalidState, loadRoForWrite } from './ro-rows'
import { getRoDetail } from './ro-detail'
import { updateVersioned } from './versioned'
import { gateFacts } from '../workshop/ro-gates'
import { failedGates } from '../../shared/domain/ro-gates'

// Customer authorisation (客户确认): nothing is dispatched before the customer approves the
// estimate. The approval records exactly what was approved (content hash) and for how much.

export function authorise(ctx: UserCtx, input: In<'ro.authorise'>): Out<'ro.authorise'> {
  const ro = loadRoForWrite(ctx, input.id, input.version)
  const next = nextState(ro.state, 'authorise')
  if (next === null) throw invalidState(ro, 'reception.op.authorise')
  // The hasLines gate, with reception's own wording (the estimate is empty).
  if (failedGates('authorise', gateFacts(ctx, ro.id)).includes('hasLines')) throw new AppError('INVALID_STATE', 'reception.nothingToAuthorise', { number: ro.number })
  if (input.method === 'signature' && input.signaturePng === undefined) {
    throw fieldError('VALIDATION', 'signaturePng', 'reception.signatureRequired')
  }

  const authorisationId = Number(
    ctx.store
      .prepare(
        `INSERT INTO ro_authorisations (ro_id, content_hash, gross_fen, method, authorised_by, signature_png, note, recorded_by, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(ro.id, ro.content_hash, ro.gross_fen, input.method, input.authorisedBy, input.signaturePng ?? null, input.note, ctx.user.id, ctx.nowIso())
      .lastInsertRowid,
  )
  updateVersioned(ctx, 'repair_orders', ro.id, ro.version, { state: next })
  ctx.audit({
    action: 'ro.authorise',
    entity: 'repair_order',
    entityId: ro.id,
    detail: {
      authorisationId,
      method: input.method,
      authorisedBy: input.authorisedBy,
      grossFen: ro.gross_fen,
      before: ro.state,
      after: next,
    },
  })
  ctx.events.emit({ type: 'ro.changed', id: ro.id })
  return getRoDetail(ctx, ro.id)
}
