import type { UserCtx } from '../api/context'
import { fieldError } from '../api/app-error'
import { first, run } from '../store/query'
import { parseComebackKey } from '../../shared/domain/quality'
import { comebackOf } from './comebacks'
import { comebackDays } from './comeback-window'
import { insertIncident } from './incidents'
import type { In, Out } from './types'

// A proposed comeback decided in one step: registered as an incident (vehicle, RO and date from
// the proposal, what went wrong as the supervisor words it) or dismissed with a reason. Either
// way its key is taken, so it is decided once.

function proposal(ctx: UserCtx, key: string, days: number | undefined) {
  const withinDays = days ?? comebackDays(ctx.store)
  const parsed = parseComebackKey(key)
  const found = parsed ? comebackOf(ctx, parsed.source, parsed.id, withinDays) : undefined
  if (!parsed || !found) throw fieldError('VALIDATION', 'key', 'quality.noComeback')
  const db = ctx.store.db
  const taken =
    first(ctx.store, db.selectFrom('quality_incidents').select('id').where('source_key', '=', key)) ??
    first(ctx.store, db.selectFrom('comeback_dismissals').select('source_key').where('source_key', '=', key))
  if (taken) throw fieldError('VALIDATION', 'key', 'quality.comebackDecided')
  return found
}

export function registerComeback(ctx: UserCtx, input: In<'quality.comeback.register'>): Out<'quality.comeback.register'> {
  const p = proposal(ctx, input.key, input.withinDays)
  return insertIncident(
    ctx,
    { vehicleId: p.vehicleId, roId: p.roId, occurredOn: p.occurredOn, source: p.source, sourceKey: p.key, what: input.what, analysis: input.analysis, handling: input.handling, costFen: input.costFen },
    p.roNumber,
  )
}

export function dismissComeback(ctx: UserCtx, input: In<'quality.comeback.dismiss'>): Out<'quality.comeback.dismiss'> {
  const p = proposal(ctx, input.key, input.withinDays)
  run(ctx.store, ctx.store.db.insertInto('comeback_dismissals').values({ source_key: p.key, reason: input.reason, dismissed_by: ctx.user.id, at: ctx.nowIso() }))
  ctx.audit({ action: 'quality.comeback.dismiss', entity: 'repair_order', entityId: p.roId, detail: { roNumber: p.roNumber, source: `incidentSource.${p.source}`, reason: input.reason } })
  ctx.events.emit({ type: 'department.changed' })
  return { key: p.key }
}
