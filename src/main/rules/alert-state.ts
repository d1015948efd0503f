import type { UserCtx } from '../api/context'
import { AppError, conflict, notFound } from '../api/app-error'
import { localInstant } from '../../shared/domain/settlement-deadline'
import { localDate, toLocalIso } from '../../shared/domain/time'
import type { Updateable } from 'kysely'
import type { AlertsTable } from '../store/schema'
import { first, run } from '../store/query'
import type { EvalEnv } from './context'

// What people do with an alert: acknowledge it (seen, being handled), snooze it until a date (it
// comes back to the inbox then), or resolve it. Resolving by hand while the condition still holds
// marks it dismissed: it stays resolved until the condition clears once (see engine.ts).

type AlertHead = { id: number; state: AlertsTable['state']; version: number }

function loadForWrite(ctx: UserCtx, id: number, version: number): AlertHead {
  const row = first(ctx.store, ctx.store.db.selectFrom('alerts').select(['id', 'state', 'version']).where('id', '=', id))
  if (!row) throw notFound('entity.alert', id)
  if (row.version !== version) throw conflict('entity.alert', id, version, row.version)
  if (row.state === 'resolved') throw new AppError('INVALID_STATE', 'alerts.resolved', {}, { id })
  return row
}

function write(ctx: UserCtx, alert: AlertHead, set: Updateable<AlertsTable>, action: string, detail: unknown): void {
  run(
    ctx.store,
    ctx.store.db
      .updateTable('alerts')
      .set((eb) => ({ ...set, version: eb('version', '+', 1), updated_at: ctx.nowIso() }))
      .where('id', '=', alert.id)
      .where('version', '=', alert.version),
  )
  ctx.audit({ action, entity: 'alert', entityId: alert.id, detail })
  ctx.events.emit({ type: 'alerts.changed', id: alert.id })
}

export function acknowledgeAlert(ctx: UserCtx, id: number, version: number): void {
  const alert = loadForWrite(ctx, id, version)
  write(ctx, alert, { state: 'acknowledged', acknowledged_by: ctx.user.id, acknowledged_at: ctx.nowIso(), snoozed_until: null }, 'alert.acknowledge', {
    before: alert.state,
  })
}

export function snoozeAlert(ctx: UserCtx, id: number, version: number, until: string, note: string): void {
  const alert = loadForWrite(ctx, id, version)
  if (until <= localDate(ctx.clock.now(), ctx.timeZone)) throw new AppError('VALIDATION', 'alerts.snoozeNotFuture', {}, { fields: [{ field: 'until', message: 'alerts.snoozeNotFuture' }] })
  const [y, m, d] = until.split('-').map(Number) as [number, number, number]
  const untilIso = toLocalIso(localInstant(ctx.timeZone, y, m, d), ctx.timeZone)
  write(ctx, alert, { state: 'snoozed', snoozed_until: untilIso, note }, 'alert.snooze', { before: alert.state, until: untilIso })
}

export function resolveAlert(ctx: UserCtx, id: number, version: number, note: string): void {
  const alert = loadForWrite(ctx, id, version)
  const now = ctx.nowIso()
  write(ctx, alert, { state: 'resolved', resolved_at: now, resolved_by: ctx.user.id, dismissed: 1, snoozed_until: null, note }, 'alert.resolve', {
    before: alert.state,
    note,
  })
}

/** Snoozes whose date has come go back to the inbox (the sweep runs this). */
export function expireSnoozes(env: EvalEnv): number {
  return run(
    env.store,
    env.store.db
      .updateTable('alerts')
      .set((eb) => ({ state: 'open', snoozed_until: null, version: eb('version', '+', 1), updated_at: env.nowIso }))
      .where('state', '=', 'snoozed')
      .where('snoozed_until', '<=', env.nowIso),
  ).changes
}
