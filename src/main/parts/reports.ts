import { sql } from 'kysely'
import type { Ctx } from '../api/context'
import { all, first, sqlAll } from '../store/query'
import { FILL_RATE_TARGET_BP, mulDivRound } from '../../shared/domain/stock'
import type { In, Out } from './types'
import { localIso } from './moves'
import { code128B, encodableB } from './code128'
import { partKeyOf } from './part-key'
import { reservedMilli } from './part-rows'

// Views of the ledger: stock value as of any moment, the empty-bins board, the fill rate and
// the bin labels.

/**
 * On-hand and value of every part as of `at`: each part's balance after its last move up to
 * then (moves carry their balance, and a part's moves never go back in time). One index seek
 * per stocked part on (part_id, at, id), set-based in one statement.
 */
export function valuation(ctx: Ctx, input: In<'stock.valuation'>): Out<'stock.valuation'> {
  const at = input.at ? localIso(ctx, input.at) : ctx.nowIso()
  // raw SQL: window functions (totals over all parts beside the top rows) in one set-based statement, timed by the benchmark
  const rows = sqlAll<{ part_id: number; part_number: string; name: string; q: number; v: number; n: number; tq: number; tv: number }>(
    ctx.store,
    sql`WITH asof AS (
         SELECT s.part_id, m.on_hand_milli_after AS q, m.value_fen_after AS v
           FROM part_stock s
           JOIN stock_moves m ON m.id = (SELECT x.id FROM stock_moves x WHERE x.part_id = s.part_id AND x.at <= ${at}
                                          ORDER BY x.at DESC, x.id DESC LIMIT 1)),
       ranked AS (
         SELECT part_id, q, v, COUNT(*) OVER () AS n, SUM(q) OVER () AS tq, SUM(v) OVER () AS tv FROM asof WHERE q > 0)
       SELECT r.part_id, p.part_number, p.name, r.q, r.v, r.n, r.tq, r.tv
         FROM (SELECT * FROM ranked ORDER BY v DESC, part_id LIMIT max(${input.limit}, 1)) r JOIN parts p ON p.id = r.part_id
        ORDER BY r.v DESC, r.part_id`,
  )
  const first = rows[0]
  return {
    at,
    partCount: first?.n ?? 0,
    onHandMilli: first?.tq ?? 0,
    valueFen: first?.tv ?? 0,
    rows: rows.slice(0, input.limit).map((r) => ({ partId: r.part_id, partNumber: r.part_number, name: r.name, onHandMilli: r.q, valueFen: r.v })),
  }
}

/** The clerk's daily board (空货位): stocked parts whose shelf is empty now, in walking order. */
export function emptyBins(ctx: Ctx, input: In<'stock.emptyBins'>): Out<'stock.emptyBins'> {
  const rows = all(
    ctx.store,
    ctx.store.db
      .selectFrom('part_stock as s')
      .innerJoin('parts as p', 'p.id', 's.part_id')
      .select(['p.id', 'p.part_number', 'p.name', 'p.bin', 's.last_issue_at'])
      .where('s.on_hand_milli', '=', 0)
      .where('p.active', '=', 1)
      .where('p.bin', 'is not', null)
      .orderBy('p.bin')
      .orderBy('p.part_key')
      .limit(input.limit)
      .$narrowType<{ bin: string }>(),
  )
  return rows.map((r) => ({
    partId: r.id,
    partNumber: r.part_number,
    name: r.name,
    bin: r.bin,
    reservedMilli: reservedMilli(ctx.store, r.id),
    lastIssueAt: r.last_issue_at,
  }))
}

/** Fill rate (满足率): RO part requests met from the shelf at the first request / all requests. */
export function fillRate(ctx: Ctx, input: In<'stock.fillRate'>): Out<'stock.fillRate'> {
  // Stored times start with the local date, so a date range is a text range on the index.
  const row = first(
    ctx.store,
    ctx.store.db
      .selectFrom('part_requests')
      .select([
        sql<number>`COUNT(*)`.as('requested'),
        sql<number>`COALESCE(SUM(served_from_stock), 0)`.as('served'),
        sql<number>`COALESCE(SUM(outcome = 'lost_sale'), 0)`.as('lost_sale'),
        sql<number>`COALESCE(SUM(outcome = 'special_order'), 0)`.as('special_order'),
        sql<number>`COALESCE(SUM(outcome = 'external_purchase'), 0)`.as('external_purchase'),
        sql<number>`COALESCE(SUM(served_from_stock = 0 AND outcome IS NULL), 0)`.as('unrecorded'),
      ])
      .where('first_at', '>=', input.from)
      .where('first_at', '<', `${input.to}T99`),
  )!
  return {
    from: input.from,
    to: input.to,
    requested: row.requested,
    servedFromStock: row.served,
    rateBp: row.requested > 0 ? mulDivRound(row.served, 10000, row.requested) : null,
    targetBp: FILL_RATE_TARGET_BP,
    byOutcome: { lost_sale: row.lost_sale, special_order: row.special_order, external_purchase: row.external_purchase, unrecorded: row.unrecorded },
  }
}

export function labels(ctx: Ctx, input: In<'parts.labels'>): Out<'parts.labels'> {
  const labelParts = ctx.store.db.selectFrom('parts').select(['id', 'part_number', 'name', 'bin', 'price_fen'])
  const rows =
    input.partIds && input.partIds.length > 0
      ? input.partIds.flatMap((id) => {
          const row = first(ctx.store, labelParts.where('id', '=', id))
          return row ? [row] : []
        })
      : all(
          ctx.store,
          labelParts
            .where('active', '=', 1)
            .where('bin', 'is not', null)
            .where('bin', '>=', input.binFrom ?? '')
            .where('bin', '<', `${input.binTo ?? ''}\u{10FFFF}`)
            .orderBy('bin')
            .orderBy('part_key')
            .limit(2000),
        )
  return rows.map((r) => ({
    partId: r.id,
    partNumber: r.part_number,
    name: r.name,
    bin: r.bin,
    priceFen: r.price_fen,
    barcode: code128B(encodableB(r.part_number) ? r.part_number : partKeyOf(r.part_number) || '?'),
  }))
}
