import type { UserCtx } from '../api/context'
import { all } from '../store/query'
import { addDays, daysBetween, dayBounds, localDate, monthBounds } from '../../shared/domain/calendar'
import { comebackKey } from '../../shared/domain/quality'
import type { Out } from './types'
import { comebackDays } from './comeback-window'

// Comebacks (返修) the system detects and proposes to the quality register:
// - a QC rework: an inspection that failed and sent jobs back (qc_inspections / qc_rework, as the
//   workshop's QC desk records them), one proposal per failed inspection with its reasons;
// - a repeat visit: a vehicle back with an RO opened within `withinDays` days (the setting
//   `quality.comebackDays` unless a caller names its own) of the completion of
//   an earlier RO of it that carried the same labour operation (the op code on the labour lines;
//   the data has no separate fault code), one proposal per returning RO, naming the latest such
//   earlier RO. Cancelled and internal ROs are neither.
// Registered (by the proposal's key on the incident) and dismissed comebacks are not proposed again.

type Proposal = Out<'quality.comebacks'>[number]
type Scope = { month: string } | { id: number }

function qcReworks(ctx: UserCtx, scope: Scope): Proposal[] {
  const db = ctx.store.db
  let q = db
    .selectFrom('qc_inspections as i')
    .innerJoin('repair_orders as r', 'r.id', 'i.ro_id')
    .innerJoin('vehicles as v', 'v.id', 'r.vehicle_id')
    .select(['i.id', 'i.at', 'r.id as ro_id', 'r.number', 'v.id as vehicle_id', 'v.plate', 'v.make', 'v.model'])
    .where('i.result', '=', 'fail')
  if ('month' in scope) {
    const b = monthBounds(scope.month, ctx.timeZone)
    q = q.where('i.at', '>=', b.from).where('i.at', '<', b.to)
  } else q = q.where('i.id', '=', scope.id)
  const rows = all(ctx.store, q.orderBy('i.at'))
  if (rows.length === 0) return []
  const reasons = new Map<number, string[]>()
  for (const w of all(ctx.store, db.selectFrom('qc_rework').select(['inspection_id', 'reason']).where('inspection_id', 'in', rows.map((r) => r.id)).orderBy('job_id'))) {
    reasons.set(w.inspection_id, [...(reasons.get(w.inspection_id) ?? []), w.reason])
  }
  return rows.map((r) => ({
    key: comebackKey('qc_rework', r.id),
    source: 'qc_rework',
    vehicleId: r.vehicle_id,
    plate: r.plate,
    vehicle: `${r.make} ${r.model}`,
    roId: r.ro_id,
    roNumber: r.number,
    occurredOn: localDate(new Date(r.at), ctx.timeZone),
    reasons: reasons.get(r.id) ?? [],
    earlierRoNumber: null,
    days: null,
    opCodes: [],
  }))
}

function opCodesOf(ctx: UserCtx, roIds: number[]): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>()
  for (let i = 0; i < roIds.length; i += 500) {
    const rows = all(
      ctx.store,
      ctx.store.db.selectFrom('ro_lines').select(['ro_id', 'op_code']).where('kind', '=', 'labour').where('op_code', 'is not', null).where('ro_id', 'in', roIds.slice(i, i + 500)),
    )
    for (const r of rows) if (r.op_code) out.set(r.ro_id, (out.get(r.ro_id) ?? new Set()).add(r.op_code))
  }
  return out
}

