import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoApp, type DemoTestApp } from '../test-support/test-app'

// The demo dealership's warranty history: claims in several states, returns with the maker's
// reason, and recent warranty repairs still to be claimed today.

let t: DemoTestApp

beforeAll(async () => {
  t = await demoApp()
})
afterAll(() => t.close())

describe('the demo warranty desk', () => {
  it('has claims in several states, returned ones with reasons, and ROs left to claim', async () => {
    const claims = await t.call<{ state: string; lastReason: string }[]>('warranty.claim.list', { limit: 500 })
    const states = new Set(claims.map((c) => c.state))
    expect(states.size).toBeGreaterThanOrEqual(4)
    expect(states).toContain('paid')
    const returned = claims.filter((c) => c.state === 'returned')
    expect(returned.length).toBeGreaterThan(0)
    expect(returned.every((c) => c.lastReason.length > 0)).toBe(true)
    const today = await t.call<{ rosWithoutClaim: unknown[] }>('warranty.today', {})
    expect(today.rosWithoutClaim.length).toBeGreaterThan(0)
  })
})
