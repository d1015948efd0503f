import type { Ctx, UserCtx } from '../api/context'
import { AppError, fieldError, notFound } from '../api/app-error'
import { sql, type Updateable } from 'kysely'
import type { Store } from '../store/open'
import type { DB } from '../store/schema'
import { first, insertId, preparedQuery, run } from '../store/query'
import type { In, Out } from './types'
import { cleanText, codeText, partKeyOf } from './part-key'
import { partsByName, refreshSearchIndex } from './search-index'
import { loadPart, partRowDb, toPartOut, type PartOut } from './part-rows'
import { listMoves } from './moves'
import { expectVersion, updateVersioned } from '../api/versioned'

// The parts catalogue (配件目录): search as you type by number, bin or any part of the name, and
// keeping parts up to date. Stock figures on each row come from the ledger.

const END = '\u{10FFFF}'

const orNull = (text: string | undefined): string | null => {
  const t = text === undefined ? '' : cleanText(text)
  return t === '' ? null : t
}
const orNullCode = (text: string | undefined): string | null => {
  const t = text === undefined ? '' : codeText(text)
  return t === '' ? null : t
}

// Search as you type: every query is prepared once, in an active-only and an all-parts variant.
type Range = { from: string; to: string; limit: number }
const byKey = (activeOnly: boolean) =>
  preparedQuery<Range>()((db, p) =>
    db
      .selectFrom('parts')
      .select('id')
      .where('part_key', '>=', p.from)
      .where('part_key', '<', p.to)
      .$if(activeOnly, (q) => q.where('active', '=', 1))
      .orderBy('part_key')
      .limit(p.limit),
  )
const byBin = (activeOnly: boolean) =>
  preparedQuery<Range>()((db, p) =>
    db
      .selectFrom('parts')
      .select('id')
      .where('bin', '>=', p.from)
      .where('bin', '<', p.to)
      .$if(activeOnly, (q) => q.where('active', '=', 1))
      .orderBy('bin')
      .orderBy('part_key')
      .limit(p.limit),
  )
const firstParts = (activeOnly: boolean) =>
  preparedQuery<{ limit: number }>()((db, p) =>
    db
      .selectFrom('parts')
      .select('id')
      .$if(activeOnly, (q) => q.where('active', '=', 1))
      .orderBy('part_key')
      .limit(p.limit),
  )
const SEARCH = {
  byKey: { active: byKey(true), all: byKey(false) },
  byBin: { active: byBin(true), all: byBin(false) },
  first: { active: firstParts(true), all: firstParts(false) },
}
/** Of the parts in a JSON array of ids, the active ones (one statement for all the name matches). */
const activeAmong = preparedQuery<{ ids: string }>()((db, p) =>
  db
    .selectFrom('parts')
    .select('id')
    .where('id', 'in', (eb) => eb.selectFrom(sql<{ value: number }>`json_each(${p.ids})`.as('ids')).select('ids.value'))
    .where('active', '=', 1),
)

function idsByKey(store: Store, key: string, limit: number, activeOnly: boolean): number[] {
  if (key === '') return []
  return SEARCH.byKey[activeOnly ? 'active' : 'all'].all(store, { from: key, to: key + END, limit }).map((r) => r.id)
}

function idsByBin(store: Store, bin: string, limit: number, activeOnly: boolean): number[] {
  if (bin === '') return []
  return SEARCH.byBin[activeOnly ? 'active' : 'all'].all(store, { from: bin, to: bin + END, limit }).map((r) => r.id)
}

export function searchParts(ctx: Ctx, input: In<'parts.search'>): Out<'parts.search'> {
  const { store } = ctx
  refreshSearchIndex(store)
  const activeOnly = !input.includeInactive
  const q = codeText(input.q)
  let ids: number[]
  if (q === '') {
    ids = SEARCH.first[activeOnly ? 'active' : 'all'].all(store, { limit: input.limit }).map((r) => r.id)
  } else {
    // Part number first (an exact number sorts first as the smallest key), then bin, then name.
    const named = partsByName(store, q, input.limit * 2)
    const active = activeOnly && named.length > 0 ? new Set(activeAmong.all(store, { ids: JSON.stringify(named) }).map((r) => r.id)) : null
    const byName = active === null ? named : named.filter((id) => active.has(id))
    ids = [...idsByKey(store, partKeyOf(q), input.limit, activeOnly), ...idsByBin(store, q.toUpperCase(), input.limit, activeOnly), ...byName]
  }
  const seen = new Set<number>()
  const out: PartOut[] = []
  for (const id of ids) {
    if (seen.has(id) || out.length >= input.limit) continue
    seen.add(id)
    const row = partRowDb(store, id)
    if (row) out.push(toPartOut(store, row))
  }
  return out
}

