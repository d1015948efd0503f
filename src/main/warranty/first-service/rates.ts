import type { Ctx } from '../../api/context'
import { all } from '../../store/query'
import { monthKey, monthStart } from '../../../shared/domain/calendar'
import { mulDivRound } from '../../../shared/domain/stock'
import { envOf } from '../../rules/context'
import { firstServiceParams, refreshFirstServices, closedCountsByMonth, windowsClosedIn } from '../../rules/first-service'
import type { In, Out } from './types'

// 首保回厂率 per month [manual: ≥ 95 %]: first services done within their window ÷ windows that
// closed in the month (rules/first-service.ts). The figure is computed from exactly the rows the
// drill-down lists, so the two agree; the running month counts the windows closed before today.

export function firstServiceRates(ctx: Ctx, input: In<'warranty.firstService.rates'>): Out<'warranty.firstService.rates'> {
  const env = envOf(ctx)
  refreshFirstServices(env)
  const months = Array.from({ length: input.months }, (_, k) => monthKey(monthStart(env.now, env.timeZone, k - input.months + 1), env.timeZone))
  // One grouped read of the whole range (not the rows of each month): each month's figures count
  // exactly its windowsClosedIn rows, which the drill-down lists.
  const counts = new Map(closedCountsByMonth(env, months[0]!, months[months.length - 1]!).map((c) => [c.month, c]))
  const points = months.map((month) => {
    const { done, closed } = counts.get(month) ?? { done: 0, closed: 0 }
    return { month, done, closed, valueBp: closed > 0 ? mulDivRound(done, 10_000, closed) : null }
  })
  return { asOf: env.nowIso, targetBp: firstServiceParams(env).targetBp, points }
}

export function firstServiceDrill(ctx: Ctx, input: In<'warranty.firstService.drill'>): Out<'warranty.firstService.drill'> {
  const env = envOf(ctx)
  refreshFirstServices(env)
  const closed = windowsClosedIn(env, input.month).filter((w) => input.done === undefined || (w.doneRoId !== null) === input.done)
  const ids = closed.map((w) => w.vehicleId)
  const roIds = closed.flatMap((w) => (w.doneRoId === null ? [] : [w.doneRoId]))
  const db = ctx.store.db
  const vehicles = new Map(
    ids.length === 0
      ? []
      : all(ctx.store, db.selectFrom('vehicles as v').innerJoin('customers as c', 'c.id', 'v.owner_id').select(['v.id', 'v.plate', 'v.vin', 'v.model', 'c.name']).where('v.id', 'in', ids)).map((v) => [v.id, v]),
  )
  const ros = new Map(roIds.length === 0 ? [] : all(ctx.store, db.selectFrom('repair_orders').select(['id', 'number', 'opened_at']).where('id', 'in', roIds)).map((r) => [r.id, r]))
  return {
    asOf: env.nowIso,
    month: input.month,
    vehicles: closed.map((w) => {
      const v = vehicles.get(w.vehicleId)
      const ro = w.doneRoId === null ? undefined : ros.get(w.doneRoId)
      return {
        vehicleId: w.vehicleId,
        plate: v?.plate ?? null,
        vin: v?.vin ?? '',
        model: v?.model ?? '',
        customerName: v?.name ?? '',
        startsOn: w.startsOn,
        closesOn: w.closesOn,
        closesBy: w.closesBy,
        done: w.doneRoId !== null,
        roId: ro?.id ?? null,
        roNumber: ro?.number ?? null,
        roOpenedAt: ro?.opened_at ?? null,
      }
    }),
  }
}
