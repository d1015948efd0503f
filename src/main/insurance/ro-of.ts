import type { Ctx } from '../api/context'
import { notFound } from '../api/app-error'
import type { Payer } from '../../shared/domain/payer'
import type { RoState } from '../../shared/domain/ro-state'
import type { RoType } from '../../shared/domain/ro-type'
import { all, first } from '../store/query'
import { roWithParties } from '../store/ro-parties'

// The RO an insurance claim is on: its head and its billed lines (settlement builds on this room,
// so the claim reads the RO from the store itself).

export function roHeadOf(ctx: Ctx, roId: number) {
  const row = first(
    ctx.store,
    roWithParties(ctx.store.db)
      .select(['r.id', 'r.number', 'r.type', 'r.state', 'r.opened_at', 'r.gross_fen', 'v.plate', 'c.name as customer_name'])
      .where('r.id', '=', roId)
      .$narrowType<{ type: RoType; state: RoState }>(),
  )
  if (!row) throw notFound('entity.repairOrder', roId)
  return row
}

export type InsuranceRoHead = ReturnType<typeof roHeadOf>

export function roLinesOf(ctx: Ctx, roId: number) {
  return all(
    ctx.store,
    ctx.store.db
      .selectFrom('ro_lines')
      .select(['id', 'position', 'kind', 'description', 'amount_fen', 'payer', 'vat_rate_bp'])
      .where('ro_id', '=', roId)
      .orderBy('position')
      .$narrowType<{ payer: Payer }>(),
  )
}

export type InsuranceRoLine = ReturnType<typeof roLinesOf>[number]
