import type { Ctx, UserCtx } from '../api/context'
import { AppError, fieldError, notFound } from '../api/app-error'
import { zonedParts } from '../../shared/domain/time'
import { averageCostFen } from '../../shared/domain/stock'
import { sql, type InferResult, type Kysely } from 'kysely'
import type { Store } from '../store/open'
import type { DB } from '../store/schema'
import { all, first, insertId, run } from '../store/query'
import type { In, Out } from './types'
import { partKeyOf } from './part-key'
import { expectVersion, updateVersioned } from '../api/versioned'
import { nextNumber } from './next-number'

// The stocktake (盘点): the book quantities are frozen when it starts — the counter keeps issuing
// meanwhile, and the later moves are simply not part of the comparison — counts are entered by
// scanning a part number and a quantity, and the variance is posted only on approval
// (stocktake-approval.ts).

type StocktakeOut = Out<'stocktake.sheet'>['stocktake']
type CountLineOut = Out<'stocktake.sheet'>['lines'][number]

function selectStocktake(store: Store, id: number) {
  return store.db
    .selectFrom('stocktakes as t')
    .innerJoin('users as cu', 'cu.id', 't.created_by')
    .leftJoin('users as du', 'du.id', 't.decided_by')
    .select([
      't.id',
      't.number',
      't.scope',
      't.bin_from',
      't.bin_to',
      't.state',
      't.frozen_move_id',
      't.note',
      't.created_at',
      't.decided_at',
      't.version',
      'cu.display_name as created_by_name',
      'du.display_name as decided_by_name',
      sql<number>`(SELECT COUNT(*) FROM stocktake_lines WHERE stocktake_id = t.id)`.as('line_count'),
      sql<number>`(SELECT COUNT(counted_milli) FROM stocktake_lines WHERE stocktake_id = t.id)`.as('counted_count'),
    ])
    .where('t.id', '=', id)
}

export type StocktakeRow = InferResult<ReturnType<typeof selectStocktake>>[number]

export function stocktakeRow(store: Store, id: number): StocktakeRow {
  const row = first(store, selectStocktake(store, id))
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
  const ids = all(ctx.store, ctx.store.db.selectFrom('stocktakes').select('id').orderBy('id', 'desc').limit(input.limit))
  return ids.map((r) => toStocktakeOut(stocktakeRow(ctx.store, r.id)))
}

export function createStocktake(ctx: UserCtx, input: In<'stocktake.create'>): Out<'stocktake.create'> {
  const db = ctx.store.db
  const open = first(ctx.store, db.selectFrom('stocktakes').select('number').where('state', '=', 'counting').limit(1))
  if (open) throw new AppError('INVALID_STATE', 'parts.stocktakeOpen', { number: open.number })
  const scope = input.binFrom || input.binTo ? 'bins' : 'all'
  const now = ctx.nowIso()
  const frozen = first(ctx.store, db.selectFrom('stock_moves').select(sql<number>`COALESCE(MAX(id), 0)`.as('id')))!.id
  const number = nextNumber(ctx, 'ST', zonedParts(ctx.clock.now(), ctx.timeZone).year)
  const id = insertId(
    ctx.store,
    db.insertInto('stocktakes').values({
      number,
      scope,
      bin_from: input.binFrom ?? null,
      bin_to: input.binTo ?? null,
      state: 'counting',
      frozen_move_id: frozen,
      note: input.note,
      created_by: ctx.user.id,
      created_at: now,
      updated_at: now,
    }),
  )
  // The book is part_stock at this instant (the same transaction), i.e. the ledger up to `frozen`.
  // Parts on a shelf or with stock are counted; catalogue-only price-list entries are not.
  run(
    ctx.store,
    db
      .insertInto('stocktake_lines')
      .columns(['stocktake_id', 'part_id', 'bin', 'book_milli', 'book_value_fen', 'unit_cost_fen'])
      .expression((eb) =>
        eb
          .selectFrom('parts as p')
          .leftJoin('part_stock as s', 's.part_id', 'p.id')
          .select([
            eb.val(id).as('stocktake_id'),
            'p.id',
            'p.bin',
            sql<number>`COALESCE(s.on_hand_milli, 0)`.as('book_milli'),
            sql<number>`COALESCE(s.value_fen, 0)`.as('book_value_fen'),
            sql<number>`COALESCE(NULLIF(s.avg_cost_fen, 0), p.cost_fen)`.as('unit_cost_fen'),
          ])
          .where(sql<boolean>`(COALESCE(s.on_hand_milli, 0) > 0 OR (p.active = 1 AND p.bin IS NOT NULL))`)
          .$if(scope === 'bins', (q) => q.where('p.bin', '>=', input.binFrom ?? '').where('p.bin', '<', `${input.binTo ?? ''}\u{10FFFF}`)),
      ),
  )
  const out = toStocktakeOut(stocktakeRow(ctx.store, id))
  ctx.audit({ action: 'stocktake.create', entity: 'stocktake', entityId: id, detail: { number, scope, binFrom: input.binFrom, binTo: input.binTo, lines: out.lineCount, frozenMoveId: frozen } })
  ctx.events.emit({ type: 'stocktake.changed', id })
  return out
}

