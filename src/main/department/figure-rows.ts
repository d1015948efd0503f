import { sql, type Kysely } from 'kysely'
import type { Ctx } from '../api/context'
import { lastDateOfMonth, monthBounds } from '../../shared/domain/calendar'
import { figureOf, type Figure } from '../../shared/domain/figures'
import { lineAmount } from '../../shared/domain/money'
import { efficiencyOf } from '../../shared/domain/workshop-clock'
import { all, sqlAll } from '../store/query'
import type { DB } from '../store/schema'
import { varianceTable } from '../parts/stocktake-approval'
import { envOf } from '../rules/context'
import { paramsOf } from '../rules/dashboard'
import { efficiencyJobs, efficiencyRules } from '../workshop/reports'
import { checksWhere } from './etiquette'
import type { z } from 'zod'
import type { departmentFiguresContract } from '../../shared/contract/department-figures'

// The rows behind a scorecard's figures, one function per figure, for one person or (without a
// person) the department. The card's figure is read from these same rows (`figureOf`), so the
// drill-down lists exactly what was counted.

type Section = typeof departmentFiguresContract
export type FigureRow = z.output<Section['department.figure.drill']['output']>['rows'][number]
type DrillIn = z.output<Section['department.figure.drill']['input']>
type DrillOut = z.output<Section['department.figure.drill']['output']>

export interface FigureScope {
  month: string
  userId?: number
}

const partLabel = (partNumber: string, name: string) => `${partNumber} ${name}`

/**
 * Fill rate (满足率) of the RO part requests first handled in the month — by the person who
 * handled them at the counter when one is given: 1 when the shelf served the request in full at the
 * first ask, else 0; every request counts once.
 */
export function fillRateRows(ctx: Ctx, scope: FigureScope): FigureRow[] {
  const { from, to } = monthBounds(scope.month, ctx.timeZone)
  const rows = all(
    ctx.store,
    ctx.store.db
      .selectFrom('part_requests as q')
      .innerJoin('repair_orders as r', 'r.id', 'q.ro_id')
      .innerJoin('parts as p', 'p.id', 'q.part_id')
      .select(['r.number', 'q.first_at', 'p.part_number', 'p.name', 'q.served_from_stock'])
      .where('q.first_at', '>=', from)
      .where('q.first_at', '<', to)
      .$if(scope.userId !== undefined, (q) => q.where('q.user_id', '=', scope.userId!))
      .orderBy('q.first_at')
      .orderBy('q.ro_id')
      .orderBy('q.part_id'),
  )
  return rows.map((r) => ({ ref: r.number, at: r.first_at, item: partLabel(r.part_number, r.name), itemKey: null, num: r.served_from_stock, den: 1 }))
}

/**
 * Stocktake variance (盘查率) of the stocktakes approved in the month: per line |counted − book| value
 * over its book value, valued by the variance table itself. For a person: the lines they counted
 * and every line of a stocktake they approved.
 */
export function stocktakeVarianceRows(ctx: Ctx, scope: FigureScope): FigureRow[] {
  const { from, to } = monthBounds(scope.month, ctx.timeZone)
  const userId = scope.userId
  const lines = all(
    ctx.store,
    ctx.store.db
      .selectFrom('stocktake_lines as l')
      .innerJoin('stocktakes as t', 't.id', 'l.stocktake_id')
      .innerJoin('parts as p', 'p.id', 'l.part_id')
      .select(['t.id', 't.number', 't.decided_at', 'l.part_id', 'p.part_number', 'p.name', 'l.book_value_fen'])
      .where('t.state', '=', 'approved')
      .where('t.decided_at', '>=', from)
      .where('t.decided_at', '<', to)
      .$if(userId !== undefined, (q) => q.where((eb) => eb.or([eb('l.counted_by', '=', userId!), eb('t.decided_by', '=', userId!)])))
      .orderBy('t.decided_at')
      .orderBy('l.part_id'),
  )
  const diffs = new Map<number, Map<number, number>>()
  for (const id of new Set(lines.map((l) => l.id))) {
    diffs.set(id, new Map(varianceTable(ctx, { id }).lines.map((v) => [v.partId, Math.abs(v.diffValueFen)])))
  }
  return lines.map((l) => ({
    ref: l.number,
    at: l.decided_at ?? '',
    item: partLabel(l.part_number, l.name),
    itemKey: null,
    num: diffs.get(l.id)?.get(l.part_id) ?? 0,
    den: l.book_value_fen,
  }))
}