export function getPart(ctx: Ctx, input: In<'parts.get'>): Out<'parts.get'> {
  return { part: loadPart(ctx, input.id), moves: listMoves(ctx, { partId: input.id, limit: input.moves }) }
}

function checkSupplier(store: Store, supplierId: number | null | undefined): void {
  if (supplierId == null) return
  if (!first(store, store.db.selectFrom('suppliers').select('id').where('id', '=', supplierId))) throw notFound('entity.supplier', supplierId)
}

function checkKeyFree(store: Store, key: string, partNumber: string, exceptId: number | null): void {
  if (key === '') throw fieldError('VALIDATION', 'partNumber', 'parts.partNumberInvalid')
  const row = first(store, store.db.selectFrom('parts').select('id').where('part_key', '=', key))
  if (row && row.id !== exceptId) {
    throw new AppError('DUPLICATE', 'error.DUPLICATE', { entity: 'entity.part', value: partNumber }, { fields: [{ field: 'partNumber', message: 'parts.partNumberTaken' }], partId: row.id })
  }
}

function setSupplier(store: Store, partId: number, supplierId: number | null): void {
  if (supplierId === null) run(store, store.db.deleteFrom('part_suppliers').where('part_id', '=', partId))
  else {
    run(
      store,
      store.db
        .insertInto('part_suppliers')
        .values({ part_id: partId, supplier_id: supplierId })
        .onConflict((oc) => oc.column('part_id').doUpdateSet({ supplier_id: (eb) => eb.ref('excluded.supplier_id') })),
    )
  }
}

export function createPart(ctx: UserCtx, input: In<'parts.create'>): Out<'parts.create'> {
  const partNumber = codeText(input.partNumber).toUpperCase()
  const key = partKeyOf(partNumber)
  checkKeyFree(ctx.store, key, partNumber, null)
  checkSupplier(ctx.store, input.supplierId)
  const now = ctx.nowIso()
  const id = insertId(
    ctx.store,
    ctx.store.db.insertInto('parts').values({
      part_number: partNumber,
      part_key: key,
      name: cleanText(input.name),
      brand: orNull(input.brand),
      category: orNull(input.category),
      unit: cleanText(input.unit),
      bin: orNullCode(input.bin),
      price_fen: input.priceFen,
      cost_fen: input.costFen,
      active: input.active ? 1 : 0,
      created_at: now,
      updated_at: now,
    }),
  )
  if (input.supplierId != null) setSupplier(ctx.store, id, input.supplierId)
  refreshSearchIndex(ctx.store)
  const part = loadPart(ctx, id)
  ctx.audit({ action: 'part.create', entity: 'part', entityId: id, detail: { after: part } })
  ctx.events.emit({ type: 'part.changed', id })
  return part
}

export function updatePart(ctx: UserCtx, input: In<'parts.update'>): Out<'parts.update'> {
  const before = partRowDb(ctx.store, input.id)
  if (!before) throw notFound('entity.part', input.id)
  expectVersion('parts', input.id, input.version, before.version)
  const set: Updateable<DB['parts']> = {}
  if (input.partNumber !== undefined) {
    const partNumber = codeText(input.partNumber).toUpperCase()
    const key = partKeyOf(partNumber)
    checkKeyFree(ctx.store, key, partNumber, input.id)
    set.part_number = partNumber
    set.part_key = key
  }
  if (input.name !== undefined) set.name = cleanText(input.name)
  if (input.brand !== undefined) set.brand = orNull(input.brand)
  if (input.category !== undefined) set.category = orNull(input.category)
  if (input.unit !== undefined) set.unit = cleanText(input.unit)
  if (input.bin !== undefined && orNullCode(input.bin) !== before.bin) {
    // Stock on the shelf moves with a transfer, so the ledger shows where it went.
    if ((before.on_hand_milli ?? 0) > 0) throw fieldError('INVALID_STATE', 'bin', 'parts.binChangeNeedsTransfer')
    set.bin = orNullCode(input.bin)
  }
  if (input.costFen !== undefined) set.cost_fen = input.costFen
  if (input.priceFen !== undefined) set.price_fen = input.priceFen
  if (input.active !== undefined) set.active = input.active ? 1 : 0
  updateVersioned(ctx, 'parts', input.id, input.version, set)
  if (input.supplierId !== undefined) {
    checkSupplier(ctx.store, input.supplierId)
    setSupplier(ctx.store, input.id, input.supplierId)
  }
  refreshSearchIndex(ctx.store)
  const after = loadPart(ctx, input.id)
  ctx.audit({ action: 'part.update', entity: 'part', entityId: input.id, detail: { before: toPartOut(ctx.store, before), after } })
  ctx.events.emit({ type: 'part.changed', id: input.id })
  return after
}
