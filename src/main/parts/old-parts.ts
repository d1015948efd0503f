import type { InferResult } from 'kysely'
import type { Ctx, UserCtx } from '../api/context'
import { all, first, insertId } from '../store/query'
import { AppError, notFound } from '../api/app-error'
import { zonedParts } from '../../shared/domain/time'
import type { In, Out } from './types'
import { loadRoHead } from './counter'
import { expectVersion, updateVersioned } from '../api/versioned'
import { nextNumber } from './next-number'

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

const selectOldParts = (ctx: Ctx) =>
  ctx.store.db
    .selectFrom('old_parts as o')
    .innerJoin('repair_orders as r', 'r.id', 'o.ro_id')
    .leftJoin('parts as p', 'p.id', 'o.part_id')
    .select([
      'o.id',
      'o.tag',
      'o.ro_id',
      'r.number as ro_number',
      'o.part_id',
      'p.part_number',
      'o.description',
      'o.quantity_milli',
      'o.warranty',
      'o.disposition',
      'o.note',
      'o.created_at',
      'o.disposed_at',
      'o.version',
    ])

type Row = InferResult<ReturnType<typeof selectOldParts>>[number]

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
  const row = first(ctx.store, selectOldParts(ctx).where('o.id', '=', id))
  if (!row) throw notFound('entity.oldPart', id)
  return row
}

export function listOldParts(ctx: Ctx, input: In<'oldparts.list'>): Out<'oldparts.list'> {
  const { roId, disposition } = input
  const query = selectOldParts(ctx)
    .$if(Boolean(roId), (q) => q.where('o.ro_id', '=', roId!))
    .$if(Boolean(disposition), (q) => q.where('o.disposition', '=', disposition!))
    .orderBy('o.id', 'desc')
    .limit(input.limit)
  return all(ctx.store, query).map(toOut)
}

export function tagOldPart(ctx: UserCtx, input: In<'oldparts.tag'>): Out<'oldparts.tag'> {
  const ro = loadRoHead(ctx.store, input.roId)
  if (input.partId !== undefined && !first(ctx.store, ctx.store.db.selectFrom('parts').select('id').where('id', '=', input.partId))) {
    throw notFound('entity.part', input.partId)
  }
  const tag = nextNumber(ctx, 'OP', zonedParts(ctx.clock.now(), ctx.timeZone).year)
  const id = insertId(
    ctx.store,
    ctx.store.db.insertInto('old_parts').values({
      tag,
      ro_id: ro.id,
      part_id: input.partId ?? null,
      description: input.description,
      quantity_milli: input.quantityMilli,
      warranty: input.warranty ? 1 : 0,
      note: input.note,
      created_by: ctx.user.id,
      created_at: ctx.nowIso(),
    }),
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
