import type { InferResult, Kysely } from 'kysely'
import type { UserCtx } from '../../api/context'
import { notFound } from '../../api/app-error'
import { all, first } from '../../store/query'
import type { DB } from '../../store/schema'
import type { Store } from '../../store/open'
import { addDays } from '../../../shared/domain/calendar'
import { localDate } from '../../../shared/domain/time'
import type { Coverage } from '../../../shared/domain/warranty'
import { translate } from '../../../shared/i18n'
import { termsFor } from '../coverage'
import { refreshCoverageCalls } from './refresh'
import type { In, Out } from './types'

// The warranty clerk's daily call list (保修到期提醒): open calls due today whose coverage has not
// ended, whose next try is not later than today and whose car has no booking ahead; the coverage
// ending soonest first. The reason names the coverages that end (from the make's terms).
// `warranty.calls.get` and the call logging serve both kinds; first-service calls are listed by
// ../first-service/list.ts.

type Row = Out<'warranty.calls.list'>[number]

/** The columns of a call task row (the first-service list selects the same, from its own join order). */
export const CALL_COLUMNS = [
  'w.id',
  'w.version',
  'w.kind',
  'w.state',
  'w.vehicle_id',
  'v.plate',
  'v.vin',
  'v.make',
  'v.model',
  'v.energy',
  'v.odometer_km',
  'c.name as customer_name',
  'c.mobile',
  'w.starts_on',
  'w.months',
  'w.ends_on',
  'w.due_date',
  'w.attempts',
  'w.next_try_at',
  'w.appointment_id',
  'w.close_note',
] as const

export function base(db: Kysely<DB>) {
  return db
    .selectFrom('warranty_calls as w')
    .innerJoin('vehicles as v', 'v.id', 'w.vehicle_id')
    .innerJoin('customers as c', 'c.id', 'v.owner_id')
    .select(CALL_COLUMNS)
}

export type BaseRow = InferResult<ReturnType<typeof base>>[number]

/** The coverages of the car ending at the call's milestone (not already ended by km); terms read once per make and model. */
export function endingCoverages(store: Store, cache: Map<string, Coverage[]>, r: BaseRow): Coverage[] {
  if (r.kind === 'first_service') return []
  const key = `${r.make}\u0000${r.model}\u0000${r.energy}\u0000${r.months}\u0000${r.odometer_km}`
  const hit = cache.get(key)
  if (hit) return hit
  const found = termsFor(store, r.make, r.model, r.energy)
    .filter((t) => t.months === r.months && r.odometer_km <= t.km)
    .map((t) => t.coverage)
  cache.set(key, found)
  return found
}

/** Why the customer is called, in the caller's language (carried into the appointment). */
function reasonOf(ctx: UserCtx, r: BaseRow, coverages: Coverage[]): string {
  const params = { months: r.months, startsOn: r.starts_on, endsOn: r.ends_on }
  if (r.kind === 'first_service') return translate(ctx.locale, 'wty.fs.reason', params)
  const names = coverages.map((c) => translate(ctx.locale, `warranty.coverage.${c}`)).join(translate(ctx.locale, 'wty.call.coverageSep'))
  return coverages.length > 0 ? translate(ctx.locale, 'wty.call.reasonCoverage', { ...params, coverages: names }) : translate(ctx.locale, 'wty.call.reasonCheck', params)
}

export function toRow(ctx: UserCtx, r: BaseRow, coverages: Coverage[]): Row {
  const reason = reasonOf(ctx, r, coverages)
  return {
    id: r.id,
    version: r.version,
    kind: r.kind,
    state: r.state,
    vehicleId: r.vehicle_id,
    plate: r.plate,
    vin: r.vin,
    model: r.model,
    customerName: r.customer_name,
    mobile: r.mobile,
    startsOn: r.starts_on,
    months: r.months,
    endsOn: r.ends_on,
    dueDate: r.due_date,
    coverages,
    attempts: r.attempts,
    nextTryAt: r.next_try_at,
    reason,
  }
}

export function listCoverageCalls(ctx: UserCtx, input: In<'warranty.calls.list'>): Out<'warranty.calls.list'> {
  refreshCoverageCalls(ctx)
  const today = localDate(ctx.clock.now(), ctx.timeZone)
  const now = ctx.nowIso()
  const q = base(ctx.store.db)
    .where('w.kind', '=', 'coverage_expiry')
    .where('w.state', '=', 'open')
    .where('w.due_date', '<=', today)
    .where('w.ends_on', '>=', today)
    // A local ISO instant before tomorrow's date text: due again today or earlier.
    .where((eb) => eb.or([eb('w.next_try_at', 'is', null), eb('w.next_try_at', '<', addDays(today, 1))]))
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('appointments as a').select('a.id').whereRef('a.vehicle_id', '=', 'w.vehicle_id').where('a.status', '=', 'booked').where('a.starts_at', '>=', now))),
    )
    .orderBy('w.ends_on')
    .orderBy('w.id')
    .limit(input.limit)
  const cache = new Map<string, Coverage[]>()
  return all(ctx.store, q).map((r) => toRow(ctx, r, endingCoverages(ctx.store, cache, r)))
}

export function loadCoverageCall(ctx: UserCtx, id: number): BaseRow {
  const row = first(ctx.store, base(ctx.store.db).where('w.id', '=', id))
  if (!row) throw notFound('entity.warrantyCall', id)
  return row
}

export function getCoverageCall(ctx: UserCtx, id: number): Out<'warranty.calls.get'> {
  const row = loadCoverageCall(ctx, id)
  const db = ctx.store.db
  const calls = all(
    ctx.store,
    db
      .selectFrom('care_calls as k')
      .innerJoin('users as u', 'u.id', 'k.user_id')
      .select(['k.id', 'u.display_name', 'k.started_at', 'k.ended_at', 'k.outcome', 'k.callback_at', 'k.remark'])
      .where('k.warranty_call_id', '=', id)
      .orderBy('k.id'),
  )
  const appointment =
    row.appointment_id === null
      ? undefined
      : first(
          ctx.store,
          db
            .selectFrom('appointments as a')
            .innerJoin('users as u', 'u.id', 'a.advisor_id')
            .select(['a.id', 'a.starts_at', 'u.display_name', 'a.concern', 'a.status'])
            .where('a.id', '=', row.appointment_id),
        )
  return {
    ...toRow(ctx, row, endingCoverages(ctx.store, new Map(), row)),
    closeNote: row.close_note,
    calls: calls.map((k) => ({ id: k.id, userName: k.display_name, startedAt: k.started_at, endedAt: k.ended_at, outcome: k.outcome, callbackAt: k.callback_at, remark: k.remark, answers: [] })),
    appointment: appointment ? { id: appointment.id, startsAt: appointment.starts_at, advisorName: appointment.display_name, concern: appointment.concern, status: appointment.status } : null,
  }
}
