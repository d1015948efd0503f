import type { Expression, ExpressionBuilder, SqlBool } from 'kysely'
import type { Ctx } from '../api/context'
import type { RepairOrdersTable } from '../store/schema'
import { toLocalIso } from '../../shared/domain/time'
import { MAINTENANCE_SETTLEMENT_DAYS, addLocalDays, monthStart } from '../../shared/domain/settlement-deadline'

// Which repair orders a clerk must see marked as late, by one rule for the list, its filter and
// any screen that shows a summary:
//  - promised: the promised time has passed and the car is not ready yet (still before `ready`);
//  - settlement: the manual's settlement deadline passed and it is not settled — a maintenance
//    order 3 days after completion (保养工单结算不超过3天), an insurance order at the end of the
//    month it completed in (保险工单当月结算).

export type Late = 'promised' | 'settlement'

const BEFORE_READY = ['estimate', 'authorised', 'in_progress', 'quality_check', 'washing']
const UNSETTLED = [...BEFORE_READY, 'ready']

export interface LateCutoffs {
  now: string
  /** Maintenance completed before this is past its deadline. */
  maintenance: string
  /** Insurance completed before this (the current month's start) is past its deadline. */
  insurance: string
}

export function lateCutoffs(ctx: Ctx): LateCutoffs {
  const now = ctx.clock.now()
  return {
    now: toLocalIso(now, ctx.timeZone),
    maintenance: toLocalIso(addLocalDays(now, -MAINTENANCE_SETTLEMENT_DAYS, ctx.timeZone), ctx.timeZone),
    insurance: toLocalIso(monthStart(now, ctx.timeZone), ctx.timeZone),
  }
}

/** The same rule as a condition over `repair_orders as r`. */
export function lateWhere(eb: ExpressionBuilder<{ r: RepairOrdersTable }, 'r'>, c: LateCutoffs): Expression<SqlBool> {
  return eb.or([
    eb.and([eb('r.promised_at', 'is not', null), eb('r.promised_at', '<', c.now), eb('r.state', 'in', BEFORE_READY)]),
    eb.and([
      eb('r.completed_at', 'is not', null),
      eb('r.state', 'in', UNSETTLED),
      eb.or([
        eb.and([eb('r.type', '=', 'maintenance'), eb('r.completed_at', '<', c.maintenance)]),
        eb.and([eb('r.type', '=', 'insurance'), eb('r.completed_at', '<', c.insurance)]),
      ]),
    ]),
  ])
}

export function lateOf(
  row: { state: string; type: string; promised_at: string | null; completed_at: string | null },
  c: LateCutoffs,
): Late[] {
  const out: Late[] = []
  if (row.promised_at !== null && row.promised_at < c.now && BEFORE_READY.includes(row.state)) out.push('promised')
  if (row.completed_at !== null && UNSETTLED.includes(row.state)) {
    if ((row.type === 'maintenance' && row.completed_at < c.maintenance) || (row.type === 'insurance' && row.completed_at < c.insurance)) out.push('settlement')
  }
  return out
}
