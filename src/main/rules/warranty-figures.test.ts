import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { mulDivRound } from '../../shared/domain/stock'
import { claimInput, warrantyRo } from '../warranty/test-warranty'

// The warranty desk's figures against their drill-downs, over months that cross a year end:
// claims decided by the maker from December 2025 to March 2026, the figures read in March.
//
//   A  1 Dec 2025  approved on its first submission                      unpaid, 104 days → over 90
//   B  1 Dec 2025  returned (缺少故障照片), resubmitted, approved 5 Jan  unpaid, 69 days → 61–90
//   C 10 Jan 2026  rejected on its first submission (人为损坏)
//   D  1 Feb 2026  approved on its first submission                      unpaid, 42 days → 31–60
//   F  2 Feb 2026  approved and paid                                     not a receivable
//   E 10 Mar 2026  approved on its first submission                      unpaid, 5 days → 0–30

let t: TestApp
const ids: Record<string, number> = {}

const at = (iso: string) => t.clock.set(iso)

async function submitted(key: string) {
  const ro = await warrantyRo(t)
  const draft = await t.ok('warranty_clerk', 'warranty.claim.fromRo', { roId: ro.roId })
  const saved = await t.ok('warranty_clerk', 'warranty.claim.save', claimInput(draft))
  const checked = await t.ok('warranty_clerk', 'warranty.claim.check', { id: saved.id, version: saved.version })
  const sent = await t.ok('warranty_clerk', 'warranty.claim.submit', { id: checked.id, version: checked.version })
  ids[key] = sent.id
  return sent
}
type Sent = Awaited<ReturnType<typeof submitted>>
const decide = (c: { id: number; version: number }, decision: 'approve' | 'return' | 'reject', reason = '') =>
  t.ok('warranty_clerk', 'warranty.claim.decide', { id: c.id, version: c.version, decision, ...(reason ? { reason } : {}) })

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'workshop_supervisor', 'parts_clerk', 'warranty_clerk', 'service_manager', 'cashier'] })
  at('2025-12-01T02:00:00Z')
  await decide(await submitted('A'), 'approve')
  const returned = await decide(await submitted('B'), 'return', '缺少故障照片')
  at('2025-12-02T02:00:00Z')
  const corrected = await t.ok('warranty_clerk', 'warranty.claim.save', { ...claimInput(returned), failureCode: 'B1A2C4' })
  const again: Sent = await t.ok('warranty_clerk', 'warranty.claim.submit', { id: corrected.id, version: corrected.version })
  at('2026-01-05T02:00:00Z')
  await decide(again, 'approve')
  at('2026-01-10T02:00:00Z')
  await decide(await submitted('C'), 'reject', '人为损坏')
  at('2026-02-01T02:00:00Z')
  await decide(await submitted('D'), 'approve')
  at('2026-02-02T02:00:00Z')
  const f = await decide(await submitted('F'), 'approve')
  await t.ok('warranty_clerk', 'warranty.claim.pay', { id: f.id, version: f.version, paidFen: f.approvedFen ?? f.totalFen, reference: 'PAY-2026-02' })
  at('2026-03-10T02:00:00Z')
  await decide(await submitted('E'), 'approve')
  at('2026-03-15T02:00:00Z')
}, 120_000)
afterAll(() => t.close())

