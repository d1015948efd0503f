import type { Ctx, UserCtx } from '../api/context'
import { monthBounds } from '../../shared/domain/calendar'
import { quarterMonths, quarterOf } from '../../shared/domain/department'
import { KPIS, kindOfKpi, kpiMet, ROLE_KPIS, type Kpi } from '../../shared/domain/etiquette'
import { progressBp } from '../../shared/domain/department'
import { all, first, run } from '../store/query'
import { varianceTable } from '../parts/stocktake-approval'
import type { Out } from './types'
import type { z } from 'zod'
import type { etiquetteContract } from '../../shared/contract/etiquette'

// KPI targets per role (advisor, technician, parts), set by the manager for a month or for a
// quarter's months alike, and set against actuals read from the ledger — never typed in. The
// per-person actuals are the scorecard's own figures (a parts clerk's fill rate and variance from
// their own requests and counts); the department-wide ones (CSI from the maker's survey results,
// the whole counter's fill rate and stocktake variance) are read here.

type Section = typeof etiquetteContract
type EIn<K extends keyof Section> = z.output<Section[K]['input']>
type View = z.output<Section['department.kpi.targets']['output']>
type Card = Out<'department.scorecard'>

/** CSI of the month: the average of the maker's survey results entered for it, in tenths. */
export function csiOfMonth(ctx: Pick<Ctx, 'store'>, month: string): number | null {
  const rows = all(ctx.store, ctx.store.db.selectFrom('csi_results').select('score_tenths').where('month', '=', month))
  return rows.length ? Math.round(rows.reduce((s, r) => s + r.score_tenths, 0) / rows.length) : null
}

/** Fill rate of the month (满足率): RO part requests first made in it and those served from the shelf. */
export function fillRateOfMonth(ctx: Ctx, month: string): { requested: number; served: number; rateBp: number | null } {
  const { from, to } = monthBounds(month, ctx.timeZone)
  const row = first(
    ctx.store,
    ctx.store.db
      .selectFrom('part_requests')
      .select((eb) => [eb.fn.countAll<number>().as('requested'), eb.fn.coalesce(eb.fn.sum<number>('served_from_stock'), eb.lit(0)).as('served')])
      .where('first_at', '>=', from)
      .where('first_at', '<', to),
  )
  const requested = row?.requested ?? 0
  const served = row?.served ?? 0
  return { requested, served, rateBp: progressBp(served, requested) }
}

/** Stocktake variance of the month: |variance| over book value of the stocktakes approved in it, in basis points. */
export function stocktakeVarianceOfMonth(ctx: Ctx, month: string): { stocktakes: number; rateBp: number | null } {
  const { from, to } = monthBounds(month, ctx.timeZone)
  const ids = all(ctx.store, ctx.store.db.selectFrom('stocktakes').select('id').where('state', '=', 'approved').where('decided_at', '>=', from).where('decided_at', '<', to))
  let book = 0
  let abs = 0
  // A quarter sees one or two stocktakes: reading each one's variance table keeps one definition.
  for (const { id } of ids) {
    const v = varianceTable(ctx, { id })
    book += v.bookValueFen
    abs += v.absVarianceFen
  }
  return { stocktakes: ids.length, rateBp: book > 0 ? Math.round((abs * 10_000) / book) : null }
}

function departmentActual(ctx: Ctx, kpi: Kpi, month: string): number | null {
  if (kpi === 'csi') return csiOfMonth(ctx, month)
  if (kpi === 'fill_rate') return fillRateOfMonth(ctx, month).rateBp
  if (kpi === 'stocktake_variance') return stocktakeVarianceOfMonth(ctx, month).rateBp
  return null
}

function targetsOf(ctx: Pick<Ctx, 'store'>, month: string) {
  return all(
    ctx.store,
    ctx.store.db.selectFrom('kpi_targets as k').innerJoin('users as u', 'u.id', 'k.set_by').select(['k.kpi', 'k.target', 'u.display_name', 'k.set_at']).where('k.month', '=', month),
  )
}

export function kpiTargets(ctx: Ctx, input: EIn<'department.kpi.targets'>): View {
  const set = targetsOf(ctx, input.month)
  return {
    month: input.month,
    rows: KPIS.map((kpi) => {
      const t = set.find((s) => s.kpi === kpi)
      return { kind: kindOfKpi(kpi), kpi, target: t?.target ?? null, setBy: t?.display_name ?? null, setAt: t?.set_at ?? null, departmentActual: departmentActual(ctx, kpi, input.month) }
    }),
  }
}

export function saveKpiTarget(ctx: UserCtx, input: EIn<'department.kpi.save'>): View {
  const { year, quarter } = quarterOf(input.month)
  const months = input.span === 'quarter' ? quarterMonths(year, quarter) : [input.month]
  const db = ctx.store.db
  const now = ctx.nowIso()
  const before = all(ctx.store, db.selectFrom('kpi_targets').select(['month', 'target']).where('kpi', '=', input.kpi).where('month', 'in', months))
  run(ctx.store, db.deleteFrom('kpi_targets').where('kpi', '=', input.kpi).where('month', 'in', months))
  if (input.target !== null) {
    const target = input.target
    run(ctx.store, db.insertInto('kpi_targets').values(months.map((month) => ({ month, kind: kindOfKpi(input.kpi), kpi: input.kpi, target, set_by: ctx.user.id, set_at: now }))))
  }
  ctx.audit({
    action: 'department.kpi.save',
    entity: 'kpi_target',
    entityId: 0,
    detail: { kpi: `kpi.${input.kpi}`, months: months.join(', '), before: before.map((b) => `${b.month}: ${b.target}`).join(', '), after: input.target },
  })
  ctx.events.emit({ type: 'department.changed', id: 0 })
  return kpiTargets(ctx, { month: input.month })
}

/** The card's KPIs: each of the role's KPIs with the month's target and the card's own figure as actual. */
export function kpisOf(ctx: Ctx, card: Pick<Card, 'kind' | 'advisor' | 'technician' | 'parts' | 'month'>): Card['kpis'] {
  const set = targetsOf(ctx, card.month)
  const actual = (kpi: Kpi): number | null => {
    switch (kpi) {
      case 'ros':
        return card.advisor?.ros ?? null
      case 'revenue':
        return card.advisor?.productionFen ?? null
      case 'settlement_timeliness':
        return card.advisor?.timelinessBp ?? null
      case 'csi':
        return csiOfMonth(ctx, card.month)
      case 'sold_hours':
        return card.technician?.soldHoursMilli ?? null
      case 'efficiency':
        return card.technician?.efficiencyBp ?? null
      case 'reworks':
        return card.technician?.reworks ?? null
      case 'fill_rate':
        return card.parts ? card.parts.fillRateBp : departmentActual(ctx, kpi, card.month)
      case 'stocktake_variance':
        return card.parts ? card.parts.varianceBp : departmentActual(ctx, kpi, card.month)
      default:
        return departmentActual(ctx, kpi, card.month)
    }
  }
  return ROLE_KPIS[card.kind].map((kpi) => {
    const target = set.find((s) => s.kpi === kpi)?.target ?? null
    const a = actual(kpi)
    return { kpi, target, actual: a, met: kpiMet(kpi, a, target) }
  })
}
