import type { Ctx } from '../api/context'
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
  const rows = ctx.store
    .prepare(
      `WITH asof AS (
         SELECT s.part_id, m.on_hand_milli_after AS q, m.value_fen_after AS v
           FROM part_stock s
           JOIN stock_moves m ON m.id = (SELECT x.id FROM stock_moves x WHERE x.part_id = s.part_id AND x.at <= ?
                                          ORDER BY x.at DESC, x.id DESC LIMIT 1)),
       ranked AS (
         SELECT part_id, q, v, COUNT(*) OVER () AS n, SUM(q) OVER () AS tq, SUM(v) OVER () AS tv FROM asof WHERE q > 0)
       SELECT r.part_id, p.part_number, p.name, r.q, r.v, r.n, r.tq, r.tv
         FROM (SELECT * FROM ranked ORDER BY v DESC, part_id LIMIT max(?, 1)) r JOIN parts p ON p.id = r.part_id
        ORDER BY r.v DESC, r.part_id`,
    )
    .all(at, input.limit) as { part_id: number; part_number: string; name: string; q: number; v: number; n: number; tq: number; tv: number }[]
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
  const rows = ctx.store
    .prepare(
      `SELECT p.id, p.part_number, p.name, p.bin, s.last_issue_at FROM part_stock s JOIN parts p ON p.id = s.part_id
        WHERE s.on_hand_milli = 0 AND p.active = 1 AND p.bin IS NOT NULL ORDER BY p.bin, p.part_key LIMIT ?`,
    )
    .all(input.limit) as { id: number; part_number: string; name: string; bin: string; last_issue_at: string | null }[]
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
  const row = ctx.store
    .prepare(
      `SELECT COUNT(*) AS requested, COALESCE(SUM(served_from_stock), 0) AS served,
              COALESCE(SUM(outcome = 'lost_sale'), 0) AS lost_sale, COALESCE(SUM(outcome = 'special_order'), 0) AS special_order,
              COALESCE(SUM(outcome = 'external_purchase'), 0) AS external_purchase,
              COALESCE(SUM(served_from_stock = 0 AND outcome IS NULL), 0) AS unrecorded
         FROM part_requests WHERE first_at >= ? AND first_at < ?`,
    )
    .get(input.from, `${input.to}T99`) as {
    requested: number
    served: number
    lost_sale: number
    special_order: number
    external_purchase: number
    unrecorded: number
  }
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
  let rows: { id: number; part_number: string; name: string; bin: string | null; price_fen: number }[]
  if (input.partIds && input.partIds.length > 0) {
    const get = ctx.store.prepare('SELECT id, part_number, name, bin, price_fen FROM parts WHERE id = ?')
    rows = input.partIds.flatMap((id) => {
      const row = get.get(id) as (typeof rows)[number] | undefined
      return row ? [row] : []
    })
  } else {
    rows = ctx.store
      .prepare(
        `SELECT id, part_number, name, bin, price_fen FROM parts
          WHERE active = 1 AND bin IS NOT NULL AND bin >= ? AND bin < ? ORDER BY bin, part_key LIMIT 2000`,
      )
      .all(input.binFrom ?? '', `${input.binTo ?? ''}\u{10FFFF}`) as typeof rows
  }
  return rows.map((r) => ({
    partId: r.id,
    partNumber: r.part_number,
    name: r.name,
    bin: r.bin,
    priceFen: r.price_fen,
    barcode: code128B(encodableB(r.part_number) ? r.part_number : partKeyOf(r.part_number) || '?'),
  }))
}
