import type { InferResult } from 'kysely'
import type { Ctx, UserCtx } from '../api/context'
import { AppError, notFound } from '../api/app-error'
import { addDays } from '../../shared/domain/calendar'
import { localDate } from '../../shared/domain/time'
import { labelPayload, type ShelfState } from '../../shared/domain/warranty-parts'
import { code128B, encodableB } from '../parts/code128'
import { disposeOldPart } from '../parts/old-parts'
import { expectVersion, updateVersioned } from '../api/versioned'
import { all, first, run } from '../store/query'
import type { In, Out } from './types'

// The warranty desk's old-part shelf (旧件架): a warranty part tagged at the parts counter is kept
// for its claim at a storage place, with its deadline per maker rule (return by / keep until); a
// label with the claim, VIN, part number and date; scrapping a retained part once its retention
// ended and its claim is paid or written off — authorised here, with the reason.

type ShelfPart = Out<'warranty.parts.shelf'>[number]

const selectShelf = (ctx: Ctx) =>
  ctx.store.db
    .selectFrom('old_parts as o')
    .innerJoin('repair_orders as r', 'r.id', 'o.ro_id')
    .innerJoin('vehicles as v', 'v.id', 'r.vehicle_id')
    .leftJoin('parts as p', 'p.id', 'o.part_id')
    .leftJoin('warranty_old_parts as w', 'w.old_part_id', 'o.id')
    .leftJoin('warranty_claims as c', 'c.id', 'w.claim_id')
    .leftJoin('warranty_shipments as s', 's.id', 'w.shipment_id')
    .select([
      'o.id', 'o.tag', 'o.ro_id', 'r.number as ro_number', 'v.vin', 'v.make', 'p.part_number', 'o.description', 'o.quantity_milli', 'o.disposition', 'o.created_at', 'o.version',
      'w.claim_id', 'c.number as claim_number', 'c.state as claim_state', 'w.place', 'w.handling', 'w.due_on', 'w.kept_at', 'w.scrapped_at', 'w.scrap_reason',
      's.id as shipment_id', 's.number as shipment_number', 's.state as shipment_state',
    ])
    .where('o.warranty', '=', 1)

type ShelfRow = InferResult<ReturnType<typeof selectShelf>>[number]

function shelfState(r: ShelfRow): ShelfState {
  if (r.scrapped_at) return 'scrapped'
  if (r.shipment_state === 'received') return 'received'
  if (r.shipment_state === 'shipped') return 'shipped'
  if (r.shipment_state === 'open') return 'packed'
  return r.claim_id === null ? 'pending' : 'kept'
}

function toShelf(r: ShelfRow, today: string): ShelfPart {
  const state = shelfState(r)
  const overdue = state === 'kept' && r.handling === 'return' && r.due_on !== null && r.due_on < today
  const scrappable = state === 'kept' && r.handling === 'retain' && r.due_on !== null && r.due_on < today && (r.claim_state === 'paid' || r.claim_state === 'written_off')
  return {
    id: r.id,
    tag: r.tag,
    version: r.version,
    roId: r.ro_id,
    roNumber: r.ro_number,
    vin: r.vin,
    partNumber: r.part_number,
    description: r.description,
    quantityMilli: r.quantity_milli,
    taggedAt: r.created_at,
    state,
    claim: r.claim_id !== null && r.claim_number !== null && r.claim_state !== null ? { id: r.claim_id, number: r.claim_number, state: r.claim_state } : null,
    place: r.place,
    handling: r.handling,
    dueOn: r.due_on,
    keptAt: r.kept_at,
    shipment: r.shipment_id !== null && r.shipment_number !== null ? { id: r.shipment_id, number: r.shipment_number } : null,
    scrapReason: r.scrap_reason ?? '',
    overdue,
    scrappable,
  }
}

export function shelfPart(ctx: Ctx, id: number): ShelfPart {
  const row = first(ctx.store, selectShelf(ctx).where('o.id', '=', id))
  if (!row) throw notFound('entity.oldPart', id)
  return toShelf(row, localDate(ctx.clock.now(), ctx.timeZone))
}

export function listShelf(ctx: Ctx, input: In<'warranty.parts.shelf'>): Out<'warranty.parts.shelf'> {
  const today = localDate(ctx.clock.now(), ctx.timeZone)
  let query = selectShelf(ctx)
  if (input.claimId) query = query.where('w.claim_id', '=', input.claimId)
  if (input.shipmentId) query = query.where('w.shipment_id', '=', input.shipmentId)
  const rows = all(ctx.store, query.orderBy('o.id', 'desc').limit(input.limit)).map((r) => toShelf(r, today))
  return input.state ? rows.filter((r) => r.state === input.state) : rows
}

/** The maker's rule for a make (its own row, else the default row ''). */
function partRule(ctx: Ctx, make: string): { return_days: number; retain_days: number } {
  const rows = all(ctx.store, ctx.store.db.selectFrom('warranty_part_rules').select(['make', 'return_days', 'retain_days']).where('make', 'in', [make, '']))
  const rule = rows.find((r) => r.make === make) ?? rows.find((r) => r.make === '')
  return rule ?? { return_days: 30, retain_days: 90 }
}

