import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, testClock, type TestApp } from '../test-support/test-app'
import { sweep } from '../rules/engine'
import { local, relogin, serviceCtx } from '../rules/test-helpers'

// One campaign a month: from day N (default 5) a warning while the running month has no campaign
// planned; planning one clears it; a campaign planned in December for January counts for January.

let t: TestApp

async function at(localTime: string) {
  t.clock.set(local(localTime))
  await relogin(t)
}

const latest = () =>
  t.app.store.prepare(`SELECT a.state, a.message_params FROM alerts a JOIN rules r ON r.id = a.rule_id WHERE r.kind = 'campaign_planned' ORDER BY a.id DESC`).get() as
    | { state: string; message_params: string }
    | undefined

const draft = (startsOn: string, endsOn: string) => ({
  name: '保养季',
  startsOn,
  endsOn,
  labourDiscountBp: 1000,
  packageName: '',
  packagePriceFen: null,
  freeCheck: '',
  target: { source: 'all' as const },
})

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_manager'], clock: testClock('2026-11-04T09:00:00+08:00'), prefix: 'dept-campaign-rule-' })
})
afterAll(() => t.close())

describe('the one-campaign-a-month rule', () => {
  it('stays quiet before day 5 and raises on day 5 with the month and the day', async () => {
    await at('2026-11-04T09:00:00')
    t.app.store.tx(() => sweep(serviceCtx(t)))
    expect(latest()?.state ?? 'none').not.toBe('open')
    await at('2026-11-05T08:00:00')
    t.app.store.tx(() => sweep(serviceCtx(t)))
    expect(latest()?.state).toBe('open')
    expect(JSON.parse(latest()!.message_params)).toEqual({ month: '2026-11', day: 5, byDay: 5 })
  })

  it('clears as soon as a campaign for the month is planned', async () => {
    await t.ok('service_manager', 'campaigns.save', { draft: draft('2026-11-20', '2026-11-30') })
    expect(latest()?.state).toBe('resolved')
  })

  it('counts a campaign planned in December for January in January, not in December', async () => {
    await at('2026-12-20T10:00:00')
    await t.ok('service_manager', 'campaigns.save', { draft: draft('2027-01-08', '2027-01-31') })
    t.app.store.tx(() => sweep(serviceCtx(t)))
    expect(latest()?.state).toBe('open')
    expect(JSON.parse(latest()!.message_params)).toMatchObject({ month: '2026-12', day: 20 })
    await at('2027-01-05T09:00:00')
    t.app.store.tx(() => sweep(serviceCtx(t)))
    expect(latest()?.state).toBe('resolved')
    const open = t.app.store.prepare(`SELECT COUNT(*) AS n FROM alerts a JOIN rules r ON r.id = a.rule_id WHERE r.kind = 'campaign_planned' AND a.state = 'open'`).get() as { n: number }
    expect(open.n).toBe(0)
  })

  it('follows the parameter: with N = 10, day 9 of a month without a campaign is quiet and day 10 raises', async () => {
    const rules = await t.ok('service_manager', 'rules.list', {})
    const rule = rules.find((r) => r.kind === 'campaign_planned')!
    expect(rule.params).toEqual({ byDay: 5 })
    await t.ok('service_manager', 'rules.update', { kind: 'campaign_planned', params: { byDay: 10 }, enabled: true, version: rule.version, severity: rule.severity, inboxRole: rule.inboxRole })
    await at('2027-02-09T09:00:00')
    t.app.store.tx(() => sweep(serviceCtx(t)))
    expect(latest()?.state).not.toBe('open')
    await at('2027-02-10T09:00:00')
    t.app.store.tx(() => sweep(serviceCtx(t)))
    expect(latest()?.state).toBe('open')
    expect(JSON.parse(latest()!.message_params)).toEqual({ month: '2027-02', day: 10, byDay: 10 })
  })
})
