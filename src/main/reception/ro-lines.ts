import type { Ctx, UserCtx } from '../api/context'
import { AppError } from '../api/app-error'
import type { FieldIssue } from '../../shared/contract/errors'
import { canEditLines } from '../../shared/domain/ro-state'
import { lineAmount, totalsOf } from '../../shared/domain/money'
import { getSetting } from '../settings/settings'
import { preparedQuery } from '../store/query'
import type { In, Out } from './types'
import { emptyToNull } from './customers'
import { invalidState, loadLines, loadRoForWrite, type LineRow } from './ro-rows'
import { reviseIfChanged } from './ro-content'
import { contentHash, type HashLine } from '../repair-order/content-hash'
import { getRoDetail } from './ro-detail'
import { updateVersioned } from './versioned'
import type { RoLineCheck } from '../repair-order/line-check'

// The estimate's lines (报价项目). The whole list is saved at once (positions 1..n), amounts and
// VAT are computed here, never taken from the client, and the stored totals are kept in step.

const partActive = preparedQuery<{ id: number }>()((db, p) => db.selectFrom('parts').select('active').where('id', '=', p.id))
const deleteLines = preparedQuery<{ roId: number }>()((db, p) => db.deleteFrom('ro_lines').where('ro_id', '=', p.roId))
const insertLine = preparedQuery<{
  roId: number
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
}>()((db, p) =>
  db.insertInto('ro_lines').values({
    ro_id: p.roId,
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
  }),
)

type LineInput = In<'ro.saveLines'>['lines'][number]

function lineIssues(ctx: Ctx, lines: readonly LineInput[]): FieldIssue[] {
  const issues: FieldIssue[] = []
  lines.forEach((line, i) => {
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

/** Saves the estimate's lines; `checkLines` (handed in: warranty coverage) judges them first. */
export function saveLines(ctx: UserCtx, input: In<'ro.saveLines'>, checkLines: RoLineCheck): Out<'ro.saveLines'> {
  const ro = loadRoForWrite(ctx, input.id, input.version)
  if (!canEditLines(ro.state)) throw invalidState(ro, 'reception.op.saveLines')
  const issues = lineIssues(ctx, input.lines)
  if (issues.length > 0) throw new AppError('VALIDATION', 'reception.linesInvalid', {}, { fields: issues })

  // The rate in force is stored on each line: a later change of the setting does not reprice it.
  const vatRateBp = getSetting(ctx.store, 'vat.rateBp')
  const lines = input.lines.map((l) => ({
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
  checkLines(ctx, ro, lines, input.warrantyOverride?.reason)
  const hash = contentHash(ro.type, lines)
  const before = loadLines(ctx, ro.id)
  const { state, revised } = reviseIfChanged(ctx, ro, hash)

  deleteLines.run(ctx.store, { roId: ro.id })
  lines.forEach((l, i) =>
    insertLine.run(ctx.store, {
      roId: ro.id,
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
    }),
  )
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
