import type { ExpressionBuilder, Kysely } from 'kysely'
import type { DB } from '../store/schema'
import { all, first, run } from '../store/query'
import { addDays, lastDateOfMonth, localDate } from '../../shared/domain/calendar'
import { KM_RATE_WINDOW_DAYS, kmPerDayCenti } from '../../shared/domain/care-reminder'
import { FIRST_SERVICE_OVERDUE_DAYS, firstServiceWindow } from '../../shared/domain/first-service'
import { RULE_PARAMS, type RuleParams } from '../../shared/domain/rules'
import { ruleByKind } from './catalog'
import type { EvalEnv } from './context'

// The one place that says what a vehicle's first service (首保) is: its window (opened at the warranty
// start, closed by months or projected km per make; shared/domain/first-service.ts), kept per
// vehicle in `warranty_first_services` by a daily refresh, and which RO counts as the first service.
// The warranty desk's due/overdue list and calls, the monthly return rate, the rule
// `first_service_rate` and the campaigns' "first service due" target group all read it from here.
// It lives with the rules because the rules engine and the figures (this room) need it and the
// warranty and department rooms import this one, never the other way.

type Env = Pick<EvalEnv, 'store' | 'now' | 'nowIso' | 'timeZone'>

export function firstServiceParams(env: Pick<Env, 'store' | 'nowIso'>): RuleParams<'first_service_rate'> {
  return RULE_PARAMS.first_service_rate.parse(ruleByKind(env.store, env.nowIso, 'first_service_rate').params)
}

/** The make's first-service terms (months, km), else the default row ('' make). */
function termsOf(rows: readonly { make: string; months: number; km: number }[], make: string): { months: number; km: number } {
  return rows.find((r) => r.make === make) ?? rows.find((r) => r.make === '') ?? { months: 6, km: 5_000 }
}

/**
 * Works out every vehicle's window unless today's run with these terms and lead days is done; returns
 * whether it ran. Open windows follow new odometer readings and changed terms; a closed window keeps
 * its dates (the month it closed in is history) unless the warranty start moved.
 */
export function refreshFirstServices(env: Env): boolean {
  const today = localDate(env.now, env.timeZone)
  const { leadDays } = firstServiceParams(env)
  const db = env.store.db
  const terms = all(env.store, db.selectFrom('warranty_first_service_terms').select(['make', 'months', 'km']).orderBy('make'))
  const variant = `lead=${leadDays};terms=${terms.map((t) => `${t.make}:${t.months}:${t.km}`).join(',')}`
  const done = first(env.store, db.selectFrom('warranty_call_runs').select(['day', 'variant']).where('kind', '=', 'first_service'))
  if (done && done.day === today && done.variant === variant) return false
  const windowStart = `${addDays(today, -KM_RATE_WINDOW_DAYS)}T00:00:00`
  const vehicles = all(
    env.store,
    db
      .selectFrom('vehicles as v')
      .leftJoin('warranty_starts as s', 's.vehicle_id', 'v.id')
      .leftJoin('warranty_first_services as f', 'f.vehicle_id', 'v.id')
      .select(['v.id', 'v.make', 'v.odometer_km', 'v.first_registered_on', 's.starts_on', 'f.starts_on as kept_start', 'f.closes_on as kept_closes', 'f.due_on as kept_due'])
      .select((eb) => [
        eb.selectFrom('odometer_readings as o').select((o) => o.fn.max('o.at').as('at')).whereRef('o.vehicle_id', '=', 'v.id').as('last_at'),
        eb.selectFrom('odometer_readings as o').select('o.km').whereRef('o.vehicle_id', '=', 'v.id').where('o.at', '>=', windowStart).orderBy('o.at').limit(1).as('first_km'),
        eb.selectFrom('odometer_readings as o').select('o.at').whereRef('o.vehicle_id', '=', 'v.id').where('o.at', '>=', windowStart).orderBy('o.at').limit(1).as('first_at'),
      ])
      .where((eb) => eb.or([eb('s.starts_on', 'is not', null), eb('v.first_registered_on', 'is not', null)])),
  )
  env.store.tx(() => {
    for (const v of vehicles) {
      const startsOn = (v.starts_on ?? v.first_registered_on ?? '').slice(0, 10)
      if (startsOn === '') continue
      if (v.kept_start === startsOn && v.kept_closes !== null && v.kept_closes < today) continue
      const t = termsOf(terms, v.make)
      const latest = { km: v.odometer_km, date: (v.last_at ?? `${startsOn}T00:00:00`).slice(0, 10) }
      const rate = v.first_km !== null && v.first_at !== null ? kmPerDayCenti({ km: v.first_km, date: v.first_at.slice(0, 10) }, latest) : null
      const w = firstServiceWindow({ startsOn, months: t.months, km: t.km, latest, kmPerDayCenti: rate, leadDays })
      if (v.kept_start === startsOn && v.kept_closes === w.closesOn && v.kept_due === w.dueOn) continue
      const row = { starts_on: startsOn, months: t.months, km: t.km, closes_by_months: w.closesByMonths, closes_by_km: w.closesByKm, closes_on: w.closesOn, closes_by: w.closesBy, due_on: w.dueOn, updated_at: env.nowIso }
      run(
        env.store,
        db
          .insertInto('warranty_first_services')
          .values({ vehicle_id: v.id, ...row })
          .onConflict((oc) => oc.column('vehicle_id').doUpdateSet(row)),
      )
    }
    syncCalls(env, today)
    run(
      env.store,
      db
        .insertInto('warranty_call_runs')
        .values({ kind: 'first_service', day: today, variant, at: env.nowIso })
        .onConflict((oc) => oc.column('kind').doUpdateSet({ day: today, variant, at: env.nowIso })),
    )
  })
  return true
}

