import { createHash } from 'node:crypto'
import type { UserCtx } from '../api/context'
import { nextState, type RoState } from '../../shared/domain/ro-state'
import type { RoType } from '../../shared/domain/ro-type'
import type { RoRow } from './ro-rows'
import { preparedQuery } from '../store/query'

// What the customer approves is the content of the estimate: its type and its lines. The hash of
// that content is stored on the RO and on each authorisation, so "is this estimate approved?"
// is one comparison, and any change of content voids the approval.

const supersedeAuthorisations = preparedQuery<{ at: string; roId: number }>()((db, p) =>
  db.updateTable('ro_authorisations').set({ superseded_at: p.at }).where('ro_id', '=', p.roId).where('superseded_at', 'is', null),
)

export interface HashLine {
  kind: string
  opCode: string | null
  partId: number | null
  description: string
  quantityMilli: number
  unitPriceFen: number
  payer: string
  vatRateBp: number
}

/** sha256 of a canonical JSON (arrays in a fixed field order, so key order cannot differ). */
export function contentHash(type: RoType, lines: readonly HashLine[]): string {
  const canonical = JSON.stringify([
    type,
    lines.map((l) => [l.kind, l.opCode, l.partId, l.description, l.quantityMilli, l.unitPriceFen, l.payer, l.vatRateBp]),
  ])
  return createHash('sha256').update(canonical).digest('hex')
}

/**
 * After the content may have changed: an approval of other content no longer counts (it is
 * marked superseded) and an authorised RO goes back to estimate (`revise`) to be approved again.
 */
export function reviseIfChanged(ctx: UserCtx, ro: RoRow, newHash: string): { state: RoState; revised: boolean } {
  if (newHash === ro.content_hash) return { state: ro.state, revised: false }
  supersedeAuthorisations.run(ctx.store, { at: ctx.nowIso(), roId: ro.id })
  const revisedState = nextState(ro.state, 'revise')
  return revisedState === null ? { state: ro.state, revised: false } : { state: revisedState, revised: true }
}
