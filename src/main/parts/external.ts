import type { Ctx, UserCtx } from '../api/context'
import { AppError, notFound } from '../api/app-error'
import { receive } from '../../shared/domain/stock'
import type { In, Out } from './types'
import { partBasics } from './part-rows'
import { postMove, stockOf } from './ledger'
import { loadRoHead, noteShortage } from './counter'
import { expectVersion, updateVersioned } from './versioned'

// External purchases (外采): parts bought outside the maker's channel when the shelf cannot serve
// an RO. Manual: the workshop supervisor confirms their quality before they are fitted, so they
// reach the stock only on acceptance; a rejected part never enters it.

type ExternalOut = Out<'purchasing.external.create'>

const SQL = `SELECT e.id, e.ro_id, r.number AS ro_number, e.part_id, p.part_number, p.name, e.supplier_name, e.quantity_milli,
    e.unit_cost_fen, e.invoice_ref, e.note, e.state, ru.display_name AS requested_by, e.created_at, du.display_name AS decided_by,
    e.decided_at, e.qc_note, e.version
  FROM external_purchases e JOIN parts p ON p.id = e.part_id LEFT JOIN repair_orders r ON r.id = e.ro_id
  JOIN users ru ON ru.id = e.requested_by LEFT JOIN users du ON du.id = e.decided_by`

interface Row {
  id: number
  ro_id: number | null
  ro_number: string | null
  part_id: number
  part_number: string
  name: string
  supplier_name: string
  quantity_milli: number
  unit_cost_fen: number
  invoice_ref: string
  note: string
  state: 'pending_qc' | 'accepted' | 'rejected'
  requested_by: string
  created_at: string
  decided_by: string | null
  decided_at: string | null
  qc_note: string
  version: number
}

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
  const row = ctx.store.prepare(`${SQL} WHERE e.id = ?`).get(id) as Row | undefined
  if (!row) throw notFound('entity.externalPurchase', id)
  return row
}

export function listExternal(ctx: Ctx, input: In<'purchasing.external.list'>): Out<'purchasing.external.list'> {
  const rows = input.state
    ? (ctx.store.prepare(`${SQL} WHERE e.state = ? ORDER BY e.id DESC LIMIT ?`).all(input.state, input.limit) as Row[])
    : (ctx.store.prepare(`${SQL} ORDER BY e.id DESC LIMIT ?`).all(input.limit) as Row[])
  return rows.map(toOut)
}

export function createExternal(ctx: UserCtx, input: In<'purchasing.external.create'>): Out<'purchasing.external.create'> {
  const part = partBasics(ctx.store, input.partId)
  if (input.roId !== undefined) {
    const ro = loadRoHead(ctx.store, input.roId)
    noteShortage(ctx, ro.id, part.id, 'external_purchase', input.note)
  }
  const id = Number(
    ctx.store
      .prepare(
        `INSERT INTO external_purchases (ro_id, part_id, supplier_name, quantity_milli, unit_cost_fen, invoice_ref, note, state, requested_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'pending_qc', ?, ?)`,
      )
      .run(input.roId ?? null, part.id, input.supplierName, input.quantityMilli, input.unitCostFen, input.invoiceRef, input.note, ctx.user.id, ctx.nowIso())
      .lastInsertRowid,
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