/**
 * The first-service reminder calls (warranty_calls, kind first_service): one per car that fell due
 * and has none yet; an open call follows its window's moved dates. A closed call stays closed.
 */
function syncCalls(env: Env, today: string): void {
  const db = env.store.db
  const { from, to } = deskPeriod(today)
  run(
    env.store,
    db
      .insertInto('warranty_calls')
      .columns(['kind', 'vehicle_id', 'starts_on', 'months', 'ends_on', 'due_date', 'created_at', 'updated_at'])
      .expression(
        firstServiceDue(db, from, to).select((eb) => [
          eb.val('first_service').as('kind'),
          'f.vehicle_id',
          'f.starts_on',
          'f.months',
          'f.closes_on',
          'f.due_on',
          eb.val(env.nowIso).as('created_at'),
          eb.val(env.nowIso).as('updated_at'),
        ]),
      )
      .onConflict((oc) => oc.columns(['vehicle_id', 'kind', 'months']).doNothing()),
  )
  const windowOf = (eb: ExpressionBuilder<DB & { w: DB['warranty_calls'] }, 'w'>) => eb.selectFrom('warranty_first_services as f').whereRef('f.vehicle_id', '=', 'w.vehicle_id')
  run(
    env.store,
    db
      .updateTable('warranty_calls as w')
      .set((eb) => ({
        starts_on: windowOf(eb).select('f.starts_on'),
        ends_on: windowOf(eb).select('f.closes_on'),
        due_date: windowOf(eb).select('f.due_on'),
        updated_at: env.nowIso,
      }))
      .where('w.kind', '=', 'first_service')
      .where('w.state', '=', 'open')
      .where((eb) =>
        eb.exists(
          windowOf(eb)
            .select('f.vehicle_id')
            .whereRef('f.months', '=', 'w.months')
            .where((x) => x.or([x('f.closes_on', '!=', x.ref('w.ends_on')), x('f.due_on', '!=', x.ref('w.due_date')), x('f.starts_on', '!=', x.ref('w.starts_on'))])),
        ),
      ),
  )
}

type WithF = ExpressionBuilder<DB & { f: DB['warranty_first_services'] }, 'f'>

/**
 * The ROs that count as a vehicle's first service: not cancelled, opened on or after the warranty
 * start, a maintenance RO or one with a first-service claim (see shared/domain/first-service.ts).
 * `withinWindow`: opened on or before the window's last day (done); otherwise at any time since the
 * start (done or late — the car is off the list either way).
 */
