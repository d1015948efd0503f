import type { Ctx } from '../api/context'
import { AppError, notFound } from '../api/app-error'
import type { RoState } from '../../shared/domain/ro-state'
import type { RoType } from '../../shared/domain/ro-type'
import type { Payer } from '../../shared/domain/payer'
import { expectVersion } from './versioned'

export interface RoRow {
  id: number
  number: string
  type: RoType
  state: RoState
  customer_id: number
  vehicle_id: number
  advisor_id: number
  appointment_id: number | null
  odometer_km: number
  fuel_eighths: number
  concerns: string
  promised_at: string | null
  return_old_parts: number
  net_fen: number
  vat_fen: number
  gross_fen: number
  content_hash: string
  opened_at: string
  version: number
}

export interface LineRow {
  id: number
  position: number
  kind: 'labour' | 'part'
  op_code: string | null
  part_id: number | null
  part_number: string | null
  description: string
  quantity_milli: number
  unit_price_fen: number
  amount_fen: number
  payer: Payer
  vat_rate_bp: number
}

export function loadRo(ctx: Ctx, id: number): RoRow {
  const row = ctx.store
    .prepare(
      `SELECT id, number, type, state, customer_id, vehicle_id, advisor_id, appointment_id, odometer_km, fuel_eighths,
              concerns, promised_at, return_old_parts, net_fen, vat_fen, gross_fen, content_hash, opened_at, version
         FROM repair_orders WHERE id = ?`,
    )
    .get(id) as RoRow | undefined
  if (!row) throw notFound('entity.repairOrder', id)
  return row
}

/** The RO the caller edits, refused when their copy is stale. */
export function loadRoForWrite(ctx: Ctx, id: number, version: number): RoRow {
  const ro = loadRo(ctx, id)
  expectVersion('repair_orders', id, version, ro.version)
  return ro
}

export function loadLines(ctx: Ctx, roId: number): LineRow[] {
  return ctx.store
    .prepare(
      `SELECT l.id, l.position, l.kind, l.op_code, l.part_id, p.part_number, l.description, l.quantity_milli,
              l.unit_price_fen, l.amount_fen, l.payer, l.vat_rate_bp
         FROM ro_lines l LEFT JOIN parts p ON p.id = l.part_id
        WHERE l.ro_id = ? ORDER BY l.position`,
    )
    .all(roId) as LineRow[]
}

/**
 * An operation the RO's state does not allow; the message names the state it is in.
 * `operation` is the catalog key of what was attempted (`reception.op.saveLines`).
 */
export function invalidState(ro: Pick<RoRow, 'number' | 'state'>, operation: string): AppError {
  return new AppError('INVALID_STATE', 'reception.roStateRefuses', {
    number: ro.number,
    state: `roState.${ro.state}`,
    operation,
  })
}