const selectLines = (db: Kysely<DB>) =>
  db.selectFrom('stocktake_lines as l').innerJoin('parts as p', 'p.id', 'l.part_id').select(['l.part_id', 'p.part_number', 'p.name', 'p.unit', 'l.bin', 'l.counted_milli'])

type LineRow = InferResult<ReturnType<typeof selectLines>>[number]

const toLine = (r: LineRow): CountLineOut => ({ partId: r.part_id, partNumber: r.part_number, name: r.name, unit: r.unit, bin: r.bin, countedMilli: r.counted_milli })

/** The count sheet: walking order, no book quantities (counters count what they see). */
export function countSheet(ctx: Ctx, input: In<'stocktake.sheet'>): Out<'stocktake.sheet'> {
  const stocktake = toStocktakeOut(stocktakeRow(ctx.store, input.id))
  const lines = all(ctx.store, selectLines(ctx.store.db).where('l.stocktake_id', '=', input.id).orderBy(sql`l.bin IS NULL`).orderBy('l.bin').orderBy('p.part_key'))
  return { stocktake, lines: lines.map(toLine) }
}

export function requireCounting(row: StocktakeRow): void {
  if (row.state !== 'counting') throw new AppError('INVALID_STATE', 'parts.stocktakeClosed', { number: row.number, state: `stocktakeState.${row.state}` })
}

/** One scan: part number (dashes and spaces optional) and quantity; `add` sums several shelves. */
export function enterCount(ctx: UserCtx, input: In<'stocktake.count'>): Out<'stocktake.count'> {
  const st = stocktakeRow(ctx.store, input.id)
  requireCounting(st)
  const db = ctx.store.db
  const part = first(ctx.store, db.selectFrom('parts').select(['id', 'bin', 'cost_fen']).where('part_key', '=', partKeyOf(input.partNumber)))
  if (!part) throw fieldError('NOT_FOUND', 'partNumber', 'parts.unknownPartNumber', { partNumber: input.partNumber })
  const line = first(ctx.store, db.selectFrom('stocktake_lines').select('counted_milli').where('stocktake_id', '=', st.id).where('part_id', '=', part.id))
  if (!line) {
    // Found where the sheet did not expect it: its book is the ledger as of the freeze.
    const book = first(
      ctx.store,
      db
        .selectFrom('stock_moves')
        .select(['on_hand_milli_after as q', 'value_fen_after as v'])
        .where('part_id', '=', part.id)
        .where('id', '<=', st.frozen_move_id)
        .orderBy('id', 'desc')
        .limit(1),
    )
    const unitCost = (book && averageCostFen({ onHandMilli: book.q, valueFen: book.v })) ?? part.cost_fen
    run(
      ctx.store,
      db.insertInto('stocktake_lines').values({ stocktake_id: st.id, part_id: part.id, bin: part.bin, book_milli: book?.q ?? 0, book_value_fen: book?.v ?? 0, unit_cost_fen: unitCost }),
    )
  }
  const counted = input.mode === 'add' ? (line?.counted_milli ?? 0) + input.quantityMilli : input.quantityMilli
  run(
    ctx.store,
    db.updateTable('stocktake_lines').set({ counted_milli: counted, counted_by: ctx.user.id, counted_at: ctx.nowIso() }).where('stocktake_id', '=', st.id).where('part_id', '=', part.id),
  )
  // Every count moves the version on, so an approval is always of the figures the approver saw.
  updateVersioned(ctx, 'stocktakes', st.id, st.version, {})
  ctx.audit({ action: 'stocktake.count', entity: 'stocktake', entityId: st.id, detail: { partId: part.id, before: line?.counted_milli ?? null, after: counted } })
  ctx.events.emit({ type: 'stocktake.changed', id: st.id })
  const out = first(ctx.store, selectLines(db).where('l.stocktake_id', '=', st.id).where('l.part_id', '=', part.id))!
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
