import { sql } from 'kysely'
import type { Ctx, UserCtx } from '../api/context'
import { first, insertId, run } from '../store/query'
import { AppError, fieldError, notFound } from '../api/app-error'
import { lineAmount } from '../../shared/domain/money'
import { receive } from '../../shared/domain/stock'
import { zonedParts } from '../../shared/domain/time'
import type { In, Out } from './types'
import { partBasics } from './part-rows'
import { postMove, stockOf } from './ledger'
import { loadRoHead, noteShortage } from './counter'
import { supplierById } from './suppliers'
import { expectVersion, updateVersioned } from '../api/versioned'
import { nextNumber } from './next-number'
import { poDetail, type PoRow } from './po-read'

// Purchase orders (采购订单): draft → sent → partly received → closed. Receiving books what came,
// line by line, with any difference from what was expected, and posts receipts to the ledger.
// A special order is a PO line tied to an RO and its customer.

type LineInput = In<'purchasing.po.save'>['lines'][number]

function loadPo(ctx: Ctx, id: number): PoRow {
  const row = first(ctx.store, ctx.store.db.selectFrom('purchase_orders').select(['id', 'number', 'supplier_id', 'state', 'version']).where('id', '=', id))
  if (!row) throw notFound('entity.purchaseOrder', id)
  return row
}

function refuseState(po: PoRow, operation: string): never {
  throw new AppError('INVALID_STATE', 'parts.poStateRefuses', { number: po.number, state: `poState.${po.state}`, operation: `parts.op.${operation}` })
}

function insertLines(ctx: Ctx, poId: number, lines: readonly LineInput[]): void {
  const db = ctx.store.db
  lines.forEach((l, i) => {
    partBasics(ctx.store, l.partId)
    let customerId: number | null = null
    if (l.roId !== undefined) {
      const ro = first(ctx.store, db.selectFrom('repair_orders').select('customer_id').where('id', '=', l.roId))
      if (!ro) throw fieldError('NOT_FOUND', `lines.${i}.roId`, 'parts.roNotFound')
      customerId = ro.customer_id
    }
    run(
      ctx.store,
      db.insertInto('po_lines').values({
        po_id: poId,
        part_id: l.partId,
        quantity_milli: l.quantityMilli,
        unit_cost_fen: l.unitCostFen,
        ro_id: l.roId ?? null,
        customer_id: customerId,
        note: l.note,
      }),
    )
  })
}

function newPo(ctx: UserCtx, supplierId: number, note: string): number {
  const now = ctx.nowIso()
  const number = nextNumber(ctx, 'PO', zonedParts(ctx.clock.now(), ctx.timeZone).year)
  return insertId(
    ctx.store,
    ctx.store.db
      .insertInto('purchase_orders')
      .values({ number, supplier_id: supplierId, state: 'draft', note, created_by: ctx.user.id, created_at: now, updated_at: now }),
  )
}

export function savePo(ctx: UserCtx, input: In<'purchasing.po.save'>): Out<'purchasing.po.save'> {
  supplierById(ctx.store, input.supplierId)
  let id: number
  if (input.id === undefined) {
    id = newPo(ctx, input.supplierId, input.note)
  } else {
    const po = loadPo(ctx, input.id)
    if (input.version === undefined) throw new AppError('VALIDATION', 'parts.versionRequired')
    expectVersion('purchase_orders', po.id, input.version, po.version)
    if (po.state !== 'draft') refuseState(po, 'edit')
    updateVersioned(ctx, 'purchase_orders', po.id, po.version, { supplier_id: input.supplierId, note: input.note })
    run(ctx.store, ctx.store.db.deleteFrom('po_lines').where('po_id', '=', po.id))
    id = po.id
  }
  insertLines(ctx, id, input.lines)
  const out = poDetail(ctx, id)
  ctx.audit({ action: input.id === undefined ? 'po.create' : 'po.update', entity: 'purchase_order', entityId: id, detail: { amountFen: out.amountFen, lines: input.lines } })
  return out
}

export function sendPo(ctx: UserCtx, input: In<'purchasing.po.send'>): Out<'purchasing.po.send'> {
  const po = loadPo(ctx, input.id)
  expectVersion('purchase_orders', po.id, input.version, po.version)
  if (po.state !== 'draft') refuseState(po, 'send')
  updateVersioned(ctx, 'purchase_orders', po.id, po.version, { state: 'sent', sent_at: ctx.nowIso() })
  ctx.audit({ action: 'po.send', entity: 'purchase_order', entityId: po.id })
  return poDetail(ctx, po.id)
}

