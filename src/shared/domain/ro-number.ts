// Repair-order numbers as printed on the job card and invoice: `RO2026000123`. The year keeps
// numbers short and lets the sequence restart each year; the fixed width makes them sort.

export interface RoNumberParts {
  year: number
  seq: number
}

export const RO_SEQ_MAX = 999_999

const RO_NUMBER = /^RO(\d{4})(\d{6})$/

function assertParts(year: number, seq: number): void {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Year must have 4 digits: ${year}`)
  if (!Number.isInteger(seq) || seq < 1 || seq > RO_SEQ_MAX) throw new RangeError(`Sequence must be 1–${RO_SEQ_MAX}: ${seq}`)
}

/** `formatRoNumber(2026, 123)` → `RO2026000123`. Throws for a year or sequence that does not fit. */
export function formatRoNumber(year: number, seq: number): string {
  assertParts(year, seq)
  return `RO${year}${String(seq).padStart(6, '0')}`
}

/** The year and sequence of an RO number (case and surrounding spaces ignored), or null. */
export function parseRoNumber(s: string): RoNumberParts | null {
  const match = RO_NUMBER.exec(s.trim().toUpperCase())
  if (!match) return null
  const year = Number(match[1])
  const seq = Number(match[2])
  if (year < 1000 || seq < 1) return null
  return { year, seq }
}
