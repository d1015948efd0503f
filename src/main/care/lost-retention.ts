import { sql } from 'kysely'
import type { UserCtx } from '../api/context'
import { sqlAll } from '../store/query'
import { addLocalMonths, toLocalIso } from '../../shared/domain/calendar'
import { RETENTION_DEPTH } from '../../shared/domain/care-reminder'
import { lostMonths } from './settings'
import type { In, Out } from './types'

// Lost customers (流失客户) and the retention funnel (回厂率) — reads for the manager's campaigns.
// A visit is an RO that was not cancelled and not internal (the shop's own cars are no customers).
// raw SQL: one grouped pass over the ROs per vehicle; the funnel counts vehicles by visit count.

export function lostCustomers(ctx: UserCtx, input: In<'care.lost'>): Out<'care.lost'> {
  const months = input.months ?? lostMonths(ctx.store)
  const cutoff = toLocalIso(addLocalMonths(ctx.clock.now(), -months, ctx.timeZone), ctx.timeZone)
  const rows = sqlAll(
    ctx.store,
    sql<{ vehicle_id: number; plate: string | null; model: string; model_year: number | null; customer_name: string; mobile: string | null; last_visit: string; last_ro: string; visits: number; value_fen: number }>`
      WITH per AS (
        SELECT vehicle_id, MAX(opened_at) AS last_visit, COUNT(*) AS visits,
               COALESCE(SUM(CASE WHEN settled_at IS NOT NULL THEN gross_fen END), 0) AS value_fen
          FROM repair_orders WHERE state <> 'cancelled' AND type <> 'internal' GROUP BY vehicle_id)
      SELECT per.vehicle_id, v.plate, v.model, v.model_year, c.name AS customer_name, c.mobile, per.last_visit,
             (SELECT r.number FROM repair_orders r WHERE r.vehicle_id = per.vehicle_id AND r.opened_at = per.last_visit ORDER BY r.id DESC LIMIT 1) AS last_ro,
             per.visits, per.value_fen
        FROM per JOIN vehicles v ON v.id = per.vehicle_id JOIN customers c ON c.id = v.owner_id
       WHERE per.last_visit < ${cutoff}
       ORDER BY per.value_fen DESC, per.last_visit, per.vehicle_id LIMIT ${input.limit}`,
  )
  return {
    months,
    cutoff,
    rows: rows.map((r) => ({
      vehicleId: r.vehicle_id,
      plate: r.plate,
      model: r.model,
      modelYear: r.model_year,
      customerName: r.customer_name,
      mobile: r.mobile,
      lastVisitAt: r.last_visit,
      lastRoNumber: r.last_ro,
      visits: r.visits,
      valueFen: r.value_fen,
    })),
  }
}

/** Of the vehicles with a first visit, how many came a 2nd, 3rd … time, per model year. */
export function retentionFunnel(ctx: UserCtx): Out<'care.retention'> {
  const rows = sqlAll(
    ctx.store,
    sql<{ model_year: number | null; visits: number; vehicles: number }>`
      WITH per AS (SELECT vehicle_id, COUNT(*) AS visits FROM repair_orders WHERE state <> 'cancelled' AND type <> 'internal' GROUP BY vehicle_id)
      SELECT v.model_year, MIN(per.visits, ${RETENTION_DEPTH}) AS visits, COUNT(*) AS vehicles
        FROM per JOIN vehicles v ON v.id = per.vehicle_id GROUP BY v.model_year, MIN(per.visits, ${RETENTION_DEPTH})`,
  )
  const years = [...new Set(rows.map((r) => r.model_year))].sort((a, b) => (a === null ? 1 : b === null ? -1 : b - a))
  const funnel = (of: typeof rows) =>
    Array.from({ length: RETENTION_DEPTH }, (_, k) => of.filter((r) => r.visits >= k + 1).reduce((s, r) => s + r.vehicles, 0))
  return {
    depth: RETENTION_DEPTH,
    total: funnel(rows),
    years: years.map((y) => ({ modelYear: y, reached: funnel(rows.filter((r) => r.model_year === y)) })),
  }
}