export function firstServiceRos(eb: WithF, withinWindow: boolean) {
  let q = eb
    .selectFrom('repair_orders as fr')
    .select('fr.id')
    .whereRef('fr.vehicle_id', '=', 'f.vehicle_id')
    .where('fr.state', '!=', 'cancelled')
    .whereRef('fr.opened_at', '>=', 'f.starts_on')
    .where((inner) =>
      inner.or([
        inner('fr.type', '=', 'maintenance'),
        inner.exists(inner.selectFrom('warranty_claims as fc').select('fc.id').whereRef('fc.ro_id', '=', 'fr.id').where('fc.claim_type', '=', 'first_service')),
      ]),
    )
  // Stored RO times are local ISO text: the window's last day compares as their date prefix.
  if (withinWindow) q = q.where((inner) => inner(inner.fn('substr', ['fr.opened_at', inner.val(1), inner.val(10)]), '<=', inner.ref('f.closes_on')))
  return q
}

/**
 * "First service due" in a period [from, to] — one definition for the desk's list (from = the oldest
 * overdue day kept, to = today) and a campaign's target group (its dates): the call has fallen due
 * by `to`, the window had not closed before `from`, and no first service since the start.
 */
export function firstServiceDue(db: Kysely<DB>, from: string, to: string) {
  return db.selectFrom('warranty_first_services as f').where((eb) => isFirstServiceDue(eb, from, to))
}

/** The same test on a window `f` already in a query (the desk's list walks the windows in closing order). */
export function isFirstServiceDue(eb: WithF, from: string, to: string) {
  return eb.and([eb('f.due_on', '<=', to), eb('f.closes_on', '>=', from), eb.not(eb.exists(firstServiceRos(eb, false)))])
}

/** The desk's list period today: overdue cars are kept FIRST_SERVICE_OVERDUE_DAYS after their window closed. */
export function deskPeriod(today: string): { from: string; to: string } {
  return { from: addDays(today, -FIRST_SERVICE_OVERDUE_DAYS), to: today }
}

export interface ClosedWindow {
  vehicleId: number
  startsOn: string
  closesOn: string
  closesBy: 'months' | 'km'
  months: number
  km: number
  /** The first service done within the window (the earliest such RO), else null. */
  doneRoId: number | null
}

/**
 * Windows closed in a month (its last day before today: a window closing later this month is not
 * closed yet), with the RO that served each within it. The rate's numerator and denominator and the
 * drill-down are these rows.
 */
export function windowsClosedIn(env: Env, month: string): ClosedWindow[] {
  const rows = all(
    env.store,
    closedInMonths(env, month, month)
      .select(['f.vehicle_id', 'f.starts_on', 'f.closes_on', 'f.closes_by', 'f.months', 'f.km'])
      .select((eb) => firstServiceRos(eb, true).clearSelect().select((s) => s.fn.min('fr.id').as('ro')).as('done_ro_id'))
      .orderBy('f.closes_on')
      .orderBy('f.vehicle_id'),
  )
  return rows.map((r) => ({ vehicleId: r.vehicle_id, startsOn: r.starts_on, closesOn: r.closes_on, closesBy: r.closes_by, months: r.months, km: r.km, doneRoId: r.done_ro_id ?? null }))
}

/**
 * The rate's figures of the months `first` … `last` (month keys) in one grouped read: per month of
 * closing, the windows windowsClosedIn lists and those of them with a first service done within the
 * window (the same ROs as its doneRoId). Months without a closed window are absent.
 */
export function closedCountsByMonth(env: Env, first: string, last: string): { month: string; closed: number; done: number }[] {
  return all(env.store, closedCountsQuery(env, first, last))
}

/** closedCountsByMonth's query (its plan is tested: it reads indexes alone). */
export function closedCountsQuery(env: Env, first: string, last: string) {
  return closedInMonths(env, first, last)
    .select((eb) => [
      eb.fn<string>('substr', ['f.closes_on', eb.val(1), eb.val(7)]).as('month'),
      eb.fn.countAll<number>().as('closed'),
      eb.fn.sum<number>(eb.case().when(eb.exists(firstServiceRos(eb, true))).then(1).else(0).end()).as('done'),
    ])
    .groupBy('month')
    .orderBy('month')
}

/** The windows closed from the first day of `first` to the last of `last`, before today (a window closing later is not closed yet). */
function closedInMonths(env: Env, first: string, last: string) {
  const today = localDate(env.now, env.timeZone)
  return env.store.db
    .selectFrom('warranty_first_services as f')
    .where('f.closes_on', '>=', `${first}-01`)
    .where('f.closes_on', '<=', lastDateOfMonth(last))
    .where('f.closes_on', '<', today)
}
