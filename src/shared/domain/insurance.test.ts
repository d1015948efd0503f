import { describe, expect, it } from 'vitest'
import { splitClaim, type SplitInputLine } from './insurance'
import { totalsOf, vatOnNet } from './money'
import { draftInvoicesFromTotals } from './settlement'

// The insurer/customer split of an insurance RO's lines, reconciling to the fen.

const line = (lineId: number, amountFen: number, payer: SplitInputLine['payer'] = 'insurance', vatRateBp = 1300): SplitInputLine => ({ lineId, amountFen, vatRateBp, payer })

describe('splitting an insurance RO between the insurer and the customer', () => {
  it('pays the insurer what was assessed, moves betterment, refusals and the deductible to the customer', () => {
    const lines = [line(1, 80_000), line(2, 120_003), line(3, 45_001), line(4, 30_000, 'customer', 600)]
    const split = splitClaim(
      lines,
      [
        { lineId: 1, assessedFen: 80_000, reason: 'refused' },
        { lineId: 2, assessedFen: 100_000, reason: 'betterment' },
        { lineId: 3, assessedFen: 0, reason: 'refused' },
      ],
      [{ lineId: 2, amountFen: 10_000 }],
      50_000,
    )
    expect(split.lines.map((l) => [l.lineId, l.insurerFen, l.customerFen, l.deductibleFen, l.reason])).toEqual([
      [1, 30_000, 50_000, 50_000, null],
      [2, 110_000, 10_003, 0, 'betterment'],
      [3, 0, 45_001, 0, 'refused'],
      [4, 0, 0, 0, null],
    ])
    expect(split.deductibleAppliedFen).toBe(50_000)
    const ro = totalsOf(lines)
    expect(split.byPayer.insurance).toEqual({ netFen: 140_000, vatFen: vatOnNet(140_000, 1300), grossFen: 140_000 + vatOnNet(140_000, 1300) })
    expect(split.byPayer.customer.netFen).toBe(50_000 + 10_003 + 45_001 + 30_000)
    expect(split.byPayer.insurance.grossFen + split.byPayer.customer.grossFen).toBe(ro.grossFen)
    expect(split.byPayer.insurance.vatFen + split.byPayer.customer.vatFen).toBe(ro.vatFen)
  })

  it('never bills the insurer more than a line comes to, nor a deductible above its share', () => {
    const split = splitClaim([line(1, 10_000)], [{ lineId: 1, assessedFen: 15_000, reason: 'refused' }], [], 99_999)
    expect(split.lines[0]).toMatchObject({ insurerFen: 0, customerFen: 10_000, deductibleFen: 10_000, reason: null })
    expect(split.deductibleAppliedFen).toBe(10_000)
  })

  it('reconciles to the fen for awkward amounts and mixed VAT rates', () => {
    let seed = 7
    const rand = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
      return seed % n
    }
    for (let round = 0; round < 300; round += 1) {
      const lines = Array.from({ length: 1 + rand(6) }, (_, i) => line(i + 1, 1 + rand(500_000), rand(4) === 0 ? 'customer' : 'insurance', [1300, 600, 900][rand(3)]!))
      const assessed = lines.filter(() => rand(3) > 0).map((l) => ({ lineId: l.lineId, assessedFen: rand(l.amountFen + 1_000), reason: 'refused' as const }))
      const split = splitClaim(lines, assessed, [], rand(100_000))
      const drafts = draftInvoicesFromTotals(split.byPayer)
      expect(drafts.reduce((s, d) => s + d.grossFen, 0)).toBe(totalsOf(lines).grossFen)
      for (const d of drafts) expect(d.netFen + d.vatFen).toBe(d.grossFen)
      split.lines.forEach((l, i) => expect(l.insurerFen + l.customerFen).toBe(lines[i]!.payer === 'insurance' ? lines[i]!.amountFen : 0))
    }
  })
})
