import type { TestApp } from '../test-support/test-app'
import { readyRo, relogin } from '../rules/test-helpers'

// Care tests start from a delivered RO: a warranty line (the maker pays, so the car is not held
// at the gate), settled and delivered through the cashier's channels at the clock's time.

export async function deliveredRo(t: TestApp): Promise<{ id: number; number: string }> {
  const ro = await readyRo(t, { type: 'repair', lines: [{ payer: 'warranty', amountFen: 20_000 }] })
  const settled = await t.ok('cashier', 'settlement.settle', { roId: ro.id, version: ro.version })
  await t.ok('cashier', 'settlement.deliver', { roId: ro.id, version: settled.ro.version })
  return { id: ro.id, number: ro.number }
}

/** The follow-up a delivery created for `roId`, as the front-desk supervisor's list shows it. */
export async function followUpOf(t: TestApp, roId: number) {
  const rows = await t.ok('front_desk_supervisor', 'care.followups.list', { state: 'all', limit: 500 })
  const row = rows.find((r) => r.roId === roId)
  if (!row) throw new Error(`no follow-up for RO ${roId}`)
  return row
}

export const FULL_SURVEY = (score: number) =>
  (['overall', 'advisor', 'quality', 'on_time', 'price_explained'] as const).map((question) => ({ question, score }))

/** Delivers an RO at `at` (local ISO), then sets the clock to `then` (sessions logged in again). */
export async function deliveredAt(t: TestApp, at: string, then: string): Promise<{ id: number; number: string }> {
  t.clock.set(at)
  await relogin(t)
  const ro = await deliveredRo(t)
  t.clock.set(then)
  await relogin(t)
  return ro
}
