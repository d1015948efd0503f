import { sql } from 'kysely'
import { addLocalDays, addLocalMonths } from '../../../shared/domain/settlement-deadline'
import { bandStatus, shareBp, stockValueLimitFen } from '../../../shared/domain/stock-rules'
import { centi, dec2Sql, pct, qtySql } from '../context'
import { fillRate, outboundLastDays, slowMoving, stockValueFen, turnover } from '../measures'
import { idsIn, singleHit, type Evaluator } from './types'

// The parts supervisor's rules [manual section 1, 配件主管].
// raw SQL: each rule is one set-based statement feeding the engine's temp table (see engine.ts);
// values are bound through the `sql` tag, the fixed fragments are code, never input.

/**
 * Part below safety stock: 1.5 × its average monthly issued quantity over the window (net of
 * returns). The reorder suggestion fills up to the safety level in whole units. Same integer
 * arithmetic as safetyStockMilli / reorderMilli in shared/domain/stock-rules.
 */
export const safetyStock: Evaluator<'part_below_safety_stock'> = {
  kind: 'part_below_safety_stock',
  scopeKey: 'partIds',
  hits(env, p, ids) {
    const from = env.iso(addLocalMonths(env.now, -p.windowMonths, env.timeZone))
    const den = 10_000 * p.windowMonths
    // better-sqlite3 binds every JS number as REAL: the casts keep the division an integer one.
    // Over the whole ledger the window is a range of `at`; for a few parts, their own moves.
    const issued = ids
      ? sql`SELECT m.part_id, -SUM(m.quantity_milli) AS q FROM stock_moves m
          WHERE m.part_id IN ${idsIn(ids)} AND m.at >= ${from} AND m.kind IN ('issue', 'return') GROUP BY m.part_id`
      : sql`SELECT m.part_id, -SUM(m.quantity_milli) AS q FROM stock_moves m
          WHERE m.at >= ${from} AND m.kind IN ('issue', 'return') GROUP BY m.part_id`
    const q = (expr: string) => sql.raw(qtySql(expr))
    return sql`WITH issued AS (${issued}),
            calc AS (
              SELECT i.part_id, max(i.q, 0) AS q, COALESCE(s.on_hand_milli, 0) AS on_hand,
                     (max(i.q, 0) * CAST(${p.factorBp} AS INTEGER) * 2 + CAST(${den} AS INTEGER)) / (2 * CAST(${den} AS INTEGER)) AS safety
                FROM issued i JOIN parts p ON p.id = i.part_id AND p.active = 1
                LEFT JOIN part_stock s ON s.part_id = i.part_id)
            SELECT part_id AS subject_id, 'breach' AS stage, 'alert.safetyStock' AS message_key,
                   json_object('onHand', ${q('on_hand')}, 'safety', ${q('safety')}, 'factor', ${centi(p.factorBp / 100)},
                     'perMonth', rtrim(rtrim(printf('%.2f', q / (1000.0 * ${p.windowMonths})), '0'), '.'), 'reorder', ${q('((safety - on_hand + 999) / 1000) * 1000')},
                     'onHandMilli', on_hand, 'safetyMilli', safety, 'reorderMilli', ((safety - on_hand + 999) / 1000) * 1000) AS params
              FROM calc WHERE safety > 0 AND on_hand < safety`
  },
}

/** Stock value vs `factor` × the last `days` days' outbound value [manual: 1.5 × the month's outbound]. */
export const stockValue: Evaluator<'stock_value_vs_outbound'> = {
  kind: 'stock_value_vs_outbound',
  hits(env, p) {
    const stock = stockValueFen(env)
    const outbound = outboundLastDays(env, p.days)
    const limit = stockValueLimitFen(outbound, p.factorBp)
    return singleHit(stock > limit, 'breach', 'alert.stockValue', {
      stockFen: stock,
      outboundFen: outbound,
      limitFen: limit,
      factor: centi(p.factorBp / 100),
      days: p.days,
    })
  },
}

