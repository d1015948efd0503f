import type { Ctx, UserCtx } from '../api/context'
import { AppError } from '../api/app-error'
import type { FieldIssue } from '../../shared/contract/errors'
import { canEditLines } from '../../shared/domain/ro-state'
import { lineAmount, totalsOf } from '../../shared/domain/money'
import { getSetting } from '../settings/settings'
import { preparedQuery, type Params } from '../store/query'
import type { In, Out } from './types'
import { emptyToNull } from './customers'
import { invalidState, loadLines, loadRoForWrite, type LineRow } from './ro-rows'
import { reviseIfChanged } from './ro-content'
import { contentHash, type HashLine } from '../repair-order/content-hash'
import { getRoDetail } from './ro-detail'
import { updateVersioned } from '../api/versioned'
import type { LineHooks } from '../repair-order/line-check'

// The estimate's lines (报价项目). The whole list is saved at once (positions 1..n), amounts and
// VAT are computed here, never taken from the client, and the stored totals are kept in step.
// A line sent back with its id stays the same row (what hangs on it — an insurance assessment, a
// job — stays with it wherever it moves); a line without an id is new; a line of the RO not sent
// back is removed, once the rooms above have agreed (`checkRemoval`).

const partActive = preparedQuery<{ id: number }>()((db, p) => db.selectFrom('parts').select('active').where('id', '=', p.id))
const deleteLine = preparedQuery<{ id: number }>()((db, p) => db.deleteFrom('ro_lines').where('id', '=', p.id))
// Positions are unique per RO: a kept line is parked on a negative position before the list is renumbered.
const parkLine = preparedQuery<{ id: number }>()((db, p) => db.updateTable('ro_lines').set((eb) => ({ position: eb.neg(eb.ref('id')) })).where('id', '=', p.id))
/** A line's stored columns, bound by name; the same for an update in place and an insert. */
type LineParams = {
  position: number
  kind: 'labour' | 'part'
  opCode: string | null
  partId: number | null
  description: string
  quantityMilli: number
  unitPriceFen: number
  amountFen: number
  payer: string
  vatRateBp: number
}
const lineColumns = (p: Params<LineParams>) => ({
  position: p.position,
  kind: p.kind,
  op_code: p.opCode,
  part_id: p.partId,
  description: p.description,
  quantity_milli: p.quantityMilli,
  unit_price_fen: p.unitPriceFen,
  amount_fen: p.amountFen,
  payer: p.payer,
  vat_rate_bp: p.vatRateBp,
})
const updateLine = preparedQuery<LineParams & { id: number }>()((db, p) => db.updateTable('ro_lines').set(lineColumns(p)).where('id', '=', p.id))
const insertLine = preparedQuery<LineParams & { roId: number }>()((db, p) => db.insertInto('ro_lines').values({ ro_id: p.roId, ...lineColumns(p) }))

type LineInput = In<'ro.saveLines'>['lines'][number]

function lineIssues(ctx: Ctx, lines: readonly LineInput[], onRo: ReadonlySet<number>): FieldIssue[] {
  const issues: FieldIssue[] = []
  const seen = new Set<number>()
  lines.forEach((line, i) => {
    if (line.id !== undefined) {
      if (!onRo.has(line.id) || seen.has(line.id)) issues.push({ field: `lines.${i}.id`, message: 'reception.lineNotOnRo' })
      seen.add(line.id)
    }
    const field = `lines.${i}.partId`
    if (line.kind === 'labour' && line.partId !== undefined) issues.push({ field, message: 'reception.labourLineHasPart' })
    if (line.kind !== 'part') return
    if (line.partId === undefined) {
      issues.push({ field, message: 'reception.partLineNeedsPart' })
      return
    }
    const row = partActive.first(ctx.store, { id: line.partId })
    if (row?.active !== 1) issues.push({ field, message: 'reception.partNotActive' })
  })
  return issues
}

