import type { Ctx } from '../api/context'
import { RO_STATES, isOpen, type RoState } from '../../shared/domain/ro-state'
import type { RoType } from '../../shared/domain/ro-type'
import { expressionBuilder, sql, type Expression, type Kysely, type SqlBool } from 'kysely'
import { all, first, preparedQuery } from '../store/query'
import type { CustomersTable, DB, RepairOrdersTable, VehiclesTable } from '../store/schema'
import type { In, Out, RoSummaryOut } from './types'
import { lateCutoffs, lateOf, lateWhere, type LateCutoffs } from './ro-lateness'
import { roWithParties } from '../store/ro-parties'

// Lists of repair orders read their money from the stored totals (kept by every line save), so a
// list never has to sum lines.

const selectSummaries = (db: Kysely<DB>) =>
  roWithParties(db)
    .select([
      'r.id',
      'r.number',
      'r.type',
      'r.state',
      'v.plate',
      'v.vin',
      'v.model',
      'c.name as customer_name',
      'u.display_name as advisor_name',
      'r.odometer_km',
      'r.opened_at',
      'r.promised_at',
      'r.net_fen',
      'r.vat_fen',
      'r.gross_fen',
      'r.completed_at',
    ])
    .$narrowType<{ type: RoType; state: RoState }>()

const summariesOfVehicle = preparedQuery<{ vehicleId: number }>()((db, p) =>
  selectSummaries(db).where('r.vehicle_id', '=', p.vehicleId).orderBy('r.opened_at', 'desc').orderBy('r.id', 'desc'),
)

type SummaryRow = ReturnType<typeof summariesOfVehicle.all>[number]

function summaryOf(row: SummaryRow, cutoffs: LateCutoffs): RoSummaryOut {
  return {
    id: row.id,
    number: row.number,
    type: row.type,
    state: row.state,
    plate: row.plate,
    vin: row.vin,
    model: row.model,
    customerName: row.customer_name,
    advisorName: row.advisor_name,
    odometerKm: row.odometer_km,
    openedAt: row.opened_at,
    promisedAt: row.promised_at,
    netFen: row.net_fen,
    vatFen: row.vat_fen,
    grossFen: row.gross_fen,
    late: lateOf(row, cutoffs),
  }
}

const OPEN_STATES = RO_STATES.filter(isOpen)
/** The states a repair order is over in, as SQL literals (constant, so the plan never changes). */
export const CLOSED_STATES = RO_STATES.filter((s) => !isOpen(s)).map((s) => sql.lit(s))

export function vehicleRoSummaries(ctx: Ctx, vehicleId: number): RoSummaryOut[] {
  const rows = summariesOfVehicle.all(ctx.store, { vehicleId })
  const cutoffs = lateCutoffs(ctx)
  return rows.map((row) => summaryOf(row, cutoffs))
}

export function listRepairOrders(ctx: Ctx, input: In<'ro.list'>): Out<'ro.list'> {
  const cutoffs = lateCutoffs(ctx)
  const eb = expressionBuilder<{ r: RepairOrdersTable; v: VehiclesTable; c: CustomersTable }, 'r' | 'v' | 'c'>()
  const where: Expression<SqlBool>[] = []
  if (input.state !== undefined) where.push(eb('r.state', '=', input.state))
  if (input.open !== undefined) where.push(eb('r.state', input.open ? 'in' : 'not in', OPEN_STATES))
  if (input.advisorId !== undefined) where.push(eb('r.advisor_id', '=', input.advisorId))
  if (input.type !== undefined) where.push(eb('r.type', '=', input.type))
  if (input.from !== undefined) where.push(eb('r.opened_at', '>=', `${input.from}T00:00:00`))
  // Local text with offset: every time on `to` sorts below `to` + 'T24'.
  if (input.to !== undefined) where.push(eb('r.opened_at', '<', `${input.to}T24`))
  if (input.late) where.push(lateWhere(eb, cutoffs))
  if (input.q) {
    // Any part of the number, plate, name or mobile, as the desk types it (case-insensitive plates).
    const like = `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    const contains = (column: 'r.number' | 'v.plate' | 'c.name' | 'c.mobile', text: string) =>
      sql<SqlBool>`${sql.ref(column)} LIKE ${text} ESCAPE '\\'`
    where.push(eb.or([contains('r.number', like), contains('v.plate', like.toUpperCase()), contains('c.name', like), contains('c.mobile', like)]))
  }
  const filter = where.length > 0 ? eb.and(where) : null
  const countAll = eb.fn.countAll<number>().as('n')
  // The count joins vehicles and customers only when the text filter needs them.
  const counted = input.q
    ? ctx.store.db
        .selectFrom('repair_orders as r')
        .innerJoin('vehicles as v', 'v.id', 'r.vehicle_id')
        .innerJoin('customers as c', 'c.id', 'r.customer_id')
        .select(countAll)
    : ctx.store.db.selectFrom('repair_orders as r').select(countAll)
  const total = first(ctx.store, filter ? counted.where(filter) : counted)!.n
  const listed = selectSummaries(ctx.store.db)
  const rows = all(
    ctx.store,
    (filter ? listed.where(filter) : listed).orderBy('r.opened_at', 'desc').orderBy('r.id', 'desc').limit(input.limit).offset(input.offset),
  )
  return { rows: rows.map((row) => summaryOf(row, cutoffs)), total }
}