export function keepPart(ctx: UserCtx, input: In<'warranty.parts.keep'>): Out<'warranty.parts.keep'> {
  const part = shelfPart(ctx, input.id)
  expectVersion('old_parts', part.id, input.version, part.version)
  if (part.state !== 'pending') throw new AppError('INVALID_STATE', 'warranty.parts.alreadyKept', { tag: part.tag })
  const claim = first(ctx.store, ctx.store.db.selectFrom('warranty_claims').select(['id', 'number', 'ro_id']).where('id', '=', input.claimId))
  if (!claim) throw notFound('entity.warrantyClaim', input.claimId)
  if (claim.ro_id !== part.roId) {
    throw new AppError('VALIDATION', 'warranty.parts.otherRo', { tag: part.tag, number: claim.number }, { fields: [{ field: 'claimId', message: 'warranty.parts.otherRo' }] })
  }
  const make = first(ctx.store, ctx.store.db.selectFrom('vehicles as v').innerJoin('repair_orders as r', 'r.vehicle_id', 'v.id').select('v.make').where('r.id', '=', part.roId))?.make ?? ''
  const rule = partRule(ctx, make)
  const today = localDate(ctx.clock.now(), ctx.timeZone)
  const dueOn = addDays(today, input.handling === 'return' ? rule.return_days : rule.retain_days)
  // The parts counter's own move (pending → kept for warranty) and its audit; the version moves once there.
  disposeOldPart(ctx, { id: part.id, version: part.version, disposition: 'kept_for_warranty', note: '' })
  run(
    ctx.store,
    ctx.store.db.insertInto('warranty_old_parts').values({
      old_part_id: part.id,
      claim_id: claim.id,
      place: input.place,
      handling: input.handling,
      due_on: dueOn,
      kept_by: ctx.user.id,
      kept_at: ctx.nowIso(),
    }),
  )
  ctx.audit({ action: 'warranty.parts.keep', entity: 'old_part', entityId: part.id, detail: { tag: part.tag, claimNumber: claim.number, place: input.place, handling: `warranty.handling.${input.handling}`, dueOn } })
  ctx.events.emit({ type: 'oldpart.changed', id: part.id })
  ctx.events.emit({ type: 'warranty.changed', id: claim.id })
  return shelfPart(ctx, part.id)
}

/** Scrap authorisation (报废授权): a retained part, retention over, claim paid or written off. */
export function scrapPart(ctx: UserCtx, input: In<'warranty.parts.scrap'>): Out<'warranty.parts.scrap'> {
  const part = shelfPart(ctx, input.id)
  expectVersion('old_parts', part.id, input.version, part.version)
  if (!part.scrappable) {
    throw new AppError('INVALID_STATE', 'warranty.parts.notScrappable', {
      tag: part.tag,
      dueOn: part.dueOn ?? '—',
      state: part.claim ? `warranty.state.${part.claim.state}` : `warranty.shelf.${part.state}`,
    })
  }
  // The warranty desk authorises the scrap the counter's own moves never allow for a warranty part.
  updateVersioned(ctx, 'old_parts', part.id, part.version, { disposition: 'scrapped', disposed_by: ctx.user.id, disposed_at: ctx.nowIso() })
  run(ctx.store, ctx.store.db.updateTable('warranty_old_parts').set({ scrapped_by: ctx.user.id, scrapped_at: ctx.nowIso(), scrap_reason: input.reason }).where('old_part_id', '=', part.id))
  ctx.audit({ action: 'warranty.parts.scrap', entity: 'old_part', entityId: part.id, detail: { tag: part.tag, claimNumber: part.claim?.number ?? '', dueOn: part.dueOn ?? '', reason: input.reason } })
  ctx.events.emit({ type: 'oldpart.changed', id: part.id })
  return shelfPart(ctx, part.id)
}

export function partLabel(ctx: Ctx, input: In<'warranty.parts.label'>): Out<'warranty.parts.label'> {
  const part = shelfPart(ctx, input.id)
  if (!part.claim || !part.keptAt) throw new AppError('INVALID_STATE', 'warranty.parts.notKept', { tag: part.tag })
  const keptOn = part.keptAt.slice(0, 10)
  return {
    tag: part.tag,
    claimNumber: part.claim.number,
    roNumber: part.roNumber,
    vin: part.vin,
    partNumber: part.partNumber,
    description: part.description,
    keptOn,
    place: part.place ?? '',
    handling: part.handling ?? 'return',
    dueOn: part.dueOn ?? '',
    qrText: labelPayload({ claimNumber: part.claim.number, vin: part.vin, partNumber: part.partNumber, keptOn }),
    tagBars: encodableB(part.tag) ? code128B(part.tag) : '',
  }
}
