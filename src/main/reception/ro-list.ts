import type { Ctx } from '../api/context'
import { RO_STATES, isOpen, type RoState } from '../../shared/domain/ro-state'
import type { RoType } from '../../shared/domain/ro-type'
import type { In, Out, RoSummaryOut } from './types'
import { LATE_SQL, lateCutoffs, lateOf, lateParams, type LateCutoffs } from './ro-lateness'

// Lists of repair orders read their money from the stored totals (kept by every line save), so a
// list never has to sum lines.

const SUMMARY_SELECT = `
  SELECT r.id, r.number, r.type, r.state, v.plate, v.vin, v.model, c.name AS customer_name,
         u.display_name AS advisor_name, r.odometer_km, r.opened_at, r.promised_at, r.net_fen, r.vat_fen, r.gross_fen,
         r.completed_at
    FROM repair_orders r
    JOIN vehicles v ON v.id = r.vehicle_id
    JOIN customers c ON c.id = r.customer_id
    JOIN users u ON u.id = r.advisor_id`

interface SummaryRow {
  id: number
  number: string
  type: RoType
  state: RoState
  plate: string | null
  vin: string
  model: string
  customer_name: string
  advisor_name: string
  odometer_km: number
  opened_at: string
  promised_at: string | null
  completed_at: string | null
  net_fen: number
  vat_fen: number
  gross_fen: number
}

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
const inList = (states: readonly string[]) => `(${states.map((s) => `'${s}'`).join(', ')})`
export const OPEN_STATES_SQL = inList(OPEN_STATES)
export const CLOSED_STATES_SQL = inList(RO_STATES.filter((s) => !isOpen(s)))

export function vehicleRoSummaries(ctx: Ctx, vehicleId: number): RoSummaryOut[] {
  const rows = ctx.store
    .prepare(`${SUMMARY_SELECT} WHERE r.vehicle_id = ? ORDER BY r.opened_at DESC, r.id DESC`)
    .all(vehicleId) as SummaryRow[]
  const cutoffs = lateCutoffs(ctx)
  return rows.map((row) => summaryOf(row, cutoffs))
}

export function listRepairOrders(ctx: Ctx, input: In<'ro.list'>): Out<'ro.list'> {
  const where: string[] = []
  const params: (string | number)[] = []
  if (input.state !== undefined) {
    where.push('r.state = ?')
    params.push(input.state)
  }
  if (input.open !== undefined) where.push(`r.state ${input.open ? 'IN' : 'NOT IN'} ${OPEN_STATES_SQL}`)
  if (input.advisorId !== undefined) {
    where.push('r.advisor_id = ?')
    params.push(input.advisorId)
  }
  if (input.type !== undefined) {
    where.push('r.type = ?')
    params.push(input.type)
  }
  if (input.from !== undefined) {
    where.push('r.opened_at >= ?')
    params.push(`${input.from}T00:00:00`)
  }
  if (input.to !== undefined) {
    // Local text with offset: every time on `to` sorts below `to` + 'T24'.
    where.push('r.opened_at < ?')
    params.push(`${input.to}T24`)
  }
  const cutoffs = lateCutoffs(ctx)
  if (input.late) {
    where.push(LATE_SQL)
    params.push(...lateParams(cutoffs))
  }
  let joins = ''
  if (input.q) {
    // Any part of the number, plate, name or mobile, as the desk types it (case-insensitive plates).
    const like = `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    joins = ' JOIN vehicles v ON v.id = r.vehicle_id JOIN customers c ON c.id = r.customer_id'
    where.push("(r.number LIKE ? ESCAPE '\\' OR v.plate LIKE ? ESCAPE '\\' OR c.name LIKE ? ESCAPE '\\' OR c.mobile LIKE ? ESCAPE '\\')")
    params.push(like, like.toUpperCase(), like, like)
  }
  const clause = where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''
  const total = (ctx.store.prepare(`SELECT count(*) AS n FROM repair_orders r${joins}${clause}`).get(...params) as { n: number }).n
  const rows = ctx.store
    .prepare(`${SUMMARY_SELECT}${clause} ORDER BY r.opened_at DESC, r.id DESC LIMIT ? OFFSET ?`)
    .all(...params, input.limit, input.offset) as SummaryRow[]
  return { rows: rows.map((row) => summaryOf(row, cutoffs)), total }
}
