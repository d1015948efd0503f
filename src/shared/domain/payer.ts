// Who pays for a repair-order line. Each payer gets its own invoice or claim, so totals and VAT
// are always kept per payer.

export const PAYERS = ['customer', 'warranty', 'insurance', 'internal', 'campaign'] as const
export type Payer = (typeof PAYERS)[number]

export function isPayer(value: unknown): value is Payer {
  return typeof value === 'string' && (PAYERS as readonly string[]).includes(value)
}