describe('first-submission pass rate', () => {
  it('counts per month of the first decision, across the year end, and each month is the sum of its drill-down', async () => {
    const figures = await t.ok('warranty_clerk', 'warranty.figures', { months: 4 })
    expect(figures.targetBp).toBe(9_800)
    expect(figures.pass).toEqual([
      { month: '2025-12', passed: 1, decided: 2, valueBp: 5_000 },
      { month: '2026-01', passed: 0, decided: 1, valueBp: 0 },
      { month: '2026-02', passed: 2, decided: 2, valueBp: 10_000 },
      { month: '2026-03', passed: 1, decided: 1, valueBp: 10_000 },
    ])
    for (const point of figures.pass) {
      const { claims } = await t.ok('warranty_clerk', 'warranty.figures.drill', { figure: 'first_pass', month: point.month })
      const passed = claims.filter((c) => c.decision === 'approved').length
      expect({ passed, decided: claims.length, valueBp: claims.length > 0 ? mulDivRound(passed, 10_000, claims.length) : null }, point.month).toEqual({
        passed: point.passed,
        decided: point.decided,
        valueBp: point.valueBp,
      })
    }
    // B's approval in January followed a resubmission: not a first-submission decision.
    const january = await t.ok('warranty_clerk', 'warranty.figures.drill', { figure: 'first_pass', month: '2026-01' })
    expect(january.claims.map((c) => c.claimId)).toEqual([ids.C])
    const december = await t.ok('warranty_clerk', 'warranty.figures.drill', { figure: 'first_pass', month: '2025-12' })
    expect(december.claims.map((c) => [c.claimId, c.decision])).toEqual([
      [ids.A, 'approved'],
      [ids.B, 'returned'],
    ])
  })
})

describe('the maker’s reasons', () => {
  it('counts returns and rejections per reason in the month asked, each count its drill-down’s rows', async () => {
    const december = await t.ok('warranty_clerk', 'warranty.figures', { months: 1, reasonsMonth: '2025-12' })
    expect(december.reasons).toEqual([{ decision: 'returned', reason: '缺少故障照片', count: 1 }])
    const january = await t.ok('warranty_clerk', 'warranty.figures', { months: 1, reasonsMonth: '2026-01' })
    expect(january.reasons).toEqual([{ decision: 'rejected', reason: '人为损坏', count: 1 }])
    for (const [month, figures] of [['2025-12', december], ['2026-01', january]] as const) {
      for (const r of figures.reasons) {
        const { claims } = await t.ok('warranty_clerk', 'warranty.figures.drill', { figure: 'reasons', month, decision: r.decision, reason: r.reason })
        expect(claims).toHaveLength(r.count)
        expect(claims.every((c) => c.reason === r.reason && c.decision === r.decision)).toBe(true)
      }
      const every = await t.ok('warranty_clerk', 'warranty.figures.drill', { figure: 'reasons', month })
      expect(every.claims).toHaveLength(figures.reasons.reduce((s, r) => s + r.count, 0))
    }
    // March (the running month, the default) has none.
    expect((await t.ok('warranty_clerk', 'warranty.figures', { months: 1 })).reasons).toEqual([])
  })
})

describe('warranty receivable ageing', () => {
  it('bands approved, unpaid claims by days since approval; each band is the sum of its rows', async () => {
    const figures = await t.ok('warranty_clerk', 'warranty.figures', { months: 1 })
    expect(figures.ageing.map((b) => [b.bucket, b.claims])).toEqual([
      ['d0_30', 1],
      ['d31_60', 1],
      ['d61_90', 1],
      ['d90_plus', 1],
    ])
    const all = await t.ok('warranty_clerk', 'warranty.figures.drill', { figure: 'ageing' })
    expect(all.claims.map((c) => [c.claimId, c.ageDays, c.bucket])).toEqual([
      [ids.A, 104, 'd90_plus'],
      [ids.B, 69, 'd61_90'],
      [ids.D, 42, 'd31_60'],
      [ids.E, 5, 'd0_30'],
    ])
    for (const band of figures.ageing) {
      const { claims } = await t.ok('warranty_clerk', 'warranty.figures.drill', { figure: 'ageing', bucket: band.bucket })
      expect(claims).toHaveLength(band.claims)
      expect(claims.reduce((s, c) => s + c.amountFen, 0)).toBe(band.amountFen)
    }
    expect(figures.ageing.reduce((s, b) => s + b.amountFen, 0)).toBeGreaterThan(0)
  })

  it('is the warranty desk’s and the manager’s: a cashier may not read it', async () => {
    expect(await t.ok('service_manager', 'warranty.figures', { months: 2 })).toMatchObject({ pass: expect.any(Array) })
    expect(await t.call('cashier', 'warranty.figures', { months: 2 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
