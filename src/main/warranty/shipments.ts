import type { InferResult } from 'kysely'
import type { Ctx, UserCtx } from '../api/context'
import { AppError, conflict, notFound } from '../api/app-error'
import { zonedParts } from '../../shared/domain/time'
import { disposeOldPart } from '../parts/old-parts'
import { all, first, insertId, run } from '../store/query'
import { getSetting } from '../settings/settings'
import { listShelf, shelfPart } from './old-parts'
import type { In, Out } from './types'

// Return shipments (回运单): kept warranty parts batched into one shipment to the maker, its packing
// list printed, shipped with the carrier's waybill (each part then shipped to the maker at the
// parts counter's ledger of old parts), and the maker's receipt recorded when it arrives.

type ShipmentOut = Out<'warranty.shipments.get'>

const selectShipments = (ctx: Ctx) =>
  ctx.store.db
    .selectFrom('warranty_shipments as s')
    .innerJoin('users as u', 'u.id', 's.created_by')
    .select([
      's.id', 's.number', 's.state', 's.carrier', 's.waybill', 's.receipt_ref', 's.note', 's.created_at', 's.shipped_at', 's.received_at', 's.version', 'u.display_name as created_by_name',
      (eb) => eb.selectFrom('warranty_old_parts as w').select((e) => e.fn.countAll<number>().as('n')).whereRef('w.shipment_id', '=', 's.id').as('parts'),
    ])

type ShipmentRow = InferResult<ReturnType<typeof selectShipments>>[number]

const head = (r: ShipmentRow) => ({
  id: r.id,
  number: r.number,
  state: r.state,
  carrier: r.carrier,
  waybill: r.waybill,
  receiptRef: r.receipt_ref,
  note: r.note,
  createdAt: r.created_at,
  createdBy: r.created_by_name,
  shippedAt: r.shipped_at,
  receivedAt: r.received_at,
  version: r.version,
  parts: r.parts ?? 0,
})

function loadShipment(ctx: Ctx, id: number): ShipmentRow {
  const row = first(ctx.store, selectShipments(ctx).where('s.id', '=', id))
  if (!row) throw notFound('entity.warrantyShipment', id)
  return row
}

export function getShipment(ctx: Ctx, id: number): ShipmentOut {
  const row = loadShipment(ctx, id)
  return {
    ...head(row),
    lines: listShelf(ctx, { shipmentId: id, limit: 500 }).reverse(),
    dealer: { name: getSetting(ctx.store, 'dealer.name'), code: getSetting(ctx.store, 'dealer.code') },
  }
}

export function listShipments(ctx: Ctx, input: In<'warranty.shipments.list'>): Out<'warranty.shipments.list'> {
  const query = input.state ? selectShipments(ctx).where('s.state', '=', input.state) : selectShipments(ctx)
  return all(ctx.store, query.orderBy('s.id', 'desc').limit(input.limit)).map(head)
}

function nextShipmentNumber(ctx: Ctx): string {
  const year = zonedParts(ctx.clock.now(), ctx.timeZone).year
  const row = first(
    ctx.store,
    ctx.store.db
      .insertInto('sequences')
      .values({ name: `hy:${year}`, value: 1 })
      .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('value', '+', 1) })))
      .returning('value'),
  )!
  return `HY${year}${String(row.value).padStart(6, '0')}`
}

export function createShipment(ctx: UserCtx, input: In<'warranty.shipments.create'>): Out<'warranty.shipments.create'> {
  const parts = input.oldPartIds.map((id) => shelfPart(ctx, id))
  const unfit = parts.findIndex((p) => p.state !== 'kept' || p.handling !== 'return')
  if (unfit >= 0) {
    const p = parts[unfit]!
    throw new AppError('INVALID_STATE', 'warranty.shipments.partUnfit', { tag: p.tag, state: `warranty.shelf.${p.state}` }, { fields: [{ field: `oldPartIds.${unfit}`, message: 'warranty.shipments.partUnfit' }] })
  }
  const at = ctx.nowIso()
  const number = nextShipmentNumber(ctx)
  const id = insertId(ctx.store, ctx.store.db.insertInto('warranty_shipments').values({ number, note: input.note, created_by: ctx.user.id, created_at: at }))
  run(ctx.store, ctx.store.db.updateTable('warranty_old_parts').set({ shipment_id: id }).where('old_part_id', 'in', input.oldPartIds))
  ctx.audit({ action: 'warranty.shipments.create', entity: 'warranty_shipment', entityId: id, detail: { number, tags: parts.map((p) => p.tag).join('、') } })
  ctx.events.emit({ type: 'oldpart.changed', id })
  return getShipment(ctx, id)
}

function moveShipment(ctx: UserCtx, row: ShipmentRow, version: number, from: 'open' | 'shipped', set: Record<string, string | number>): void {
  if (row.version !== version) throw conflict('entity.warrantyShipment', row.id, version, row.version)
  if (row.state !== from) throw new AppError('INVALID_STATE', 'warranty.shipments.stateRefuses', { number: row.number, state: `warranty.shipmentState.${row.state}` })
  const result = run(
    ctx.store,
    ctx.store.db
      .updateTable('warranty_shipments')
      .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
      .where('id', '=', row.id)
      .where('version', '=', version),
  )
  if (result.changes !== 1) throw conflict('entity.warrantyShipment', row.id, version, row.version + 1)
}

export function shipShipment(ctx: UserCtx, input: In<'warranty.shipments.ship'>): Out<'warranty.shipments.ship'> {
  const row = loadShipment(ctx, input.id)
  if ((row.parts ?? 0) === 0) throw new AppError('INVALID_STATE', 'warranty.shipments.empty', { number: row.number })
  moveShipment(ctx, row, input.version, 'open', { state: 'shipped', carrier: input.carrier, waybill: input.waybill, shipped_by: ctx.user.id, shipped_at: ctx.nowIso() })
  // Each part leaves the shelf: the parts counter's move kept → shipped to the maker.
  for (const p of listShelf(ctx, { shipmentId: row.id, limit: 500 })) {
    disposeOldPart(ctx, { id: p.id, version: p.version, disposition: 'shipped_to_maker', note: row.number })
  }
  ctx.audit({ action: 'warranty.shipments.ship', entity: 'warranty_shipment', entityId: row.id, detail: { before: 'open', after: 'shipped', number: row.number, carrier: input.carrier, waybill: input.waybill } })
  ctx.events.emit({ type: 'oldpart.changed', id: row.id })
  return getShipment(ctx, row.id)
}

export function receiveShipment(ctx: UserCtx, input: In<'warranty.shipments.receive'>): Out<'warranty.shipments.receive'> {
  const row = loadShipment(ctx, input.id)
  moveShipment(ctx, row, input.version, 'shipped', { state: 'received', receipt_ref: input.receiptRef, received_by: ctx.user.id, received_at: ctx.nowIso() })
  ctx.audit({ action: 'warranty.shipments.receive', entity: 'warranty_shipment', entityId: row.id, detail: { before: 'shipped', after: 'received', number: row.number, receiptRef: input.receiptRef } })
  ctx.events.emit({ type: 'oldpart.changed', id: row.id })
  return getShipment(ctx, row.id)
}
