import type { InferResult, Kysely } from 'kysely'
import type { UserCtx } from '../api/context'
import { conflict, fieldError, notFound } from '../api/app-error'
import { all, first, insertId, run } from '../store/query'
import type { DB } from '../store/schema'
import { lastDateOfMonth } from '../../shared/domain/calendar'
import type { IncidentSource } from '../../shared/domain/quality'
import type { In, Out } from './types'

// The register of repair-quality incidents (维修质量事故), kept by the technical supervisor: one
// row per incident on an RO and its vehicle, with the analysis, the handling opinion and the
// cost; edits carry the version, closing is a state change of its own; every change is audited.

type Row = Out<'quality.incident.save'>

function base(db: Kysely<DB>) {
  return db
    .selectFrom('quality_incidents as q')
    .innerJoin('vehicles as v', 'v.id', 'q.vehicle_id')
    .innerJoin('users as u', 'u.id', 'q.recorded_by')
    .leftJoin('repair_orders as r', 'r.id', 'q.ro_id')
    .selectAll('q')
    .select(['v.plate', 'v.make', 'v.model', 'u.display_name', 'r.number as ro_number'])
}

type BaseRow = InferResult<ReturnType<typeof base>>[number]

function toRow(q: BaseRow): Row {
  return {
    id: q.id,
    vehicleId: q.vehicle_id,
    plate: q.plate,
    vehicle: `${q.make} ${q.model}`,
    roId: q.ro_id,
    roNumber: q.ro_number,
    occurredOn: q.occurred_on,
    source: q.source,
    sourceKey: q.source_key,
    what: q.what,
    analysis: q.analysis,
    handling: q.handling,
    costFen: q.cost_fen,
    state: q.state,
    recordedBy: q.display_name,
    closedAt: q.closed_at,
    version: q.version,
  }
}

export function listIncidents(ctx: UserCtx, input: In<'quality.incidents'>): Out<'quality.incidents'> {
  let q = base(ctx.store.db)
  if (input.month !== undefined) q = q.where('q.occurred_on', '>=', `${input.month}-01`).where('q.occurred_on', '<=', lastDateOfMonth(input.month))
  if (input.state !== undefined) q = q.where('q.state', '=', input.state)
  return all(ctx.store, q.orderBy('q.occurred_on', 'desc').orderBy('q.id', 'desc')).map(toRow)
}

export function getIncident(ctx: UserCtx, id: number): Row {
  const q = first(ctx.store, base(ctx.store.db).where('q.id', '=', id))
  if (!q) throw notFound('entity.quality_incident', id)
  return toRow(q)
}

interface NewIncident {
  vehicleId: number
  roId: number | null
  occurredOn: string
  source: IncidentSource
  sourceKey: string | null
  what: string
  analysis: string
  handling: string
  costFen: number
}

/** Inserts an incident and audits it; the callers check what they register. */
export function insertIncident(ctx: UserCtx, v: NewIncident, roNumber: string | null): Row {
  const now = ctx.nowIso()
  const id = insertId(
    ctx.store,
    ctx.store.db.insertInto('quality_incidents').values({
      vehicle_id: v.vehicleId,
      ro_id: v.roId,
      occurred_on: v.occurredOn,
      source: v.source,
      source_key: v.sourceKey,
      what: v.what,
      analysis: v.analysis,
      handling: v.handling,
      cost_fen: v.costFen,
      recorded_by: ctx.user.id,
      created_at: now,
      updated_at: now,
    }),
  )
  ctx.audit({ action: 'quality.incident.create', entity: 'quality_incident', entityId: id, detail: { roNumber, date: v.occurredOn, source: `incidentSource.${v.source}`, costFen: v.costFen } })
  ctx.events.emit({ type: 'department.changed' })
  return getIncident(ctx, id)
}

function roByNumber(ctx: UserCtx, roNumber: string) {
  const ro = first(ctx.store, ctx.store.db.selectFrom('repair_orders').select(['id', 'vehicle_id', 'number']).where('number', '=', roNumber))
  if (!ro) throw fieldError('VALIDATION', 'roNumber', 'quality.unknownRo', { number: roNumber })
  return ro
}

export function saveIncident(ctx: UserCtx, input: In<'quality.incident.save'>): Row {
  const ro = roByNumber(ctx, input.roNumber)
  const details = { what: input.what, analysis: input.analysis, handling: input.handling, costFen: input.costFen }
  if (input.id === undefined) {
    return insertIncident(ctx, { vehicleId: ro.vehicle_id, roId: ro.id, occurredOn: input.occurredOn, source: 'manual', sourceKey: null, ...details }, ro.number)
  }
  if (input.version === undefined) throw fieldError('VALIDATION', 'version', 'validation.required')
  const current = getIncident(ctx, input.id)
  if (current.state === 'closed') throw fieldError('VALIDATION', 'id', 'quality.closed')
  if (current.source !== 'manual' && current.roId !== ro.id) throw fieldError('VALIDATION', 'roNumber', 'quality.roFixed', { number: current.roNumber ?? '' })
  const result = run(
    ctx.store,
    ctx.store.db
      .updateTable('quality_incidents')
      .set({ vehicle_id: ro.vehicle_id, ro_id: ro.id, occurred_on: input.occurredOn, what: details.what, analysis: details.analysis, handling: details.handling, cost_fen: details.costFen, updated_at: ctx.nowIso() })
      .set((eb) => ({ version: eb('version', '+', 1) }))
      .where('id', '=', input.id)
      .where('version', '=', input.version),
  )
  if (result.changes !== 1) throw conflict('entity.quality_incident', input.id, input.version, current.version)
  ctx.audit({ action: 'quality.incident.update', entity: 'quality_incident', entityId: input.id, detail: { roNumber: ro.number, date: input.occurredOn, costFen: details.costFen } })
  ctx.events.emit({ type: 'department.changed' })
  return getIncident(ctx, input.id)
}

export function closeIncident(ctx: UserCtx, input: In<'quality.incident.close'>): Row {
  const current = getIncident(ctx, input.id)
  if (current.state === 'closed') throw fieldError('VALIDATION', 'id', 'quality.closed')
  if (current.analysis === '' || current.handling === '') throw fieldError('VALIDATION', current.analysis === '' ? 'analysis' : 'handling', 'quality.closeNeedsAnalysis')
  const now = ctx.nowIso()
  const result = run(
    ctx.store,
    ctx.store.db
      .updateTable('quality_incidents')
      .set({ state: 'closed', closed_at: now, updated_at: now })
      .set((eb) => ({ version: eb('version', '+', 1) }))
      .where('id', '=', input.id)
      .where('version', '=', input.version),
  )
  if (result.changes !== 1) throw conflict('entity.quality_incident', input.id, input.version, current.version)
  ctx.audit({ action: 'quality.incident.close', entity: 'quality_incident', entityId: input.id, detail: { roNumber: current.roNumber, costFen: current.costFen } })
  ctx.events.emit({ type: 'department.changed' })
  return getIncident(ctx, input.id)
}
