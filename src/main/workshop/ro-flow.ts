import { sql } from 'kysely'
import type { Ctx } from '../api/context'
import { first, run } from '../store/query'
import { AppError, conflict } from '../api/app-error'
import { nextState, type RoAction, type RoState } from '../../shared/domain/ro-state'
import { changed, loadRoHead, type RoHead } from './rows'
import { enforceGates, gateFacts } from './ro-gates'
import { failedGates } from '../../shared/domain/ro-gates'

// The workshop moves the repair order through the shared state machine itself: dispatch starts
// the work, the last finished job sends the car to quality control, the inspection passes or fails
// it, the wash ends. Each move bumps the RO's version and is audited like a reception write.

/**
 * Applies `action` to the RO. With `expectedVersion`, a stale caller gets CONFLICT (a person's
 * decision, e.g. the inspection); without it the move follows from facts just written.
 */
export function transitionRo(ctx: Ctx, roId: number, action: RoAction, expectedVersion?: number): RoHead & { from: RoState } {
  const ro = loadRoHead(ctx, roId)
  if (expectedVersion !== undefined && expectedVersion !== ro.version) {
    throw conflict('entity.repairOrder', ro.id, expectedVersion, ro.version)
  }
  const to = nextState(ro.state, action)
  if (to === null) {
    throw new AppError(
      'INVALID_STATE',
      'workshop.illegalRoTransition',
      { number: ro.number, state: `roState.${ro.state}`, action: `roAction.${action}` },
      { roId: ro.id, state: ro.state, action },
    )
  }
  enforceGates(ctx, ro.id, ro.number, action)
  const now = ctx.nowIso()
  // Completion (完工) is when the car is ready for delivery: settlement deadlines count from it.
  const result = run(
    ctx.store,
    ctx.store.db
      .updateTable('repair_orders')
      .set({ state: to, version: sql<number>`version + 1`, updated_at: now, ...(to === 'ready' ? { completed_at: now } : {}) })
      .where('id', '=', ro.id)
      .where('version', '=', ro.version),
  )
  if (result.changes !== 1) throw conflict('entity.repairOrder', ro.id, ro.version, ro.version + 1)
  ctx.audit({ action: `ro.${action}`, entity: 'repair_order', entityId: ro.id, detail: { before: ro.state, after: to } })
  ctx.events.emit({ type: 'ro.changed', id: ro.id })
  changed(ctx, ro.id)
  return { ...ro, state: to, version: ro.version + 1, from: ro.state }
}

/**
 * Makes a workshop job of every labour line that has none yet (at the first dispatch: the
 * lines are frozen from then on, because the RO leaves `authorised`).
 */
export function ensureJobs(ctx: Ctx, roId: number): void {
  const now = ctx.nowIso()
  run(
    ctx.store,
    ctx.store.db
      .insertInto('ro_jobs')
      .columns(['ro_id', 'ro_line_id', 'description', 'state', 'sold_hours_milli', 'created_at', 'updated_at'])
      .expression((eb) =>
        eb
          .selectFrom('ro_lines as l')
          .select(['l.ro_id', 'l.id', 'l.description', sql.lit('pending').as('state'), 'l.quantity_milli', eb.val(now).as('created_at'), eb.val(now).as('updated_at')])
          .where('l.ro_id', '=', roId)
          .where('l.kind', '=', 'labour')
          .where(({ not, exists, selectFrom }) => not(exists(selectFrom('ro_jobs as j').select(sql.lit(1).as('one')).whereRef('j.ro_line_id', '=', 'l.id'))))
          .orderBy('l.position'),
      ),
  )
}

/**
 * When nothing is left to do — every job done (or declined) and no additional work waiting for
 * the customer — the car goes to quality control by itself.
 */
export function submitQcIfComplete(ctx: Ctx, roId: number): void {
  const ro = first(
    ctx.store,
    ctx.store.db
      .selectFrom('repair_orders as r')
      .select((eb) => [
        'r.state',
        eb.selectFrom('ro_jobs as j').select(eb.fn.countAll<number>().as('n')).whereRef('j.ro_id', '=', 'r.id').as('jobs'),
      ])
      .where('r.id', '=', roId),
  )
  if (ro?.state !== 'in_progress' || ro.jobs === 0) return
  // The same gates as a person's submit: if one fails the car simply stays in the shop.
  if (failedGates('submit_qc', gateFacts(ctx, roId)).length > 0) return
  transitionRo(ctx, roId, 'submit_qc')
}
