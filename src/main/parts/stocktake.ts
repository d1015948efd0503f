import type { Ctx, UserCtx } from '../api/context'
import { AppError, fieldError, notFound } from '../api/app-error'
import { zonedParts } from '../../shared/domain/time'
import { averageCostFen } from '../../shared/domain/stock'
import type { Store } from '../store/open'
import type { In, Out } from './types'
import { partKeyOf } from './part-key'
import { expectVersion, nextNumber, updateVersioned } from './versioned'

// The stocktake (盘点): the book quantities are frozen when it starts — the counter keeps issuing
// meanwhile, and the later moves are simply not part of the comparison — counts are entered by
// scanning a part number and a quantity, and the variance is posted only on approval
// (stocktake-approval.ts).

type StocktakeOut = Out<'stocktake.sheet'>['stocktake']
type CountLineOut = Out<'stocktake.sheet'>['lines'][number]

interface StocktakeRow {
  id: number
  number: string
  scope: 'all' | 'bins'
  bin_from: string | null
  bin_to: string | null
  state: 'counting' | 'approved' | 'cancelled'
  frozen_move_id: number
  note: string
  created_at: string
  created_by_name: string
  decided_at: string | null
  decided_by_name: string | null
  line_count: number
  counted_count: number
  version: number
}

export function stocktakeRow(store: Store, id: number): StocktakeRow {
  const row = store
    .prepare(
      `SELECT t.id, t.number, t.scope, t.bin_from, t.bin_to, t.state, t.frozen_move_id, t.note, t.created_at, t.decided_at, t.version,
              cu.display_name AS created_by_name, du.display_name AS decided_by_name,
              (SELECT COUNT(*) FROM stocktake_lines WHERE stocktake_id = t.id) AS line_count,
              (SELECT COUNT(counted_milli) FROM stocktake_lines WHERE stocktake_id = t.id) AS counted_count
         FROM stocktakes t JOIN users cu ON cu.id = t.created_by LEFT JOIN users du ON du.id = t.decided_by WHERE t.id = ?`,
    )
    .get(id) as StocktakeRow | undefined
  if (!row) throw notFound('entity.stocktake', id)
  return row
}

export function toStocktakeOut(r: StocktakeRow): StocktakeOut {
  return {
    id: r.id,
    number: r.number,
    scope: r.scope,
    binFrom: r.bin_from,
    binTo: r.bin_to,
    state: r.state,
    note: r.note,
    createdAt: r.created_at,
    createdBy: r.created_by_name,
    decidedAt: r.decided_at,
    decidedBy: r.decided_by_name,
    lineCount: r.line_count,
    countedCount: r.counted_count,
    version: r.version,
  }
}

export function listStocktakes(ctx: Ctx, input: In<'stocktake.list'>): Out<'stocktake.list'> {
  const ids = ctx.store.prepare('SELECT id FROM stocktakes ORDER BY id DESC LIMIT ?').all(input.limit) as { id: number }[]
  return ids.map((r) => toStocktakeOut(stocktakeRow(ctx.store, r.id)))
}

