import type { UserCtx } from '../api/context'
import { canEditLines, isOpen } from '../../shared/domain/ro-state'
import type { In, Out } from './types'
import { invalidState, loadLines, loadRoForWrite } from './ro-rows'
import { reviseIfChanged } from './ro-content'
import { contentHash } from '../repair-order/content-hash'
import { getRoDetail } from './ro-detail'
import { updateVersioned, type VersionedSet } from '../api/versioned'
import { localOrNull } from './local-time'

type RoSet = VersionedSet<'repair_orders'>

// The RO's header: type, concerns, promised time, old parts. The type is part of what the
// customer approves (it decides who pays by default), so changing it is treated like a line edit.

export function updateHeader(ctx: UserCtx, input: In<'ro.updateHeader'>): Out<'ro.updateHeader'> {
  const ro = loadRoForWrite(ctx, input.id, input.version)
  if (!isOpen(ro.state)) throw invalidState(ro, 'reception.op.updateHeader')
  const set: RoSet = {}
  const before: Record<string, string | number | null> = {}
  const after: Record<string, string | number | null> = {}
  const change = <C extends keyof RoSet & string>(column: C, was: RoSet[C], now: RoSet[C]) => {
    if (was === now) return
    set[column] = now
    before[column] = was ?? null
    after[column] = now ?? null
  }
  if (input.type !== undefined && input.type !== ro.type) {
    if (!canEditLines(ro.state)) throw invalidState(ro, 'reception.op.changeType')
    const hash = contentHash(
      input.type,
      loadLines(ctx, ro.id).map((l) => ({
        kind: l.kind,
        opCode: l.op_code,
        partId: l.part_id,
        description: l.description,
        quantityMilli: l.quantity_milli,
        unitPriceFen: l.unit_price_fen,
        payer: l.payer,
        vatRateBp: l.vat_rate_bp,
      })),
    )
    const { state, revised } = reviseIfChanged(ctx, ro, hash)
    change('type', ro.type, input.type)
    set.content_hash = hash
    change('state', ro.state, state)
    if (revised) ctx.audit({ action: 'ro.revise', entity: 'repair_order', entityId: ro.id, detail: { before: ro.state, after: state } })
  }
  if (input.concerns !== undefined) change('concerns', ro.concerns, input.concerns)
  if (input.promisedAt !== undefined) change('promised_at', ro.promised_at, localOrNull(ctx, input.promisedAt))
  if (input.returnOldParts !== undefined) change('return_old_parts', ro.return_old_parts, input.returnOldParts ? 1 : 0)
  updateVersioned(ctx, 'repair_orders', ro.id, ro.version, set)
  ctx.audit({ action: 'ro.updateHeader', entity: 'repair_order', entityId: ro.id, detail: { before, after } })
  ctx.events.emit({ type: 'ro.changed', id: ro.id })
  return getRoDetail(ctx, ro.id)
}
