import type { UserCtx } from '../api/context'
import { AppError, fieldError } from '../api/app-error'
import { nextState } from '../../shared/domain/ro-state'
import type { In, Out } from './types'
import { invalidState, loadRoForWrite } from './ro-rows'
import { getRoDetail } from './ro-detail'
import { updateVersioned } from '../api/versioned'
import { gateFacts } from '../workshop/ro-gates'
import { failedGates } from '../../shared/domain/ro-gates'
import { preparedQuery } from '../store/query'

// Customer authorisation (客户确认): nothing is dispatched before the customer approves the
// estimate. The approval records exactly what was approved (content hash) and for how much.

const insertAuthorisation = preparedQuery<{
  roId: number
  contentHash: string
  grossFen: number
  method: 'signature' | 'in_person' | 'phone'
  authorisedBy: string
  signaturePng: string | null
  note: string
  recordedBy: number
  at: string
}>()((db, p) =>
  db.insertInto('ro_authorisations').values({
    ro_id: p.roId,
    content_hash: p.contentHash,
    gross_fen: p.grossFen,
    method: p.method,
    authorised_by: p.authorisedBy,
    signature_png: p.signaturePng,
    note: p.note,
    recorded_by: p.recordedBy,
    at: p.at,
  }),
)

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
    insertAuthorisation.run(ctx.store, {
      roId: ro.id,
      contentHash: ro.content_hash,
      grossFen: ro.gross_fen,
      method: input.method,
      authorisedBy: input.authorisedBy,
      signaturePng: input.signaturePng ?? null,
      note: input.note,
      recordedBy: ctx.user.id,
      at: ctx.nowIso(),
    }).lastInsertRowid,
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
