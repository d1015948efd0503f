import { sql } from 'kysely'
import { singleRepairLevel, worstCounter, type SanbaoCounter } from '../../../shared/domain/sanbao'
import { localDate } from '../../../shared/domain/calendar'
import { preparedQuery } from '../../store/query'
import { sanbaoOfVehicles } from '../sanbao-counts'
import { idsIn, type Evaluator } from './types'

// 三包 thresholds (shared/domain/sanbao.ts cites the regulation): one alert per RO still at the
// dealership whose vehicle has a counter at or one below its threshold — the counter with the
// highest level, with its figure, the threshold and the validity's end. Counting days needs the
// dealership's calendar, so the counters are computed in code over the ROs in scope (three
// statements for all of them) and handed to the engine as one JSON set.

const KEY: Record<SanbaoCounter, string> = {
  repairDays: 'RepairDays',
  sameProblem: 'SameProblem',
  safetyRepairs: 'SafetyRepairs',
  replacements: 'Replacements',
  singleRepair: 'SingleRepair',
}

// Run on every RO write: compiled once.
const selectAtDealership = preparedQuery<Record<string, never>>()((db) =>
  db.selectFrom('repair_orders').select(['id', 'number', 'vehicle_id']).where('state', 'not in', ['settled', 'delivered', 'cancelled']),
)
const selectAtDealershipIn = preparedQuery<{ ids: string }>()((db, p) =>
  db
    .selectFrom('repair_orders')
    .select(['id', 'number', 'vehicle_id'])
    .where('state', 'not in', ['settled', 'delivered', 'cancelled'])
    .where('id', 'in', idsIn(p.ids)),
)

export const sanbaoThreshold: Evaluator<'sanbao_threshold'> = {
  kind: 'sanbao_threshold',
  scopeKey: 'roIds',
  hits(env, p, ids) {
    const ros = ids === null ? selectAtDealership.all(env.store, {}) : selectAtDealershipIn.all(env.store, { ids })
    const hits: { s: number; g: string; k: string; p: string }[] = []
    if (ros.length > 0) {
      const today = localDate(env.now, env.timeZone)
      const base = { store: env.store, today, timeZone: env.timeZone, limits: p, ruleEnabled: true }
      const vehicles = sanbaoOfVehicles(base, ros.map((r) => r.vehicle_id), undefined, { repairedOnly: true })
      for (const ro of ros) {
        const v = vehicles.get(ro.vehicle_id)
        if (!v || v.repairs.every((r) => !r.counted)) continue
        // The single repair is this RO's own (0 days when it is no 三包 repair), not the vehicle's longest.
        const days = v.repairs.find((r) => r.roId === ro.id && r.counted)?.days ?? 0
        const single = { counter: 'singleRepair' as const, value: days, limit: p.singleRepairDays, level: singleRepairLevel(days, p.singleRepairDays), subject: ro.number }
        const worst = worstCounter(v.counters.map((c) => (c.counter === 'singleRepair' ? single : c)))
        if (!worst) continue
        const reached = worst.level === 'reached'
        hits.push({
          s: ro.id,
          g: reached ? 'breach' : 'warning',
          k: `alert.sanbao${KEY[worst.counter]}${reached ? 'Reached' : 'Near'}`,
          p: JSON.stringify({ number: ro.number, vehicle: v.plate ?? v.vin, value: worst.value, limit: worst.limit, subject: worst.subject, untilDate: v.untilDate ?? '', untilKm: v.untilKm }),
        })
      }
    }
    // raw SQL: the hits were computed in code (calendar days); json_each hands them to the engine as a set.
    return sql`SELECT json_extract(value, '$.s') AS subject_id, json_extract(value, '$.g') AS stage, json_extract(value, '$.k') AS message_key,
      json_extract(value, '$.p') AS params FROM json_each(${JSON.stringify(hits)})`
  },
}