/**
 * Parts sales a person handled: what they issued to ROs in the month, less what they took back,
 * at the RO's own price for the part (its first part line, net of VAT, as on the estimate).
 */
/**
 * The stock moves behind a parts-sales figure, each with the RO's price for the part: what the
 * card sums (parts-card.ts) and the drill-down lists, the same rows. Its query plan is tested: a
 * person's month seeks stock_moves_user.
 */
export function partsSalesMoves(db: Kysely<DB>, from: string, to: string, userId: number | undefined) {
  return db
    .selectFrom('stock_moves as m')
    .select((eb) => [
      'm.id',
      'm.at',
      'm.quantity_milli',
      eb
        .selectFrom('ro_lines as l')
        .select('l.unit_price_fen')
        .whereRef('l.ro_id', '=', 'm.ref_id')
        .whereRef('l.part_id', '=', 'm.part_id')
        .where('l.kind', '=', 'part')
        .orderBy('l.position')
        .limit(1)
        .as('price'),
    ])
    .where('m.ref_type', '=', 'ro')
    .where('m.kind', 'in', ['issue', 'return'])
    .where('m.at', '>=', from)
    .where('m.at', '<', to)
    .$if(userId !== undefined, (q) => q.where('m.user_id', '=', userId!))
}

/** The drill-down's rows: every move of `partsSalesMoves`, labelled with its RO and part. */
export function partsSalesQuery(db: Kysely<DB>, from: string, to: string, userId: number | undefined) {
  return partsSalesMoves(db, from, to, userId)
    .leftJoin('repair_orders as r', 'r.id', 'm.ref_id')
    .leftJoin('parts as p', 'p.id', 'm.part_id')
    .select(['r.number', 'p.part_number', 'p.name'])
    .orderBy('m.at')
    .orderBy('m.id')
}

export function partsSalesRows(ctx: Ctx, scope: FigureScope): FigureRow[] {
  const { from, to } = monthBounds(scope.month, ctx.timeZone)
  const rows = all(ctx.store, partsSalesQuery(ctx.store.db, from, to, scope.userId))
  // An issue takes stock out (negative quantity): a sale; a return puts it back: a negative sale.
  return rows.map((r) => ({ ref: r.number ?? '', at: r.at, item: partLabel(r.part_number ?? '', r.name ?? ''), itemKey: null, num: lineAmount(-r.quantity_milli, r.price ?? 0), den: 0 }))
}

/** CSI of the month: the maker's survey results entered for it (department-wide; the surveys are not per advisor). */
export function csiRows(ctx: Ctx, scope: FigureScope): FigureRow[] {
  const rows = all(ctx.store, ctx.store.db.selectFrom('csi_results').select(['id', 'survey', 'score_tenths', 'entered_at', 'note']).where('month', '=', scope.month).orderBy('survey').orderBy('id'))
  return rows.map((r) => ({ ref: r.note, at: r.entered_at, item: '', itemKey: `csiSurvey.${r.survey}`, num: r.score_tenths, den: 0 }))
}

interface TimelinessRow {
  number: string
  completed_at: string
  decided: number
  in_time: number
}

/**
 * Settlement timeliness: the ROs of the maintenance-settlement rule's types completed in the month
 * (an advisor's own when one is given). Counted once settled or past the deadline; in time when
 * settled within the rule's days of completion.
 */
export function timelinessRows(ctx: Ctx, scope: FigureScope): FigureRow[] {
  const p = paramsOf(envOf(ctx), 'maintenance_settlement_overdue')
  const { from, to } = monthBounds(scope.month, ctx.timeZone)
  const now = ctx.nowIso()
  // raw SQL: the dashboard's settlement-timeliness condition (julianday days between instants,
  // json_each over the rule's RO types), the same text the scorecard's aggregate uses, per RO.
  const rows = sqlAll(
    ctx.store,
    sql<TimelinessRow>`SELECT number, completed_at,
        CASE WHEN settled_at IS NULL AND julianday(${now}) - julianday(completed_at) <= ${p.days} THEN 0 ELSE 1 END AS decided,
        CASE WHEN settled_at IS NOT NULL AND julianday(settled_at) - julianday(completed_at) <= ${p.days} THEN 1 ELSE 0 END AS in_time
       FROM repair_orders WHERE completed_at >= ${from} AND completed_at < ${to} AND state <> 'cancelled'
        AND (${scope.userId ?? null} IS NULL OR advisor_id = ${scope.userId ?? null})
        AND type IN (SELECT value FROM json_each(${JSON.stringify(p.roTypes)}))
      ORDER BY completed_at, id`,
  )
  return rows.map((r) => ({ ref: r.number, at: r.completed_at, item: '', itemKey: null, num: r.in_time, den: r.decided }))
}

