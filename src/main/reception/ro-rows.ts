import type { Ctx } from '../api/context'
import { AppError, notFound } from '../api/app-error'
import type { RoState } from '../../shared/domain/ro-state'
import type { RoType } from '../../shared/domain/ro-type'
import type { Payer } from '../../shared/domain/payer'
import { preparedQuery } from '../store/query'
import { expectVersion } from '../api/versioned'

const roById = preparedQuery<{ id: number }>()((db, p) =>
  db
    .selectFrom('repair_orders')
    .select([
      'id',
      'number',
      'type',
      'state',
      'customer_id',
      'vehicle_id',
      'advisor_id',
      'appointment_id',
      'odometer_km',
      'fuel_eighths',
      'concerns',
      'promised_at',
      'return_old_parts',
      'net_fen',
      'vat_fen',
      'gross_fen',
      'content_hash',
      'opened_at',
      'version',
    ])
    .where('id', '=', p.id)
    .$narrowType<{ type: RoType; state: RoState }>(),
)

const linesOfRo = preparedQuery<{ roId: number }>()((db, p) =>
  db
    .selectFrom('ro_lines as l')
    .leftJoin('parts as p', 'p.id', 'l.part_id')
    .select([
      'l.id',
      'l.position',
      'l.kind',
      'l.op_code',
      'l.part_id',
      'p.part_number',
      'l.description',
      'l.quantity_milli',
      'l.unit_price_fen',
      'l.amount_fen',
      'l.payer',
      'l.vat_rate_bp',
    ])
    .where('l.ro_id', '=', p.roId)
    .orderBy('l.position')
    .$narrowType<{ payer: Payer }>(),
)

export type RoRow = NonNullable<ReturnType<typeof roById.first>>
export type LineRow = ReturnType<typeof linesOfRo.all>[number]

export function loadRo(ctx: Ctx, id: number): RoRow {
  const row = roById.first(ctx.store, { id })
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
  return linesOfRo.all(ctx.store, { roId })
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
