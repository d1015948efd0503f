import type { Ctx, UserCtx } from '../api/context'
import { AppError, notFound } from '../api/app-error'
import { zonedParts } from '../../shared/domain/time'
import type { In, Out } from './types'
import { loadRoHead } from './counter'
import { expectVersion, nextNumber, updateVersioned } from './versioned'

// Old parts (旧件): parts taken off a car are tagged to their RO; a customer's go back to them or
// are scrapped, a warranty claim's are kept and shipped back to the maker (never scrapped).

type OldPartOut = Out<'oldparts.tag'>
type Disposition = OldPartOut['disposition']

/** Which dispositions may follow which, for warranty and for other old parts. */
const NEXT: Record<'warranty' | 'other', Partial<Record<Disposition, readonly Disposition[]>>> = {
  warranty: { pending: ['kept_for_warranty'], kept_for_warranty: ['shipped_to_maker'] },
  other: { pending: ['returned_to_customer', 'scrapped'] },
}

export function canDispose(warranty: boolean, from: Disposition, to: Disposition): boolean {
  return NEXT[warranty ? 'warranty' : 'other'][from]?.includes(to) ?? false
}

const SQL = `SELECT o.id, o.tag, o.ro_id, r.number AS ro_number, o.part_id, p.part_number, o.description, o.quantity_milli, o.warranty,
    o.disposition, o.note, o.created_at, o.disposed_at, o.version
  FROM old_parts o JOIN repair_orders r ON r.id = o.ro_id LEFT JOIN parts p ON p.id = o.part_id`

interface Row {
  id: number
  tag: string
  ro_id: number
  ro_number: string
  part_id: number | null
  part_number: string | null
  description: string
  quantity_milli: number
  warranty: number
  disposition: Disposition
  note: string
  created_at: string
  disposed_at: string | null
  version: number
}

const toOut = (r: Row): OldPartOut => ({
  id: r.id,
  tag: r.tag,
  roId: r.ro_id,
  roNumber: r.ro_number,
  partId: r.part_id,
  partNumber: r.part_number,
  description: r.description,
  quantityMilli: r.quantity_milli,
  warranty: r.warranty === 1,
  disposition: r.disposition,
  note: r.note,
  createdAt: r.created_at,
  disposedAt: r.disposed_at,
  version: r.version,
})

function byId(ctx: Ctx, id: number): Row {
  const row = ctx.store.prepare(`${SQL} WHERE o.id = ?`).get(id) as Row | undefined
  if (!row) throw notFound('entity.oldPart', id)
  return row
}

export function listOldParts(ctx: Ctx, input: In<'oldparts.list'>): Out<'oldparts.list'> {
  const where: string[] = []
  const params: (string | number)[] = []
  if (input.roId) {
    where.push('o.ro_id = ?')
    params.push(input.roId)
  }
  if (input.disposition) {
    where.push('o.disposition = ?')
    params.push(input.disposition)
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : ''
  return (ctx.store.prepare(`${SQL} ${w} ORDER BY o.id DESC LIMIT ?`).all(...params, input.limit) as Row[]).map(toOut)
}

export function tagOldPart(ctx: UserCtx, input: In<'oldparts.tag'>): Out<'oldparts.tag'> {
  const ro = loadRoHead(ctx.store, input.roId)
  if (input.partId !== undefined && !ctx.store.prepare('SELECT 1 FROM parts WHERE id = ?').get(input.partId)) throw notFound('entity.part', input.partId)
  const tag = nextNumber(ctx, 'OP', zonedParts(ctx.clock.now(), ctx.timeZone).year)
  const id = Number(
    ctx.store
      .prepare(
        `INSERT INTO old_parts (tag, ro_id, part_id, description, quantity_milli, warranty, note, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(tag, ro.id, input.partId ?? null, input.description, input.quantityMilli, input.warranty ? 1 : 0, input.note, ctx.user.id, ctx.nowIso())
      .lastInsertRowid,
  )
  ctx.audit({ action: 'oldpart.tag', entity: 'old_part', entityId: id, detail: { tag, roId: ro.id, warranty: input.warranty } })
  ctx.events.emit({ type: 'oldpart.changed', id })
  return toOut(byId(ctx, id))
}

export function disposeOldPart(ctx: UserCtx, input: In<'oldparts.dispose'>): Out<'oldparts.dispose'> {
  const row = byId(ctx, input.id)
  expectVersion('old_parts', row.id, input.version, row.version)
  if (!canDispose(row.warranty === 1, row.disposition, input.disposition)) {
    throw new AppError('INVALID_STATE', 'parts.oldPartDisposition', { from: `oldPart.${row.disposition}`, to: `oldPart.${input.disposition}` })
  }
  updateVersioned(ctx, 'old_parts', row.id, row.version, {
    disposition: input.disposition,
    disposed_by: ctx.user.id,
    disposed_at: ctx.nowIso(),
    note: input.note ? `${row.note}\n${input.note}`.trim() : row.note,
  })
  ctx.audit({ action: 'oldpart.dispose', entity: 'old_part', entityId: row.id, detail: { before: row.disposition, after: input.disposition } })
  ctx.events.emit({ type: 'oldpart.changed', id: row.id })
  return toOut(byId(ctx, row.id))
}
