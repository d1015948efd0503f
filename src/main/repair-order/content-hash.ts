import { createHash } from 'node:crypto'
import type { RoType } from '../../shared/domain/ro-type'

// What the customer approves is the content of the estimate: its type and its lines. The hash of
// that content is stored on the RO and on each authorisation, so "is this estimate approved?"
// is one comparison, and any change of content voids the approval. Reception (estimate lines) and
// the workshop (approved additional work) both write lines, so the hash lives below both.

export interface HashLine {
  kind: string
  opCode: string | null
  partId: number | null
  description: string
  quantityMilli: number
  unitPriceFen: number
  payer: string
  vatRateBp: number
}

/** sha256 of a canonical JSON (arrays in a fixed field order, so key order cannot differ). */
export function contentHash(type: RoType, lines: readonly HashLine[]): string {
  const canonical = JSON.stringify([
    type,
    lines.map((l) => [l.kind, l.opCode, l.partId, l.description, l.quantityMilli, l.unitPriceFen, l.payer, l.vatRateBp]),
  ])
  return createHash('sha256').update(canonical).digest('hex')
}
