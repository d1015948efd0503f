// The estimate as the advisor edits it, before it is saved. Amounts and totals use the same
// domain functions as the host, so what the screen shows is what the host will store.
import { lineAmount, totalsOf, type Totals } from '../../../shared/domain/money'
import type { Payer } from '../../../shared/domain/payer'
import type { LabourOpT, PartHitT, RoLineT } from './types'

export interface DraftLine {
  /** Stable React key; server ids are not known for new lines. */
  key: string
  /** The line's id on the host; null for a line not saved yet. Sent back so the line keeps its identity. */
  id: number | null
  kind: 'labour' | 'part'
  opCode: string | null
  partId: number | null
  partNumber: string | null
  description: string
  quantityMilli: number
  unitPriceFen: number
  payer: Payer
  vatRateBp: number
}

let counter = 0
const newKey = () => `new-${++counter}`

export function fromServer(lines: readonly RoLineT[]): DraftLine[] {
  return lines.map((l) => ({
    key: `line-${l.id}`,
    id: l.id,
    kind: l.kind,
    opCode: l.opCode,
    partId: l.partId,
    partNumber: l.partNumber,
    description: l.description,
    quantityMilli: l.quantityMilli,
    unitPriceFen: l.unitPriceFen,
    payer: l.payer,
    vatRateBp: l.vatRateBp,
  }))
}

export function labourLine(op: LabourOpT, rateFen: number, payer: Payer, vatRateBp: number): DraftLine {
  return {
    key: newKey(),
    id: null,
    kind: 'labour',
    opCode: op.code,
    partId: null,
    partNumber: null,
    description: op.description,
    quantityMilli: op.flatHoursMilli,
    unitPriceFen: rateFen,
    payer,
    vatRateBp,
  }
}

export function partLine(part: PartHitT, payer: Payer, vatRateBp: number): DraftLine {
  return {
    key: newKey(),
    id: null,
    kind: 'part',
    opCode: null,
    partId: part.id,
    partNumber: part.partNumber,
    description: part.name,
    quantityMilli: 1000,
    unitPriceFen: part.priceFen,
    payer,
    vatRateBp,
  }
}

export function blankLine(kind: 'labour' | 'part', rateFen: number, payer: Payer, vatRateBp: number): DraftLine {
  return {
    key: newKey(),
    id: null,
    kind,
    opCode: null,
    partId: null,
    partNumber: null,
    description: '',
    quantityMilli: 1000,
    unitPriceFen: kind === 'labour' ? rateFen : 0,
    payer,
    vatRateBp,
  }
}

export function amountOf(line: Pick<DraftLine, 'quantityMilli' | 'unitPriceFen'>): number {
  return lineAmount(line.quantityMilli, line.unitPriceFen)
}

export function draftTotals(lines: readonly DraftLine[]): Totals {
  return totalsOf(lines.map((l) => ({ amountFen: amountOf(l), vatRateBp: l.vatRateBp, payer: l.payer })))
}

/** The `ro.saveLines` input for the draft. */
export function toInput(lines: readonly DraftLine[]) {
  return lines.map((l) => ({
    ...(l.id !== null ? { id: l.id } : {}),
    kind: l.kind,
    ...(l.opCode ? { opCode: l.opCode } : {}),
    ...(l.partId ? { partId: l.partId } : {}),
    description: l.description.trim(),
    quantityMilli: l.quantityMilli,
    unitPriceFen: l.unitPriceFen,
    payer: l.payer,
  }))
}

/** True when the draft differs from what the host holds (order counts: it is printed). */
export function isDirty(draft: readonly DraftLine[], saved: readonly RoLineT[]): boolean {
  return JSON.stringify(toInput(draft)) !== JSON.stringify(toInput(fromServer(saved)))
}
