import type { Kysely } from 'kysely'
import type { Ctx } from '../api/context'
import { all, first } from '../store/query'
import type { DB } from '../store/schema'
import { addMonthsToDate } from '../../shared/domain/calendar'
import type { TargetSource } from '../../shared/domain/campaign'
import { refreshReminders } from '../care/reminder-refresh'
import { lostMonths } from '../care/settings'
import { envOf } from '../rules/context'
import { firstServiceDue, refreshFirstServices } from '../rules/first-service'

// A campaign's target group (活动目标客户), read from the customer base with care's own
// definitions, so the count while editing, the invitation list and care's screens agree:
// - service_due: an open service reminder (care_reminders, kept fresh by care) due by the
//   campaign's last day, and no maintenance RO opened since the service it counts from;
// - lost: no visit (an RO neither cancelled nor internal) since `care.lostMonths` before the
//   campaign's first day;
// - first_service: the warranty desk's own "first service due" (rules/first-service.ts) in the
//   campaign's dates: the call fell due by the last day, the window had not closed before the
//   first, no first service yet (the 首保 the maker expects);
// - all: every vehicle with an owner.
// A model and an age band (whole years since first registration on the first day) narrow any of them.

export interface TargetInput {
  source: TargetSource
  model: string | null
  ageMin: number | null
  ageMax: number | null
}

function targetQuery(db: Kysely<DB>, target: TargetInput, startsOn: string, endsOn: string, lostCutoff: string) {
  return db
    .selectFrom('vehicles as v')
    .innerJoin('customers as c', 'c.id', 'v.owner_id')
    .$if(target.model !== null && target.model !== '', (q) => q.where('v.model', '=', target.model!))
    .$if(target.ageMin !== null, (q) => q.where('v.first_registered_on', '<=', addMonthsToDate(startsOn, -12 * target.ageMin!)))
    .$if(target.ageMax !== null, (q) => q.where('v.first_registered_on', '>', addMonthsToDate(startsOn, -12 * (target.ageMax! + 1))))
    .$if(target.source === 'service_due', (q) =>
      q.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('care_reminders as m')
            .select('m.id')
            .whereRef('m.vehicle_id', '=', 'v.id')
            .where('m.state', '=', 'open')
            .where('m.due_date', '<=', endsOn)
            .where((inner) => inner.not(inner.exists(inner.selectFrom('repair_orders as later').select('later.id').whereRef('later.vehicle_id', '=', 'm.vehicle_id').where('later.type', '=', 'maintenance').where('later.state', '!=', 'cancelled').whereRef('later.opened_at', '>', 'm.service_at')))),
        ),
      ),
    )
    .$if(target.source === 'lost', (q) =>
      q
        .where(({ exists, selectFrom }) => exists(selectFrom('repair_orders as r').select('r.id').whereRef('r.vehicle_id', '=', 'v.id').where('r.state', '!=', 'cancelled').where('r.type', '!=', 'internal')))
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('repair_orders as r').select('r.id').whereRef('r.vehicle_id', '=', 'v.id').where('r.state', '!=', 'cancelled').where('r.type', '!=', 'internal').where('r.opened_at', '>=', lostCutoff))),
        ),
    )
    .$if(target.source === 'first_service', (q) => q.where('v.id', 'in', firstServiceDue(db, startsOn, endsOn).select('f.vehicle_id')))
}

function cutoffOf(ctx: Ctx, startsOn: string): string {
  // Stored RO times are local ISO text, so the day's date compares as their prefix.
  return addMonthsToDate(startsOn, -lostMonths(ctx.store))
}

function refreshFor(ctx: Ctx, target: TargetInput): void {
  if (target.source === 'service_due') refreshReminders(ctx)
  if (target.source === 'first_service') refreshFirstServices(envOf(ctx))
}

export function countTarget(ctx: Ctx, target: TargetInput, startsOn: string, endsOn: string): number {
  refreshFor(ctx, target)
  const q = targetQuery(ctx.store.db, target, startsOn, endsOn, cutoffOf(ctx, startsOn)).select((eb) => eb.fn.countAll<number>().as('n'))
  return first(ctx.store, q)?.n ?? 0
}

export function targetVehicles(ctx: Ctx, target: TargetInput, startsOn: string, endsOn: string): { vehicleId: number; customerId: number }[] {
  refreshFor(ctx, target)
  const q = targetQuery(ctx.store.db, target, startsOn, endsOn, cutoffOf(ctx, startsOn)).select(['v.id', 'c.id as customer_id']).orderBy('v.id')
  return all(ctx.store, q).map((r) => ({ vehicleId: r.id, customerId: r.customer_id }))
}