export function createStocktake(ctx: UserCtx, input: In<'stocktake.create'>): Out<'stocktake.create'> {
  const open = ctx.store.prepare(`SELECT number FROM stocktakes WHERE state = 'counting' LIMIT 1`).get() as { number: string } | undefined
  if (open) throw new AppError('INVALID_STATE', 'parts.stocktakeOpen', { number: open.number })
  const scope = input.binFrom || input.binTo ? 'bins' : 'all'
  const now = ctx.nowIso()
  const frozen = (ctx.store.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM stock_moves').get() as { id: number }).id
  const number = nextNumber(ctx, 'ST', zonedParts(ctx.clock.now(), ctx.timeZone).year)
  const id = Number(
    ctx.store
      .prepare(
        `INSERT INTO stocktakes (number, scope, bin_from, bin_to, state, frozen_move_id, note, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'counting', ?, ?, ?, ?, ?)`,
      )
      .run(number, scope, input.binFrom ?? null, input.binTo ?? null, frozen, input.note, ctx.user.id, now, now).lastInsertRowid,
  )
  // The book is part_stock at this instant (the same transaction), i.e. the ledger up to `frozen`.
  // Parts on a shelf or with stock are counted; catalogue-only price-list entries are not.
  const range = scope === 'bins' ? 'AND p.bin >= ? AND p.bin < ?' : ''
  const params = scope === 'bins' ? [input.binFrom ?? '', `${input.binTo ?? ''}\u{10FFFF}`] : []
  ctx.store
    .prepare(
      `INSERT INTO stocktake_lines (stocktake_id, part_id, bin, book_milli, book_value_fen, unit_cost_fen)
       SELECT ?, p.id, p.bin, COALESCE(s.on_hand_milli, 0), COALESCE(s.value_fen, 0), COALESCE(NULLIF(s.avg_cost_fen, 0), p.cost_fen)
         FROM parts p LEFT JOIN part_stock s ON s.part_id = p.id
        WHERE (COALESCE(s.on_hand_milli, 0) > 0 OR (p.active = 1 AND p.bin IS NOT NULL)) ${range}`,
    )
    .run(id, ...params)
  const out = toStocktakeOut(stocktakeRow(ctx.store, id))
  ctx.audit({ action: 'stocktake.create', entity: 'stocktake', entityId: id, detail: { number, scope, binFrom: input.binFrom, binTo: input.binTo, lines: out.lineCount, frozenMoveId: frozen } })
  ctx.events.emit({ type: 'stocktake.changed', id })
  return out
}

const LINE_SQL = `SELECT l.part_id, p.part_number, p.name, p.unit, l.bin, l.counted_milli
  FROM stocktake_lines l JOIN parts p ON p.id = l.part_id`

interface LineRow {
  part_id: number
  part_number: string
  name: string
  unit: string
  bin: string | null
  counted_milli: number | null
}

const toLine = (r: LineRow): CountLineOut => ({ partId: r.part_id, partNumber: r.part_number, name: r.name, unit: r.unit, bin: r.bin, countedMilli: r.counted_milli })

/** The count sheet: walking order, no book quantities (counters count what they see). */
export function countSheet(ctx: Ctx, input: In<'stocktake.sheet'>): Out<'stocktake.sheet'> {
  const stocktake = toStocktakeOut(stocktakeRow(ctx.store, input.id))
  const lines = ctx.store.prepare(`${LINE_SQL} WHERE l.stocktake_id = ? ORDER BY l.bin IS NULL, l.bin, p.part_key`).all(input.id) as LineRow[]
  return { stocktake, lines: lines.map(toLine) }
}

export function requireCounting(row: StocktakeRow): void {
  if (row.state !== 'counting') throw new AppError('INVALID_STATE', 'parts.stocktakeClosed', { number: row.number, state: `stocktakeState.${row.state}` })
}

/** One scan: part number (dashes and spaces optional) and quantity; `add` sums several shelves. */
export function enterCount(ctx: UserCtx, input: In<'stocktake.count'>): Out<'stocktake.count'> {
  const st = stocktakeRow(ctx.store, input.id)
  requireCounting(st)
  const part = ctx.store.prepare('SELECT id, bin, cost_fen FROM parts WHERE part_key = ?').get(partKeyOf(input.partNumber)) as
    | { id: number; bin: string | null; cost_fen: number }
    | undefined
  if (!part) throw fieldError('NOT_FOUND', 'partNumber', 'parts.unknownPartNumber', { partNumber: input.partNumber })
  const line = ctx.store.prepare('SELECT counted_milli FROM stocktake_lines WHERE stocktake_id = ? AND part_id = ?').get(st.id, part.id) as
    | { counted_milli: number | null }
    | undefined
  if (!line) {
    // Found where the sheet did not expect it: its book is the ledger as of the freeze.
    const book = ctx.store
      .prepare('SELECT on_hand_milli_after AS q, value_fen_after AS v FROM stock_moves WHERE part_id = ? AND id <= ? ORDER BY id DESC LIMIT 1')
      .get(part.id, st.frozen_move_id) as { q: number; v: number } | undefined
    const unitCost = (book && averageCostFen({ onHandMilli: book.q, valueFen: book.v })) ?? part.cost_fen
    ctx.store
      .prepare('INSERT INTO stocktake_lines (stocktake_id, part_id, bin, book_milli, book_value_fen, unit_cost_fen) VALUES (?, ?, ?, ?, ?, ?)')
      .run(st.id, part.id, part.bin, book?.q ?? 0, book?.v ?? 0, unitCost)
  }
  const counted = input.mode === 'add' ? (line?.counted_milli ?? 0) + input.quantityMilli : input.quantityMilli
  ctx.store
    .prepare('UPDATE stocktake_lines SET counted_milli = ?, counted_by = ?, counted_at = ? WHERE stocktake_id = ? AND part_id = ?')
    .run(counted, ctx.user.id, ctx.nowIso(), st.id, part.id)
  // Every count moves the version on, so an approval is always of the figures the approver saw.
  updateVersioned(ctx, 'stocktakes', st.id, st.version, {})
  ctx.audit({ action: 'stocktake.count', entity: 'stocktake', entityId: st.id, detail: { partId: part.id, before: line?.counted_milli ?? null, after: counted } })
  ctx.events.emit({ type: 'stocktake.changed', id: st.id })
  const out = ctx.store.prepare(`${LINE_SQL} WHERE l.stocktake_id = ? AND l.part_id = ?`).get(st.id, part.id) as LineRow
  return { stocktake: toStocktakeOut(stocktakeRow(ctx.store, st.id)), line: toLine(out) }
}

export function cancelStocktake(ctx: UserCtx, input: In<'stocktake.cancel'>): Out<'stocktake.cancel'> {
  const st = stocktakeRow(ctx.store, input.id)
  expectVersion('stocktakes', st.id, input.version, st.version)
  requireCounting(st)
  updateVersioned(ctx, 'stocktakes', st.id, st.version, { state: 'cancelled', decided_by: ctx.user.id, decided_at: ctx.nowIso(), note: `${st.note}\n${input.reason}`.trim() })
  ctx.audit({ action: 'stocktake.cancel', entity: 'stocktake', entityId: st.id, detail: { reason: input.reason } })
  ctx.events.emit({ type: 'stocktake.changed', id: st.id })
  return toStocktakeOut(stocktakeRow(ctx.store, st.id))
}
