// Warranty money (索赔款): the warranty invoice of a settled RO is the receivable from the maker, and
// the RO's claims claim it. Each claim's part of the invoice (its claimed amount in the ledger) is
// the invoice's gross shared by the claims' totals — the last claim takes the rounding, so the
// parts add up to the invoice to the fen. What the maker pays less than that is written off or
// re-charged, with a reason.

export const DIFFERENCE_DISPOSITIONS = ['write_off', 'recharge_customer', 'recharge_internal'] as const
export type DifferenceDisposition = (typeof DIFFERENCE_DISPOSITIONS)[number]

/** Each claim's share of `grossFen`, in the order given, weighted by `totalFen` (equal when all are 0). */
export function claimShares(grossFen: number, claims: readonly { id: number; totalFen: number }[]): Map<number, number> {
  const shares = new Map<number, number>()
  if (claims.length === 0) return shares
  const weightOf = (c: { totalFen: number }) => (claims.every((x) => x.totalFen <= 0) ? 1 : Math.max(0, c.totalFen))
  const weights = claims.reduce((s, c) => s + weightOf(c), 0)
  let given = 0
  claims.forEach((c, i) => {
    const share = i === claims.length - 1 ? grossFen - given : Math.floor((grossFen * weightOf(c)) / weights)
    shares.set(c.id, share)
    given += share
  })
  return shares
}

/**
 * Net and VAT of a re-charged difference of `grossFen`, in the warranty invoice's own proportion
 * (the difference is part of that invoice's gross, VAT included): VAT rounded half up, net the rest.
 */
export function rechargeSplit(grossFen: number, of: { vat_fen: number; gross_fen: number }): { netFen: number; vatFen: number } {
  const vatFen = of.gross_fen <= 0 ? 0 : Math.floor((grossFen * of.vat_fen * 2 + of.gross_fen) / (2 * of.gross_fen))
  return { netFen: grossFen - vatFen, vatFen }
}
