import { describe, expect, it } from 'vitest'
import { claimShares } from './warranty-money'

describe('claimShares', () => {
  it('gives one claim the whole invoice', () => {
    expect([...claimShares(79_100, [{ id: 7, totalFen: 70_000 }])]).toEqual([[7, 79_100]])
  })
  it('shares by the claims’ totals and adds up to the fen, the last claim taking the rounding', () => {
    const shares = claimShares(10_001, [
      { id: 1, totalFen: 1 },
      { id: 2, totalFen: 1 },
      { id: 3, totalFen: 1 },
    ])
    expect([...shares.values()]).toEqual([3333, 3333, 3335])
    expect([...shares.values()].reduce((s, v) => s + v, 0)).toBe(10_001)
  })
  it('shares equally when no claim has a total yet, and gives nothing to no claims', () => {
    expect([...claimShares(100, [{ id: 1, totalFen: 0 }, { id: 2, totalFen: 0 }]).values()]).toEqual([50, 50])
    expect(claimShares(100, []).size).toBe(0)
  })
})
