import type { UserCtx } from '../api/context'
import { nextState, type RoState } from '../../shared/domain/ro-state'
import type { RoRow } from './ro-rows'
import { preparedQuery } from '../store/query'

// An approval is of one content (see repair-order/content-hash.ts): when the content changes, the
// approval no longer counts.

const supersedeAuthorisations = preparedQuery<{ at: string; roId: number }>()((db, p) =>
  db.updateTable('ro_authorisations').set({ superseded_at: p.at }).where('ro_id', '=', p.roId).where('superseded_at', 'is', null),
)

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
