import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoApp, type DemoTestApp } from '../../test-support/test-app'

// The demo dealership's warranty call list: cars whose warranty milestone is a few weeks ahead,
// due to be called today, each with its reason.

let t: DemoTestApp

// Generating the demo dealership takes a while on a loaded machine.
beforeAll(async () => {
  t = await demoApp()
}, 240_000)
afterAll(() => t.close())

describe('the demo warranty call list', () => {
  it('has coverage-expiry calls due today with their reasons', async () => {
    const calls = await t.call<{ months: number; reason: string; endsOn: string; dueDate: string }[]>('warranty.calls.list', {})
    expect(calls.length).toBeGreaterThanOrEqual(5)
    expect(new Set(calls.map((c) => c.months)).size).toBeGreaterThanOrEqual(3)
    expect(calls.every((c) => c.reason.length > 10 && c.dueDate <= c.endsOn)).toBe(true)
  })
})
