import type { InferResult } from 'kysely'
import type { Ctx, UserCtx } from '../api/context'
import { all, first, insertId } from '../store/query'
import { AppError, notFound } from '../api/app-error'
import { receive } from '../../shared/domain/stock'
import type { In, Out } from './types'
import { partBasics } from './part-rows'
import { postMove, stockOf } from './ledger'
import { loadRoHead, noteShortage } from './counter'
import { expectVersion, updateVersioned } from '../api/versioned'

// External purchases (外采): parts bought outside the maker's channel when the shelf cannot serve
// an RO. Manual: the workshop supervisor confirms their quality before they are fitted, so they
// reach the stock only on acceptance; a rejected part never enters it.

type ExternalOut = Out<'purchasing.external.create'>

const selectExternal = (ctx: Ctx) =>
  ctx.store.db
    .selectFrom('external_purchases as e')
    .innerJoin('parts as p', 'p.id', 'e.part_id')
    .leftJoin('repair_orders as r', 'r.id', 'e.ro_id')
    .innerJoin('users as ru', 'ru.id', 'e.requested_by')
    .leftJoin('users as du', 'du.id', 'e.decided_by')
    .select([
      'e.id',
      'e.ro_id',
      'r.number as ro_number',
      'e.part_id',
      'p.part_number',
      'p.name',
      'e.supplier_name',
      'e.quantity_milli',
      'e.unit_cost_fen',
      'e.invoice_ref',
      'e.note',
      'e.state',
      'ru.display_name as requested_by',
      'e.created_at',
      'du.display_name as decided_by',
      'e.decided_at',
      'e.qc_note',
      'e.version',
    ])

type Row = InferResult<ReturnType<typeof selectExternal>>[number]

const toOut = (r: Row): ExternalOut => ({
  id: r.id,
  roId: r.ro_id,
  roNumber: r.ro_number,
  partId: r.part_id,
  partNumber: r.part_number,
  name: r.name,
  supplierName: r.supplier_name,
  quantityMilli: r.quantity_milli,
  unitCostFen: r.unit_cost_fen,
  invoiceRef: r.invoice_ref,
  note: r.note,
  state: r.state,
  requestedBy: r.requested_by,
  createdAt: r.created_at,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  qcNote: r.qc_note,
  version: r.version,
})

function byId(ctx: Ctx, id: number): Row {
  const row = first(ctx.store, selectExternal(ctx).where('e.id', '=', id))
  if (!row) throw notFound('entity.externalPurchase', id)
  return row
}

export function listExternal(ctx: Ctx, input: In<'purchasing.external.list'>): Out<'purchasing.external.list'> {
  const state = input.state
  const rows = all(
    ctx.store,
    selectExternal(ctx)
      .$if(Boolean(state), (q) => q.where('e.state', '=', state!))
      .orderBy('e.id', 'desc')
      .limit(input.limit),
  )
  return rows.map(toOut)
}

export function createExternal(ctx: UserCtx, input: In<'purchasing.external.create'>): Out<'purchasing.external.create'> {
  const part = partBasics(ctx.store, input.partId)
  if (input.roId !== undefined) {
    const ro = loadRoHead(ctx.store, input.roId)
    noteShortage(ctx, ro.id, part.id, 'external_purchase', input.note)
  }
  const id = insertId(
    ctx.store,
    ctx.store.db.insertInto('external_purchases').values({
      ro_id: input.roId ?? null,
      part_id: part.id,
      supplier_name: input.supplierName,
      quantity_milli: input.quantityMilli,
      unit_cost_fen: input.unitCostFen,
      invoice_ref: input.invoiceRef,
      note: input.note,
      state: 'pending_qc',
      requested_by: ctx.user.id,
      created_at: ctx.nowIso(),
    }),
  )
  ctx.audit({ action: 'external.create', entity: 'external_purchase', entityId: id, detail: { partId: part.id, roId: input.roId, quantityMilli: input.quantityMilli, unitCostFen: input.unitCostFen } })
  ctx.events.emit({ type: 'external.changed', id })
  return toOut(byId(ctx, id))
}

/** The workshop supervisor's decision: accepted parts are received into stock for fitting. */
export function decideExternal(ctx: UserCtx, input: In<'purchasing.external.decide'>): Out<'purchasing.external.decide'> {
  const row = byId(ctx, input.id)
  expectVersion('external_purchases', row.id, input.version, row.version)
  if (row.state !== 'pending_qc') throw new AppError('INVALID_STATE', 'parts.externalDecided', { state: `externalState.${row.state}` })
  let moveId: number | null = null
  if (input.accept) {
    const part = partBasics(ctx.store, row.part_id)
    const before = stockOf(ctx.store, part.id)
    const effect = receive(before, row.quantity_milli, row.unit_cost_fen)
    moveId = postMove(ctx, part.id, 'receipt', before, effect, { refType: 'external', refId: row.id, bin: part.bin, reason: row.supplier_name }).id
  }
  updateVersioned(ctx, 'external_purchases', row.id, row.version, {
    state: input.accept ? 'accepted' : 'rejected',
    decided_by: ctx.user.id,
    decided_at: ctx.nowIso(),
    qc_note: input.note,
    move_id: moveId,
  })
  ctx.audit({ action: input.accept ? 'external.accept' : 'external.reject', entity: 'external_purchase', entityId: row.id, detail: { note: input.note, moveId } })
  ctx.events.emit({ type: 'external.changed', id: row.id })
  return toOut(byId(ctx, row.id))
}
