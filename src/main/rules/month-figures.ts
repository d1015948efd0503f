import type { RawBuilder } from 'kysely'
import { localInstant } from '../../shared/domain/calendar'
import { zonedParts } from '../../shared/domain/time'
import type { EvalEnv } from './context'
import { all, run, sqlAll } from '../store/query'

// Closed months' dashboard figures, computed once from the ledger and kept in `month_figures`
// (migration 0010). A month that has ended is read as the ledger stood at its end, so its figure
// changes only when a stock move is recorded before that end; the table's triggers then drop it
// and the next read computes it again. The running month is never kept. What each figure keeps:
//
//   figure                  variant               numerator                  denominator
//   slow_moving             months=<N>            slow-moving value, fen     stock value, fen
//   ledger                  -                     value moved in the month   cost issued in the month
//   maintenance_settlement  days=<N>;<RO types>   settled in time            ROs completed (decided)
//   insurance_settlement    <RO types>            settled in the month       ROs completed
//   insurance_collection    -                     paid in the month          invoices issued
//   fill_rate               -                     served from stock          part requests
//
// The variant names the rule parameters the figure depends on, so a manager's change of a rule
// reads (and keeps) its own figures instead of another setting's.

export type KeptFigure = 'slow_moving' | 'ledger' | 'maintenance_settlement' | 'insurance_settlement' | 'insurance_collection' | 'fill_rate'

export interface MonthBound {
  /** `YYYY-MM` in the dealership's time zone. */
  month: string
  /** The month's first instant (local ISO text). */
  start: string
  /** The first instant of the next month (local ISO text, as stock moves store `at`). */
  end: string
}

export interface MonthSums {
  numerator: number
  denominator: number
}

/**
 * The sums of each closed month in `bounds`, from `month_figures` where kept, else computed by
 * `compute` (called once, with the months missing, in the order given) and kept. A kept row
 * whose end differs from the bound (the time zone setting changed) counts as missing.
 */
export function keptMonths(
  env: EvalEnv,
  figure: KeptFigure,
  variant: string,
  bounds: readonly MonthBound[],
  compute: (missing: readonly MonthBound[]) => readonly MonthSums[],
): MonthSums[] {
  if (bounds.length === 0) return []
  const kept = all(
    env.store,
    env.store.db
      .selectFrom('month_figures')
      .select(['month', 'month_end', 'numerator', 'denominator'])
      .where('figure', '=', figure)
      .where('variant', '=', variant)
      .where(
        'month',
        'in',
        bounds.map((b) => b.month),
      ),
  )
  const byMonth = new Map(kept.map((r) => [r.month, r]))
  const missing = bounds.filter((b) => byMonth.get(b.month)?.month_end !== b.end)
  const fresh = new Map<string, MonthSums>()
  if (missing.length > 0) {
    const sums = compute(missing)
    env.store.tx(() => {
      missing.forEach((b, k) => {
        const s = sums[k]!
        fresh.set(b.month, s)
        // Only months that have ended are kept; the caller passes those alone, this is the guard.
        if (b.end > env.nowIso) return
        run(
          env.store,
          env.store.db
            .insertInto('month_figures')
            .values({ figure, variant, month: b.month, month_end: b.end, numerator: s.numerator, denominator: s.denominator, computed_at: env.nowIso })
            .onConflict((oc) =>
              oc.columns(['figure', 'variant', 'month']).doUpdateSet((eb) => ({
                month_end: eb.ref('excluded.month_end'),
                numerator: eb.ref('excluded.numerator'),
                denominator: eb.ref('excluded.denominator'),
                computed_at: eb.ref('excluded.computed_at'),
              })),
            ),
        )
      })
    })
  }
  return bounds.map((b) => fresh.get(b.month) ?? { numerator: byMonth.get(b.month)!.numerator, denominator: byMonth.get(b.month)!.denominator })
}

/** One row per month of a grouped statement: `m` is `YYYY-MM`. */
export interface MonthRow {
  m: string
  n: number
  d: number
}

/**
 * A figure summed per month by one grouped statement over `[from, to)` (`to` null: no end):
 * the months in `bounds` that `settled` says can no longer change are kept, the others (the
 * running month, a month still inside a deadline) are read live. Returns the rows by month.
 */
export function monthlySums(
  env: EvalEnv,
  figure: KeptFigure,
  variant: string,
  bounds: readonly MonthBound[],
  settled: (bound: MonthBound) => boolean,
  query: (from: string, to: string | null) => RawBuilder<MonthRow>,
): Map<string, MonthRow> {
  const closed = bounds.filter(settled)
  const open = bounds.filter((b) => !settled(b))
  const grouped = (from: string, to: string | null) => new Map(sqlAll(env.store, query(from, to)).map((r) => [r.m, r]))
  const kept = keptMonths(env, figure, variant, closed, (missing) => {
    const rows = grouped(missing[0]!.start, missing.at(-1)!.end)
    return missing.map((b) => ({ numerator: rows.get(b.month)?.n ?? 0, denominator: rows.get(b.month)?.d ?? 0 }))
  })
  const out = new Map(closed.map((b, k) => [b.month, { m: b.month, n: kept[k]!.numerator, d: kept[k]!.denominator }]))
  if (open.length > 0) for (const [m, r] of grouped(open[0]!.start, null)) if (!out.has(m)) out.set(m, r)
  return out
}

// The longest run of bounds worked out for an evaluation, so the figures of one dashboard read
// (each asking for its own number of months, all ending with the running month) convert each
// month start to an instant once.
const boundsOf = new WeakMap<EvalEnv, MonthBound[]>()

/** The last `count` months' bounds, oldest first, ending with the running month. */
export function monthBounds(env: EvalEnv, count: number): MonthBound[] {
  const known = boundsOf.get(env)
  if (known && known.length >= count) return known.slice(known.length - count)
  const now = zonedParts(env.now, env.timeZone)
  // count + 1 month starts, each read once: a bound's end is the next bound's start.
  const starts = Array.from({ length: count + 1 }, (_, k) => env.iso(localInstant(env.timeZone, now.year, now.month + k - count + 1, 1)))
  const bounds = starts.slice(0, -1).map((start, k) => ({ month: start.slice(0, 7), start, end: starts[k + 1]! }))
  boundsOf.set(env, bounds)
  return bounds.slice()
}
