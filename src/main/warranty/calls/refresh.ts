import type { Ctx } from '../../api/context'
import { all, first, run } from '../../store/query'
import { localDate } from '../../../shared/domain/time'
import { expiryMilestones, milestonesDueOn } from '../../../shared/domain/warranty-calls'
import { pickTerms } from '../coverage'
import { coverageCallParams } from './params'

// The coverage-expiry calls due today, worked out once a day (or again when the rule's offset
// changes): one call per vehicle and milestone, made when it falls due and kept until it is closed.
// A call still open follows a changed warranty start (its dates move; the list leaves out what is
// no longer due).

/** Recomputes unless today's run with these parameters is done; returns whether it ran. */
export function refreshCoverageCalls(ctx: Ctx): boolean {
  const today = localDate(ctx.clock.now(), ctx.timeZone)
  const { days } = coverageCallParams(ctx)
  const variant = `days=${days}`
  const db = ctx.store.db
  const done = first(ctx.store, db.selectFrom('warranty_call_runs').select(['day', 'variant']).where('kind', '=', 'coverage_expiry'))
  if (done && done.day === today && done.variant === variant) return false
  const terms = all(ctx.store, db.selectFrom('warranty_terms').select(['make', 'model', 'coverage', 'months', 'km']))
  const vehicles = all(
    ctx.store,
    db
      .selectFrom('vehicles as v')
      .leftJoin('warranty_starts as s', 's.vehicle_id', 'v.id')
      .select(['v.id', 'v.make', 'v.model', 'v.energy', 'v.odometer_km', 'v.first_registered_on', 's.starts_on'])
      .where((eb) => eb.or([eb('s.starts_on', 'is not', null), eb('v.first_registered_on', 'is not', null)])),
  )
  const now = ctx.nowIso()
  ctx.store.tx(() => {
    for (const v of vehicles) {
      const startsOn = (v.starts_on ?? v.first_registered_on ?? '').slice(0, 10)
      if (startsOn === '') continue
      const due = milestonesDueOn(expiryMilestones(startsOn, pickTerms(terms, v.make, v.model, v.energy), v.odometer_km, days), today)
      for (const m of due) {
        run(
          ctx.store,
          db
            .insertInto('warranty_calls')
            .values({ kind: 'coverage_expiry', vehicle_id: v.id, starts_on: startsOn, months: m.months, ends_on: m.endsOn, due_date: m.dueDate, next_try_at: null, appointment_id: null, closed_at: null, closed_by: null, created_at: now, updated_at: now })
            .onConflict((oc) =>
              oc
                .columns(['vehicle_id', 'kind', 'months'])
                .doUpdateSet({ starts_on: startsOn, ends_on: m.endsOn, due_date: m.dueDate, updated_at: now })
                .where((eb) => eb.and([eb('warranty_calls.state', '=', 'open'), eb('warranty_calls.due_date', '!=', m.dueDate)])),
            ),
        )
      }
    }
    run(
      ctx.store,
      db
        .insertInto('warranty_call_runs')
        .values({ kind: 'coverage_expiry', day: today, variant, at: now })
        .onConflict((oc) => oc.column('kind').doUpdateSet({ day: today, variant, at: now })),
    )
  })
  return true
}