/**
 * A technician's jobs finished in the month as the workshop's efficiency counts them (a job with
 * an unconfirmed short segment waits, out of the figure): sold milli-hours over clocked time.
 */
export function jobHoursRows(ctx: Ctx, scope: FigureScope): FigureRow[] {
  const jobs = efficiencyJobs(ctx, { from: `${scope.month}-01`, to: lastDateOfMonth(scope.month), ...(scope.userId !== undefined ? { technicianId: scope.userId } : {}) })
  const { minMs, nowMs } = efficiencyRules(ctx)
  const roIds = [...new Set(jobs.map((j) => j.roId))]
  const numbers = new Map(roIds.length ? all(ctx.store, ctx.store.db.selectFrom('repair_orders').select(['id', 'number']).where('id', 'in', roIds)).map((r) => [r.id, r.number]) : [])
  return jobs.flatMap((j) => {
    const f = efficiencyOf([j], minMs, nowMs)
    if (f.jobs === 0) return []
    return [{ ref: numbers.get(j.roId) ?? '', at: j.finishedAt, item: j.description, itemKey: null, num: f.soldHoursMilli, den: f.clockedMs }]
  })
}

/** Jobs sent back by QC in the month (a technician's own when one is given), one row per rework. */
export function reworkRows(ctx: Ctx, scope: FigureScope): FigureRow[] {
  const { from, to } = monthBounds(scope.month, ctx.timeZone)
  const rows = all(
    ctx.store,
    ctx.store.db
      .selectFrom('qc_rework as w')
      .innerJoin('qc_inspections as i', 'i.id', 'w.inspection_id')
      .innerJoin('ro_jobs as j', 'j.id', 'w.job_id')
      .innerJoin('repair_orders as r', 'r.id', 'j.ro_id')
      .select(['r.number', 'i.at', 'j.description', 'w.reason'])
      .where('i.at', '>=', from)
      .where('i.at', '<', to)
      .$if(scope.userId !== undefined, (q) => q.where('j.technician_id', '=', scope.userId!))
      .orderBy('i.at')
      .orderBy('w.job_id'),
  )
  return rows.map((r) => ({ ref: r.number, at: r.at, item: r.reason ? `${r.description} · ${r.reason}` : r.description, itemKey: null, num: 1, den: 0 }))
}

/** The month's etiquette checks (a person's own when one is given): each check's score. */
export function etiquetteRows(ctx: Ctx, scope: FigureScope): FigureRow[] {
  return checksWhere(ctx, { month: scope.month, ...(scope.userId !== undefined ? { userId: scope.userId } : {}) }).map((c) => ({
    ref: c.checkerName,
    at: c.checkedOn,
    item: `${c.personName} ${c.passed}/${c.items}`,
    itemKey: null,
    num: c.scoreBp,
    den: 0,
  }))
}

type RowsOf = (ctx: Ctx, scope: FigureScope) => FigureRow[]
const ROWS: Record<Figure, RowsOf> = {
  csi: csiRows,
  settlement_timeliness: timelinessRows,
  sold_hours: jobHoursRows,
  efficiency: jobHoursRows,
  reworks: reworkRows,
  fill_rate: fillRateRows,
  stocktake_variance: stocktakeVarianceRows,
  parts_sales: partsSalesRows,
  etiquette: etiquetteRows,
}

export function figureRows(ctx: Ctx, figure: Figure, scope: FigureScope): FigureRow[] {
  return ROWS[figure](ctx, scope)
}

/** The figure and its totals from its rows. */
export function figureTotals(figure: Figure, rows: readonly FigureRow[]) {
  return { value: figureOf(figure, rows), num: rows.reduce((s, r) => s + r.num, 0), den: rows.reduce((s, r) => s + r.den, 0), count: rows.length }
}

export function figureDrill(ctx: Ctx, input: DrillIn): DrillOut {
  const rows = figureRows(ctx, input.figure, input)
  // A stocktake's differences first (its unchanged lines last); the others in time order. The
  // figure is always from every row.
  const ordered = input.figure === 'stocktake_variance' ? [...rows].sort((a, b) => b.num - a.num || b.den - a.den) : rows
  const shown = ordered.slice(0, input.limit)
  return { month: input.month, figure: input.figure, userId: input.userId ?? null, ...figureTotals(input.figure, rows), rows: shown, truncated: rows.length > shown.length }
}
