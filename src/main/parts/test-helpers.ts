import { sql } from 'kysely'
import { sqlAll } from '../store/query'
import type { TestApp } from '../test-support/test-app'
import { registerVehicle } from '../test-support/test-app'

// Test set-ups for the parts area, built through the real channels.

let serial = 900_000

export interface PartSpec {
  partNumber: string
  name: string
  bin?: string
  priceFen?: number
  costFen?: number
}

export async function addPart(t: TestApp, spec: PartSpec) {
  return t.ok('parts_supervisor', 'parts.create', {
    partNumber: spec.partNumber,
    name: spec.name,
    ...(spec.bin === undefined ? {} : { bin: spec.bin }),
    priceFen: spec.priceFen ?? 10_000,
    costFen: spec.costFen ?? 6_000,
  })
}

/** An RO authorised by the customer, with a part line per entry (several lines of one part are allowed). */
export async function authorisedRo(t: TestApp, lines: readonly { partId: number; quantityMilli: number }[]) {
  const vehicle = await registerVehicle(t, { serial: serial++, name: '李四' })
  const ro = await t.ok('service_advisor', 'ro.checkIn', {
    vehicleId: vehicle.id,
    type: 'repair',
    odometerKm: 20_000,
    fuelEighths: 4,
    concerns: '保养',
  })
  const saved = await t.ok('service_advisor', 'ro.saveLines', {
    id: ro.id,
    version: ro.version,
    lines: lines.map((l) => ({ kind: 'part' as const, partId: l.partId, description: '配件', quantityMilli: l.quantityMilli, unitPriceFen: 10_000, payer: 'customer' as const })),
  })
  return t.ok('service_advisor', 'ro.authorise', { id: ro.id, version: saved.version, method: 'in_person', authorisedBy: '李四' })
}

/** Every part's running balance against the sum of its moves and its last move's balance. */
export function ledgerMismatches(t: TestApp): unknown[] {
  // raw SQL: the ledger invariant written out as one statement, so the check reads as what it asserts
  return sqlAll<Record<string, unknown>>(
    t.app.store,
    sql`SELECT s.part_id, s.on_hand_milli, s.value_fen, agg.q, agg.v, last.on_hand_milli_after AS lq, last.value_fen_after AS lv
         FROM part_stock s
         LEFT JOIN (SELECT part_id, SUM(quantity_milli) AS q, SUM(value_fen) AS v, MAX(id) AS last_id FROM stock_moves GROUP BY part_id) agg
           ON agg.part_id = s.part_id
         LEFT JOIN stock_moves last ON last.id = agg.last_id
        WHERE s.on_hand_milli IS NOT agg.q OR s.value_fen IS NOT agg.v OR s.on_hand_milli IS NOT last.on_hand_milli_after
           OR s.value_fen IS NOT last.value_fen_after OR s.last_move_id IS NOT agg.last_id`,
  )
}