/** Slow-moving parts' share of the stock value [manual: ≤ 6 %, no issue for 6 months]. */
export const slowMovingShare: Evaluator<'slow_moving_share'> = {
  kind: 'slow_moving_share',
  hits(env, p) {
    const s = slowMoving(env, p.months)
    const share = shareBp(s.slowFen, s.totalFen)
    return singleHit(bandStatus(share, { max: p.maxShareBp }) === 'high', 'breach', 'alert.slowMoving', {
      count: s.count,
      months: p.months,
      slowFen: s.slowFen,
      totalFen: s.totalFen,
      share: pct(share ?? 0),
      max: pct(p.maxShareBp),
    })
  },
}

/** Stock turnover over the last 12 months [manual: 4–6 times a year]. */
export const stockTurnover: Evaluator<'stock_turnover'> = {
  kind: 'stock_turnover',
  hits(env, p) {
    const t = turnover(env, p.months)
    const status = bandStatus(t.centi, { min: p.minCenti, max: p.maxCenti })
    return singleHit(status === 'low' || status === 'high', 'breach', status === 'high' ? 'alert.turnoverHigh' : 'alert.turnoverLow', {
      turnover: centi(t.centi ?? 0),
      months: p.months,
      issuedFen: t.issuedFen,
      averageFen: t.averageFen,
      min: centi(p.minCenti),
      max: centi(p.maxCenti),
    })
  },
}

/** Fill rate over the last `days` [manual: ≥ 98 %]. */
export const fillRateRule: Evaluator<'fill_rate'> = {
  kind: 'fill_rate',
  hits(env, p) {
    const f = fillRate(env, env.iso(addLocalDays(env.now, -p.days, env.timeZone)))
    const rate = shareBp(f.served, f.requested)
    const violated = f.requested >= p.minRequests && bandStatus(rate, { min: p.minBp }) === 'low'
    return singleHit(violated, 'breach', 'alert.fillRate', { rate: pct(rate ?? 0), served: f.served, requested: f.requested, days: p.days, min: pct(p.minBp) })
  },
}

/**
 * Stocktake variance (盘查率) of stocktakes being counted or approved lately [manual: ≤ 0.3 %]:
 * |counted − book| valued as the variance table does (at the frozen book's average, or the unit
 * cost for an empty book), over the book value of every line.
 */
export const stocktakeVariance: Evaluator<'stocktake_variance'> = {
  kind: 'stocktake_variance',
  scopeKey: 'stocktakeIds',
  hits(env, p, ids) {
    const from = env.iso(addLocalDays(env.now, -p.withinDays, env.timeZone))
    const absDiff = sql.raw('abs(COALESCE(l.counted_milli, l.book_milli) - l.book_milli)')
    return sql`WITH v AS (
              SELECT st.id, st.number, SUM(l.book_value_fen) AS book,
                     SUM(CASE WHEN l.book_milli > 0 THEN (l.book_value_fen * ${absDiff} * 2 + l.book_milli) / (2 * l.book_milli)
                              ELSE (${absDiff} * l.unit_cost_fen * 2 + 1000) / 2000 END) AS variance
                FROM stocktakes st JOIN stocktake_lines l ON l.stocktake_id = st.id
               WHERE (st.state = 'counting' OR (st.state = 'approved' AND st.decided_at >= ${from})) ${ids ? sql`AND st.id IN ${idsIn(ids)}` : sql``}
               GROUP BY st.id)
            SELECT id AS subject_id, 'breach' AS stage, 'alert.stocktakeVariance' AS message_key,
                   json_object('number', number, 'rate', ${sql.raw(dec2Sql('variance * 100.0 / book'))}, 'varianceFen', variance,
                     'bookFen', book, 'max', ${pct(p.maxBp)}) AS params
              FROM v WHERE book > 0 AND variance * 10000 > ${p.maxBp} * book`
  },
}