export function receivePo(ctx: UserCtx, input: In<'purchasing.po.receive'>): Out<'purchasing.po.receive'> {
  const po = loadPo(ctx, input.id)
  expectVersion('purchase_orders', po.id, input.version, po.version)
  if (po.state !== 'sent' && po.state !== 'partly_received') refuseState(po, 'receive')
  const now = ctx.nowIso()
  const db = ctx.store.db
  const receiptId = insertId(ctx.store, db.insertInto('po_receipts').values({ po_id: po.id, at: now, user_id: ctx.user.id, note: input.note }))
  input.lines.forEach((l, i) => {
    const line = first(
      ctx.store,
      db
        .selectFrom('po_lines')
        .select(['id', 'part_id', 'quantity_milli', 'unit_cost_fen', 'received_milli', 'ro_id'])
        .where('id', '=', l.poLineId)
        .where('po_id', '=', po.id),
    )
    if (!line) throw fieldError('NOT_FOUND', `lines.${i}.poLineId`, 'parts.poLineNotFound')
    const expected = Math.max(line.quantity_milli - line.received_milli, 0)
    const unitCost = l.unitCostFen ?? line.unit_cost_fen
    // A difference the clerk did not name is still recorded when it is plain from the figures.
    const difference = l.difference ?? (l.quantityMilli > expected ? 'over' : unitCost !== line.unit_cost_fen ? 'price' : null)
    let moveId: number | null = null
    if (l.quantityMilli > 0) {
      const part = partBasics(ctx.store, line.part_id)
      const before = stockOf(ctx.store, part.id)
      const effect = receive(before, l.quantityMilli, unitCost)
      moveId = postMove(ctx, part.id, 'receipt', before, effect, { refType: 'po', refId: po.id, bin: part.bin, reason: po.number }).id
      run(ctx.store, db.updateTable('po_lines').set({ received_milli: sql<number>`received_milli + ${l.quantityMilli}` }).where('id', '=', line.id))
    }
    run(
      ctx.store,
      db.insertInto('po_receipt_lines').values({
        receipt_id: receiptId,
        po_line_id: line.id,
        expected_milli: expected,
        received_milli: l.quantityMilli,
        unit_cost_fen: unitCost,
        difference,
        note: l.note,
        move_id: moveId,
      }),
    )
  })
  const open = first(
    ctx.store,
    db
      .selectFrom('po_lines')
      .select(sql<number>`COUNT(*)`.as('n'))
      .where('po_id', '=', po.id)
      .whereRef('received_milli', '<', 'quantity_milli'),
  )!
  updateVersioned(ctx, 'purchase_orders', po.id, po.version, open.n === 0 ? { state: 'closed', closed_at: now } : { state: 'partly_received' })
  ctx.audit({ action: 'po.receive', entity: 'purchase_order', entityId: po.id, detail: { receiptId, lines: input.lines } })
  ctx.events.emit({ type: 'po.changed', id: po.id })
  return poDetail(ctx, po.id)
}

export function closePo(ctx: UserCtx, input: In<'purchasing.po.close'>): Out<'purchasing.po.close'> {
  const po = loadPo(ctx, input.id)
  expectVersion('purchase_orders', po.id, input.version, po.version)
  if (po.state === 'closed' || po.state === 'cancelled') refuseState(po, 'close')
  const state = po.state === 'draft' ? 'cancelled' : 'closed'
  updateVersioned(ctx, 'purchase_orders', po.id, po.version, { state, closed_at: ctx.nowIso() })
  ctx.audit({ action: `po.${state === 'cancelled' ? 'cancel' : 'close'}`, entity: 'purchase_order', entityId: po.id, detail: { reason: input.reason } })
  return poDetail(ctx, po.id)
}

/** 订货: orders a part for an RO's customer on the supplier's open draft PO (or a new one). */
export function specialOrder(ctx: UserCtx, input: In<'purchasing.specialOrder'>): Out<'purchasing.specialOrder'> {
  const ro = loadRoHead(ctx.store, input.roId)
  supplierById(ctx.store, input.supplierId)
  const part = partBasics(ctx.store, input.partId)
  noteShortage(ctx, ro.id, part.id, 'special_order', input.note)
  const db = ctx.store.db
  const draft = first(
    ctx.store,
    db.selectFrom('purchase_orders').select('id').where('supplier_id', '=', input.supplierId).where('state', '=', 'draft').orderBy('id', 'desc').limit(1),
  )
  const poId = draft?.id ?? newPo(ctx, input.supplierId, '')
  if (draft) run(ctx.store, db.updateTable('purchase_orders').set({ version: sql<number>`version + 1`, updated_at: ctx.nowIso() }).where('id', '=', poId))
  insertLines(ctx, poId, [{ partId: part.id, quantityMilli: input.quantityMilli, unitCostFen: input.unitCostFen ?? part.costFen, roId: ro.id, note: input.note }])
  ctx.audit({
    action: 'po.specialOrder',
    entity: 'purchase_order',
    entityId: poId,
    detail: { roId: ro.id, partId: part.id, quantityMilli: input.quantityMilli, amountFen: lineAmount(input.quantityMilli, input.unitCostFen ?? part.costFen) },
  })
  return poDetail(ctx, poId)
}