/** What the audit trail keeps of a line: enough to see who changed which amount. */
const auditLine = (l: { description: string; quantityMilli: number; unitPriceFen: number; amountFen: number; payer: string }) => ({
  description: l.description,
  quantityMilli: l.quantityMilli,
  unitPriceFen: l.unitPriceFen,
  amountFen: l.amountFen,
  payer: l.payer,
})

const fromRow = (l: LineRow) =>
  auditLine({ description: l.description, quantityMilli: l.quantity_milli, unitPriceFen: l.unit_price_fen, amountFen: l.amount_fen, payer: l.payer })

/**
 * Saves the estimate's lines; the hooks (handed in) judge them first: `checkLines` the lines
 * written (warranty coverage), `checkRemoval` the lines removed (insurance assessments).
 */
export function saveLines(ctx: UserCtx, input: In<'ro.saveLines'>, hooks: Pick<LineHooks, 'checkLines' | 'checkRemoval'>): Out<'ro.saveLines'> {
  const ro = loadRoForWrite(ctx, input.id, input.version)
  if (!canEditLines(ro.state)) throw invalidState(ro, 'reception.op.saveLines')
  const before = loadLines(ctx, ro.id)
  const issues = lineIssues(ctx, input.lines, new Set(before.map((l) => l.id)))
  if (issues.length > 0) throw new AppError('VALIDATION', 'reception.linesInvalid', {}, { fields: issues })

  // The rate in force is stored on each line: a later change of the setting does not reprice it.
  const vatRateBp = getSetting(ctx.store, 'vat.rateBp')
  const lines = input.lines.map((l) => ({
    id: l.id ?? null,
    kind: l.kind,
    opCode: emptyToNull(l.opCode),
    partId: l.partId ?? null,
    description: l.description,
    quantityMilli: l.quantityMilli,
    unitPriceFen: l.unitPriceFen,
    payer: l.payer,
    vatRateBp,
    amountFen: lineAmount(l.quantityMilli, l.unitPriceFen),
  })) satisfies (HashLine & { amountFen: number })[]
  hooks.checkLines(ctx, ro, lines, input.warrantyOverride?.reason)
  const kept = new Set(lines.flatMap((l) => (l.id === null ? [] : [l.id])))
  const removed = before.filter((l) => !kept.has(l.id))
  hooks.checkRemoval(ctx, ro.id, removed)
  const hash = contentHash(ro.type, lines)
  const { state, revised } = reviseIfChanged(ctx, ro, hash)

  for (const l of removed) deleteLine.run(ctx.store, { id: l.id })
  for (const id of kept) parkLine.run(ctx.store, { id })
  lines.forEach((l, i) => {
    const values = {
      position: i + 1,
      kind: l.kind,
      opCode: l.opCode,
      partId: l.partId,
      description: l.description,
      quantityMilli: l.quantityMilli,
      unitPriceFen: l.unitPriceFen,
      amountFen: l.amountFen,
      payer: l.payer,
      vatRateBp: l.vatRateBp,
    }
    if (l.id === null) insertLine.run(ctx.store, { roId: ro.id, ...values })
    else updateLine.run(ctx.store, { id: l.id, ...values })
  })
  const totals = totalsOf(lines)
  updateVersioned(ctx, 'repair_orders', ro.id, ro.version, {
    state,
    net_fen: totals.netFen,
    vat_fen: totals.vatFen,
    gross_fen: totals.grossFen,
    content_hash: hash,
  })

  ctx.audit({
    action: 'ro.saveLines',
    entity: 'repair_order',
    entityId: ro.id,
    detail: {
      before: { netFen: ro.net_fen, vatFen: ro.vat_fen, grossFen: ro.gross_fen, lines: before.map(fromRow) },
      after: { netFen: totals.netFen, vatFen: totals.vatFen, grossFen: totals.grossFen, lines: lines.map(auditLine) },
    },
  })
  if (revised) {
    ctx.audit({ action: 'ro.revise', entity: 'repair_order', entityId: ro.id, detail: { before: ro.state, after: state } })
  }
  ctx.events.emit({ type: 'ro.changed', id: ro.id })
  return getRoDetail(ctx, ro.id)
}