function repeatVisits(ctx: UserCtx, scope: Scope, withinDays: number): Proposal[] {
  const db = ctx.store.db
  let q = db
    .selectFrom('repair_orders as r')
    .innerJoin('vehicles as v', 'v.id', 'r.vehicle_id')
    .select(['r.id', 'r.number', 'r.opened_at', 'v.id as vehicle_id', 'v.plate', 'v.make', 'v.model'])
    .where('r.state', '!=', 'cancelled')
    .where('r.type', '!=', 'internal')
  let earliest: string | undefined
  if ('month' in scope) {
    const b = monthBounds(scope.month, ctx.timeZone)
    q = q.where('r.opened_at', '>=', b.from).where('r.opened_at', '<', b.to)
    earliest = dayBounds(addDays(`${scope.month}-01`, -withinDays), ctx.timeZone).from
  } else q = q.where('r.id', '=', scope.id)
  const later = all(ctx.store, q.orderBy('r.opened_at'))
  if (later.length === 0) return []
  earliest ??= dayBounds(addDays(localDate(new Date(later[0]!.opened_at), ctx.timeZone), -withinDays), ctx.timeZone).from
  const vehicleIds = [...new Set(later.map((r) => r.vehicle_id))]
  const earlier: { id: number; number: string; vehicle_id: number; completed_at: string | null }[] = []
  for (let i = 0; i < vehicleIds.length; i += 500) {
    earlier.push(
      ...all(
        ctx.store,
        db
          .selectFrom('repair_orders')
          .select(['id', 'number', 'vehicle_id', 'completed_at'])
          .where('vehicle_id', 'in', vehicleIds.slice(i, i + 500))
          .where('state', '!=', 'cancelled')
          .where('type', '!=', 'internal')
          .where('completed_at', '>=', earliest)
          .orderBy('completed_at', 'desc'),
      ),
    )
  }
  const codes = opCodesOf(ctx, [...new Set([...later.map((r) => r.id), ...earlier.map((r) => r.id)])])
  const out: Proposal[] = []
  for (const b of later) {
    const mine = codes.get(b.id)
    if (!mine) continue
    const openedOn = localDate(new Date(b.opened_at), ctx.timeZone)
    for (const a of earlier) {
      if (a.vehicle_id !== b.vehicle_id || a.id === b.id || a.completed_at === null || a.completed_at >= b.opened_at) continue
      const days = daysBetween(localDate(new Date(a.completed_at), ctx.timeZone), openedOn)
      if (days > withinDays) continue
      const shared = [...(codes.get(a.id) ?? [])].filter((c) => mine.has(c)).sort()
      if (shared.length === 0) continue
      out.push({
        key: comebackKey('repeat_visit', b.id),
        source: 'repeat_visit',
        vehicleId: b.vehicle_id,
        plate: b.plate,
        vehicle: `${b.make} ${b.model}`,
        roId: b.id,
        roNumber: b.number,
        occurredOn: openedOn,
        reasons: [],
        earlierRoNumber: a.number,
        days,
        opCodes: shared,
      })
      break // the latest earlier RO with the same operation
    }
  }
  return out
}

function decidedKeys(ctx: UserCtx): Set<string> {
  const db = ctx.store.db
  const registered = all(ctx.store, db.selectFrom('quality_incidents').select('source_key').where('source_key', 'is not', null))
  const dismissed = all(ctx.store, db.selectFrom('comeback_dismissals').select('source_key'))
  return new Set([...registered.map((r) => r.source_key ?? ''), ...dismissed.map((r) => r.source_key)])
}

/** The month's comebacks not yet registered or dismissed, by date. */
export function comebacks(ctx: UserCtx, input: { month: string; withinDays?: number | undefined }): Proposal[] {
  const decided = decidedKeys(ctx)
  const withinDays = input.withinDays ?? comebackDays(ctx.store)
  return [...qcReworks(ctx, input), ...repeatVisits(ctx, { month: input.month }, withinDays)]
    .filter((p) => !decided.has(p.key))
    .sort((x, y) => (x.occurredOn < y.occurredOn ? -1 : x.occurredOn > y.occurredOn ? 1 : x.key < y.key ? -1 : 1))
}

/** The one comeback a key names, found again; undefined when the data no longer shows it. */
export function comebackOf(ctx: UserCtx, source: 'qc_rework' | 'repeat_visit', id: number, withinDays: number): Proposal | undefined {
  return source === 'qc_rework' ? qcReworks(ctx, { id })[0] : repeatVisits(ctx, { id }, withinDays)[0]
}
