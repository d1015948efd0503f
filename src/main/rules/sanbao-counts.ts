import type { z } from 'zod'
import type { VehicleSanbao } from '../../shared/contract/sanbao'
import { localDate } from '../../shared/domain/calendar'
import { parseIso } from '../../shared/domain/time'
import {
  problemKey,
  repairDays,
  sanbaoCounters,
  sanbaoValidity,
  withinValidity,
  worstCounter,
  type SanbaoAssembly,
  type SanbaoLimits,
  type SanbaoRepair,
} from '../../shared/domain/sanbao'
import { preparedQuery } from '../store/query'
import type { Store } from '../store/open'
import { idsIn } from './evaluators/types'

// The 三包 counters of a set of vehicles in three statements (vehicles, their warranty repairs,
// those repairs' claims), so the rule's sweep and the RO screen's banner read the same way. It
// lives with the rules engine, which counts with it, and the warranty desk reads it from here.
//
// A repair is an RO that was not cancelled and has a line paid by the warranty; an RO whose
// claims are all first services or campaigns (not a quality problem) is not one. Its days run from
// the day it was opened to the day it was completed (today while it runs).

export type VehicleSanbaoOut = z.output<typeof VehicleSanbao>

// Claim types that repair no quality problem.
const NOT_A_REPAIR = new Set(['first_service', 'campaign'])

interface Env {
  store: Store
  today: string
  timeZone: string
  limits: SanbaoLimits
  ruleEnabled: boolean
}

// Run on every RO write (the rule evaluates the RO's vehicle): compiled once, the vehicle ids
// bound as one JSON array.
const selectVehicles = preparedQuery<{ ids: string }>()((db, p) =>
  db
    .selectFrom('vehicles as v')
    .leftJoin('warranty_starts as s', 's.vehicle_id', 'v.id')
    .select(['v.id', 'v.vin', 'v.plate', 'v.energy', 'v.odometer_km', 'v.first_registered_on', 's.starts_on'])
    .where('v.id', 'in', idsIn(p.ids)),
)
const selectRepairs = preparedQuery<{ ids: string }>()((db, p) =>
  db
    .selectFrom('repair_orders as r')
    .select(['r.id', 'r.number', 'r.vehicle_id', 'r.opened_at', 'r.completed_at', 'r.odometer_km'])
    .where('r.vehicle_id', 'in', idsIn(p.ids))
    .where('r.state', '<>', 'cancelled')
    .where((eb) => eb.exists(eb.selectFrom('ro_lines as l').select('l.id').whereRef('l.ro_id', '=', 'r.id').where('l.payer', '=', 'warranty')))
    .orderBy('r.opened_at')
    .orderBy('r.id'),
)
const selectClaims = preparedQuery<{ ids: string }>()((db, p) =>
  db
    .selectFrom('warranty_claims as c')
    .leftJoin('parts as p', 'p.id', 'c.causal_part_id')
    .leftJoin('warranty_claim_sanbao as m', 'm.claim_id', 'c.id')
    .select(['c.id', 'c.number', 'c.ro_id', 'c.vehicle_id', 'c.claim_type', 'c.failure_code', 'p.part_number', 'm.safety_fault', 'm.replaced'])
    .where('c.vehicle_id', 'in', idsIn(p.ids))
    .orderBy('c.id'),
)

const dateOf = (iso: string, timeZone: string) => localDate(parseIso(iso), timeZone)

/**
 * The counters of each vehicle; `currentRo` per vehicle makes the single-repair counter that RO's
 * own. `repairedOnly` leaves out the vehicles with no warranty repair at all (the rule raises
 * nothing for them, and most cars in the workshop have none): their two other reads are skipped.
 */
export function sanbaoOfVehicles(
  env: Env,
  vehicleIds: readonly number[],
  currentRo: ReadonlyMap<number, number> = new Map(),
  options: { repairedOnly?: boolean } = {},
): Map<number, VehicleSanbaoOut> {
  const out = new Map<number, VehicleSanbaoOut>()
  if (vehicleIds.length === 0) return out
  const { store } = env
  let params = { ids: JSON.stringify([...new Set(vehicleIds)]) }
  const ros = selectRepairs.all(store, params)
  if (options.repairedOnly) {
    if (ros.length === 0) return out
    params = { ids: JSON.stringify([...new Set(ros.map((r) => r.vehicle_id))]) }
  }
  const vehicles = selectVehicles.all(store, params)
  const claims = selectClaims.all(store, params)
  for (const v of vehicles) {
    const start = (v.starts_on ?? v.first_registered_on)?.slice(0, 10) ?? null
    const validity = start === null ? null : sanbaoValidity(start, env.limits)
    const vClaims = claims.filter((c) => c.vehicle_id === v.id)
    const repairs = ros
      .filter((r) => r.vehicle_id === v.id)
      .flatMap((r) => {
        const own = vClaims.filter((c) => c.ro_id === r.id)
        if (own.length > 0 && own.every((c) => NOT_A_REPAIR.has(c.claim_type))) return []
        const repairClaims = own.filter((c) => !NOT_A_REPAIR.has(c.claim_type))
        const repair: SanbaoRepair = {
          roId: r.id,
          openedOn: dateOf(r.opened_at, env.timeZone),
          endOn: r.completed_at === null ? env.today : dateOf(r.completed_at, env.timeZone),
          odometerKm: r.odometer_km,
          problems: repairClaims.flatMap((c) => problemKey(c.failure_code, c.part_number) ?? []),
          safetyFault: repairClaims.some((c) => c.safety_fault === 1),
          replaced: repairClaims.flatMap((c): SanbaoAssembly[] => (c.replaced === null ? [] : [c.replaced])),
        }
        return [{ repair, number: r.number, open: r.completed_at === null, counted: validity !== null && withinValidity(repair, validity) }]
      })
    const counted = repairs.filter((r) => r.counted).map((r) => r.repair)
    const current = currentRo.get(v.id)
    const counters = sanbaoCounters(counted, env.limits, current)
    const longest = counters.find((c) => c.counter === 'singleRepair')
    if (longest && longest.subject !== '') longest.subject = repairs.find((r) => String(r.repair.roId) === longest.subject)?.number ?? ''
    const endedBy = validity === null ? null : env.today > validity.untilDate ? 'date' : v.odometer_km > validity.untilKm ? 'km' : null
    out.set(v.id, {
      vehicleId: v.id,
      vin: v.vin,
      plate: v.plate,
      energy: v.energy,
      odometerKm: v.odometer_km,
      startsOn: start,
      untilDate: validity?.untilDate ?? null,
      untilKm: env.limits.validityKm,
      asOf: env.today,
      inValidity: validity !== null && endedBy === null,
      endedBy,
      ruleEnabled: env.ruleEnabled,
      level: worstCounter(counters)?.level ?? 'ok',
      counters,
      repairs: repairs.map((r) => ({
        roId: r.repair.roId,
        roNumber: r.number,
        openedOn: r.repair.openedOn,
        endOn: r.repair.endOn,
        open: r.open,
        days: repairDays(r.repair.openedOn, r.repair.endOn),
        odometerKm: r.repair.odometerKm,
        counted: r.counted,
        problems: [...r.repair.problems],
        safetyFault: r.repair.safetyFault,
        replaced: [...r.repair.replaced],
      })),
      claims: vClaims.map((c) => ({
        id: c.id,
        number: c.number,
        roId: c.ro_id,
        failureCode: c.failure_code,
        causalPart: c.part_number,
        safetyFault: c.safety_fault === 1,
        replaced: c.replaced,
      })),
    })
  }
  return out
}
