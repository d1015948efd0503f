import type { Ctx, UserCtx } from '../api/context'
import { AppError, fieldError, notFound } from '../api/app-error'
import type { Store } from '../store/open'
import type { In, Out } from './types'
import { cleanText, codeText, partKeyOf } from './part-key'
import { partsByName, refreshSearchIndex } from './search-index'
import { loadPart, PART_ROW_SQL, partRowDb, toPartOut, type PartOut, type PartRowDb } from './part-rows'
import { listMoves } from './moves'
import { expectVersion, updateVersioned } from './versioned'

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

function idsByKey(store: Store, key: string, limit: number, activeOnly: boolean): number[] {
  if (key === '') return []
  const active = activeOnly ? 'AND active = 1' : ''
  const rows = store
    .prepare(`SELECT id FROM parts WHERE part_key >= ? AND part_key < ? ${active} ORDER BY part_key LIMIT ?`)
    .all(key, key + END, limit) as { id: number }[]
  return rows.map((r) => r.id)
}

function idsByBin(store: Store, bin: string, limit: number, activeOnly: boolean): number[] {
  if (bin === '') return []
  const active = activeOnly ? 'AND active = 1' : ''
  const rows = store
    .prepare(`SELECT id FROM parts WHERE bin >= ? AND bin < ? ${active} ORDER BY bin, part_key LIMIT ?`)
    .all(bin, bin + END, limit) as { id: number }[]
  return rows.map((r) => r.id)
}

export function searchParts(ctx: Ctx, input: In<'parts.search'>): Out<'parts.search'> {
  const { store } = ctx
  refreshSearchIndex(store)
  const activeOnly = !input.includeInactive
  const q = codeText(input.q)
  let ids: number[]
  if (q === '') {
    const active = activeOnly ? 'WHERE active = 1' : ''
    ids = (store.prepare(`SELECT id FROM parts ${active} ORDER BY part_key LIMIT ?`).all(input.limit) as { id: number }[]).map((r) => r.id)
  } else {
    // Part number first (an exact number sorts first as the smallest key), then bin, then name.
    const byName = partsByName(store, q, input.limit * 2).filter((id) => !activeOnly || isActive(store, id))
    ids = [...idsByKey(store, partKeyOf(q), input.limit, activeOnly), ...idsByBin(store, q.toUpperCase(), input.limit, activeOnly), ...byName]
  }
  const seen = new Set<number>()
  const out: PartOut[] = []
  const rowStmt = store.prepare(`${PART_ROW_SQL} WHERE p.id = ?`)
  for (const id of ids) {
    if (seen.has(id) || out.length >= input.limit) continue
    seen.add(id)
    const row = rowStmt.get(id) as PartRowDb | undefined
    if (row) out.push(toPartOut(store, row))
  }
  return out
}

function isActive(store: Store, id: number): boolean {
  return (store.prepare('SELECT active FROM parts WHERE id = ?').get(id) as { active: number } | undefined)?.active === 1
}

export function getPart(ctx: Ctx, input: In<'parts.get'>): Out<'parts.get'> {
  return { part: loadPart(ctx, input.id), moves: listMoves(ctx, { partId: input.id, limit: input.moves }) }
}

function checkSupplier(store: Store, supplierId: number | null | undefined): void {
  if (supplierId == null) return
  if (!store.prepare('SELECT 1 FROM suppliers WHERE id = ?').get(supplierId)) throw notFound('entity.supplier', supplierId)
}

function checkKeyFree(store: Store, key: string, partNumber: string, exceptId: number | null): void {
  if (key === '') throw fieldError('VALIDATION', 'partNumber', 'parts.partNumberInvalid')
  const row = store.prepare('SELECT id FROM parts WHERE part_key = ?').get(key) as { id: number } | undefined
  if (row && row.id !== exceptId) {
    throw new AppError('DUPLICATE', 'error.DUPLICATE', { entity: 'entity.part', value: partNumber }, { fields: [{ field: 'partNumber', message: 'parts.partNumberTaken' }], partId: row.id })
  }
}

function setSupplier(store: Store, partId: number, supplierId: number | null): void {
  if (supplierId === null) store.prepare('DELETE FROM part_suppliers WHERE part_id = ?').run(partId)
  else store.prepare('INSERT INTO part_suppliers (part_id, supplier_id) VALUES (?, ?) ON CONFLICT(part_id) DO UPDATE SET supplier_id = excluded.supplier_id').run(partId, supplierId)
}

export function createPart(ctx: UserCtx, input: In<'parts.create'>): Out<'parts.create'> {
  const partNumber = codeText(input.partNumber).toUpperCase()
  const key = partKeyOf(partNumber)
  checkKeyFree(ctx.store, key, partNumber, null)
  checkSupplier(ctx.store, input.supplierId)
  const now = ctx.nowIso()
  const info = ctx.store
    .prepare(
      `INSERT INTO parts (part_number, part_key, name, brand, category, unit, bin, price_fen, cost_fen, active, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(partNumber, key, cleanText(input.name), orNull(input.brand), orNull(input.category), cleanText(input.unit), orNullCode(input.bin),
      input.priceFen, input.costFen, input.active ? 1 : 0, now, now)
  const id = Number(info.lastInsertRowid)
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
  const set: Record<string, string | number | null> = {}
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
