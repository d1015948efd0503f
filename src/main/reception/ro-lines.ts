import type { Ctx, UserCtx } from '../api/context'
import { AppError } from '../api/app-error'
import type { FieldIssue } from '../../shared/contract/errors'
import { canEditLines } from '../../shared/domain/ro-state'
import { lineAmount, totalsOf } from '../../shared/domain/money'
import { getSetting } from '../settings/settings'
import type { In, Out } from './types'
import { emptyToNull } from './customers'
import { invalidState, loadLines, loadRoForWrite, type LineRow } from './ro-rows'
import { contentHash, reviseIfChanged, type HashLine } from './ro-content'
import { getRoDetail } from './ro-detail'
import { updateVersioned } from './versioned'

// The estimate's lines (报价项目). The whole list is saved at once (positions 1..n), amounts and
// VAT are computed here, never taken from the client, and the stored totals are kept in step.

type LineInput = In<'ro.saveLines'>['lines'][number]

function lineIssues(ctx: Ctx, lines: readonly LineInput[]): FieldIssue[] {
  const issues: FieldIssue[] = []
  const part = ctx.store.prepare('SELECT active FROM parts WHERE id = ?')
  lines.forEach((line, i) => {
    const field = `lines.${i}.partId`
    if (line.kind === 'labour' && line.partId !== undefined) issues.push({ field, message: 'reception.labourLineHasPart' })
    if (line.kind !== 'part') return
    if (line.partId === undefined) {
      issues.push({ field, message: 'reception.partLineNeedsPart' })
      return
    }
    const row = part.get(line.partId) as { active: number } | undefined
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

export function saveLines(ctx: UserCtx, input: In<'ro.saveLines'>): Out<'ro.saveLines'> {
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
  const hash = contentHash(ro.type, lines)
  const before = loadLines(ctx, ro.id)
  const { state, revised } = reviseIfChanged(ctx, ro, hash)

  ctx.store.prepare('DELETE FROM ro_lines WHERE ro_id = ?').run(ro.id)
  const insert = ctx.store.prepare(
    `INSERT INTO ro_lines (ro_id, position, kind, op_code, part_id, description, quantity_milli, unit_price_fen, amount_fen,
       payer, vat_rate_bp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  lines.forEach((l, i) =>
    insert.run(ro.id, i + 1, l.kind, l.opCode, l.partId, l.description, l.quantityMilli, l.unitPriceFen, l.amountFen, l.payer, l.vatRateBp),
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
