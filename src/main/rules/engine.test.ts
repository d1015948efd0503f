import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LiveEvent } from '../../shared/contract/types'
import { alertText } from '../../shared/i18n/alert-text'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { acknowledgeAlert, resolveAlert, snoozeAlert } from './alert-state'
import { sweep } from './engine'
import { local, move, newPart, readyRo, relogin, serviceCtx } from './test-helpers'

// The rules engine on a walking calendar: real SQLite, the real dispatcher, ROs brought to
// `ready` through the workshop's transitions, stock moved through the real ledger.

let t: TestApp
const events: LiveEvent[] = []

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'workshop_supervisor', 'cashier', 'front_desk_supervisor', 'service_manager', 'parts_supervisor', 'parts_clerk'] })
  t.app.hub.subscribe((e) => events.push(e))
})
afterAll(() => t.close())

/** Walks the clock and logs everyone in again (sessions expire after 12 idle hours). */
async function at(localTime: string) {
  t.clock.set(local(localTime))
  await relogin(t)
}

const runSweep = () => t.app.store.tx(() => sweep(serviceCtx(t)))

interface AlertRow {
  id: number
  stage: string
  state: string
  message_key: string
  message_params: string
  version: number
  raised_at: string
}
function alertOf(kind: string, subjectId: number): AlertRow | undefined {
  return t.app.store
    .prepare(
      `SELECT a.id, a.stage, a.state, a.message_key, a.message_params, a.version, a.raised_at FROM alerts a JOIN rules r ON r.id = a.rule_id
        WHERE r.kind = ? AND a.subject_id = ?`,
    )
    .get(kind, subjectId) as AlertRow | undefined
}
const messageOf = (a: AlertRow, locale: 'en' | 'zh-CN' = 'en') => alertText(locale, a.message_key, JSON.parse(a.message_params) as Record<string, string>, t.clock.now())

describe('maintenance ROs: settled within 3 days of completion', () => {
  it('raises on day 4, not before, once only, and clears when the RO is settled', async () => {
    await at('2026-11-02T10:00:00')
    const ro = await readyRo(t, { type: 'maintenance', lines: [{ payer: 'customer', amountFen: 10_000 }] })
    expect(alertOf('maintenance_settlement_overdue', ro.id)).toBeUndefined()

    await at('2026-11-05T09:59:59')
    runSweep()
    expect(alertOf('maintenance_settlement_overdue', ro.id)).toBeUndefined()

    await at('2026-11-05T12:00:00')
    const first = runSweep()
    const alert = alertOf('maintenance_settlement_overdue', ro.id)!
    expect(alert).toMatchObject({ stage: 'breach', state: 'open', raised_at: '2026-11-05T12:00:00+08:00' })
    expect(messageOf(alert)).toBe(`RO ${ro.number} was completed 2026-11-02 10:00 and is unsettled after 3 days 2 h (limit 3 days)`)
    expect(messageOf(alert, 'zh-CN')).toBe(`工单 ${ro.number} 于 2026-11-02 10:00 完工，已 3 天 2 小时 未结算（要求 3 天内）`)
    expect(first.raised).toBeGreaterThanOrEqual(1)

    const again = runSweep()
    expect(again).toMatchObject({ raised: 0, cleared: 0, changed: 0 })
    expect(t.app.store.prepare(`SELECT COUNT(*) AS n FROM alerts WHERE subject_type = 'ro' AND subject_id = ?`).get(ro.id)).toEqual({ n: 1 })

    events.length = 0
    await t.ok('cashier', 'settlement.settle', { roId: ro.id, version: ro.version })
    expect(alertOf('maintenance_settlement_overdue', ro.id)).toMatchObject({ state: 'resolved' })
    // Pushed live after the settlement committed.
    expect(events.map((e) => e.type)).toContain('alerts.changed')
  })
})

describe('insurance ROs: settled within the calendar month', () => {
  it('warns 3 days before the year’s last month ends, breaches in the new year, and clears on settlement', async () => {
    await at('2026-12-10T10:00:00')
    const ro = await readyRo(t, { type: 'insurance', lines: [{ payer: 'insurance', amountFen: 80_000 }] })

    await at('2026-12-28T23:59:00')
    runSweep()
    expect(alertOf('insurance_settlement_month_end', ro.id)).toBeUndefined()

    await at('2026-12-29T00:00:00')
    runSweep()
    const warning = alertOf('insurance_settlement_month_end', ro.id)!
    expect(warning).toMatchObject({ stage: 'warning', state: 'open' })
    expect(messageOf(warning)).toBe(`insurance RO ${ro.number} completed 2026-12-10 10:00 must be settled before 2026-12-31`)
    // Completed during the warning days: warned at once, by the hook of the workshop's transition.
    await at('2026-12-30T15:00:00')
    const late = await readyRo(t, { type: 'insurance', lines: [{ payer: 'insurance', amountFen: 10_000 }] })
    expect(alertOf('insurance_settlement_month_end', late.id)).toMatchObject({ stage: 'warning', state: 'open' })

    // Someone has seen the warning…
    t.app.store.tx(() => acknowledgeAlert(serviceCtx(t, 'front_desk_supervisor'), warning.id, warning.version))
    await at('2026-12-31T23:59:59')
    runSweep()
    expect(alertOf('insurance_settlement_month_end', ro.id)).toMatchObject({ stage: 'warning', state: 'acknowledged' })

    // …but the breach in the new year puts it back in the inbox.
    await at('2027-01-01T00:00:01')
    runSweep()
    const breach = alertOf('insurance_settlement_month_end', ro.id)!
    expect(breach).toMatchObject({ stage: 'breach', state: 'open', raised_at: '2027-01-01T00:00:01+08:00' })
    expect(messageOf(breach)).toBe(`insurance RO ${ro.number} completed 2026-12-10 10:00 was not settled within its month (by 2026-12-31)`)

    await at('2027-01-04T09:00:00')
    await t.ok('cashier', 'settlement.settle', { roId: ro.id, version: ro.version, insurance: { insurer: '平安保险', claimNo: 'PA20261210' } })
    expect(alertOf('insurance_settlement_month_end', ro.id)).toMatchObject({ state: 'resolved' })
    expect(alertOf('insurance_settlement_month_end', late.id)).toMatchObject({ stage: 'breach', state: 'open' })
  })
})

describe('insurance money: collected within the month it was invoiced', () => {
  it('warns with the insurer and claim number, breaches after the month end, and clears when collected', async () => {
    await at('2027-02-10T10:00:00')
    const ro = await readyRo(t, { type: 'insurance', lines: [{ payer: 'insurance', amountFen: 100_000 }] })
    const view = await t.ok('cashier', 'settlement.settle', { roId: ro.id, version: ro.version, insurance: { insurer: '太平洋保险', claimNo: 'CPIC-0210' } })
    const invoice = view.invoices[0]!
    expect(alertOf('insurance_receivable_month_end', invoice.id)).toBeUndefined()

    // February 2027 has 28 days: the warning starts on the 26th.
    await at('2027-02-25T23:00:00')
    runSweep()
    expect(alertOf('insurance_receivable_month_end', invoice.id)).toBeUndefined()
    await at('2027-02-26T08:00:00')
    runSweep()
    const warning = alertOf('insurance_receivable_month_end', invoice.id)!
    expect(messageOf(warning)).toBe(`太平洋保险 claim CPIC-0210: ¥1,130.00 open on invoice ${invoice.number}, to be collected before 2027-02-28`)

    await at('2027-03-01T08:00:00')
    runSweep()
    expect(alertOf('insurance_receivable_month_end', invoice.id)).toMatchObject({ stage: 'breach', state: 'open' })
    await t.ok('cashier', 'settlement.pay', { invoiceId: invoice.id, method: 'transfer', amountFen: 100_000 })
    expect(messageOf(alertOf('insurance_receivable_month_end', invoice.id)!)).toMatch(/¥130.00 open/)
    await t.ok('cashier', 'settlement.pay', { invoiceId: invoice.id, method: 'transfer', amountFen: 13_000 })
    expect(alertOf('insurance_receivable_month_end', invoice.id)).toMatchObject({ state: 'resolved' })
  })
})

describe('parts below safety stock', () => {
  it('raises when a move takes the part below 1.5 × its monthly outbound, saying why, and clears on the receipt', async () => {
    const part = newPart(t, 'SAFE-001')
    await at('2027-03-01T09:00:00')
    move(t, part, 'receipt', 14_000)
    await at('2027-03-25T09:00:00')
    move(t, part, 'issue', 4_000)
    await at('2027-04-25T09:00:00')
    move(t, part, 'issue', 4_000)
    expect(alertOf('part_below_safety_stock', part)).toBeUndefined()

    await at('2027-05-20T09:00:00')
    move(t, part, 'issue', 4_000)
    const alert = alertOf('part_below_safety_stock', part)!
    expect(alert).toMatchObject({ state: 'open', raised_at: '2027-05-20T09:00:00+08:00' })
    expect(messageOf(alert)).toBe('on hand 2, safety stock 6 = 1.5 × 4/month; reorder 4')
    expect(messageOf(alert, 'zh-CN')).toBe('库存 2，安全库存 6 = 1.5 × 月均出库 4；建议补货 4')

    const inbox = await t.ok('parts_supervisor', 'alerts.list', { ruleKind: 'part_below_safety_stock' })
    expect(inbox.find((a) => a.subjectId === part)).toMatchObject({ subjectLabel: 'SAFE-001', subjectType: 'part', severity: 'warning', message: messageOf(alert) })

    await at('2027-05-21T09:00:00')
    move(t, part, 'receipt', 10_000)
    expect(alertOf('part_below_safety_stock', part)).toMatchObject({ state: 'resolved', message_key: 'alert.safetyStock' })
  })

  it('keeps a person’s "resolved" while the shortage lasts and raises again after it has cleared and returned', async () => {
    const part = newPart(t, 'SAFE-002')
    await at('2027-06-01T09:00:00')
    move(t, part, 'receipt', 10_000)
    move(t, part, 'issue', 9_000)
    const alert = alertOf('part_below_safety_stock', part)!
    t.app.store.tx(() => resolveAlert(serviceCtx(t, 'parts_supervisor'), alert.id, alert.version, '已下单'))
    move(t, part, 'issue', 500)
    runSweep()
    expect(alertOf('part_below_safety_stock', part)).toMatchObject({ state: 'resolved' })
    move(t, part, 'receipt', 20_000)
    move(t, part, 'issue', 20_000)
    expect(alertOf('part_below_safety_stock', part)).toMatchObject({ state: 'open' })
  })
})

describe('the engine’s table of hits', () => {
  const hitsLeft = () => (t.app.store.sqlite.prepare('SELECT COUNT(*) AS n FROM temp.rule_hits').get() as { n: number }).n

  it('is empty after every run, and a write rolled back after its run found hits leaves none for the next', async () => {
    const shortOne = newPart(t, 'HITS-001')
    const other = newPart(t, 'HITS-002')
    await at('2027-07-01T09:00:00')
    move(t, shortOne, 'receipt', 10_000)
    move(t, other, 'receipt', 10_000)
    expect(() =>
      t.app.store.tx(() => {
        move(t, shortOne, 'issue', 9_000)
        expect(alertOf('part_below_safety_stock', shortOne)).toMatchObject({ state: 'open' })
        throw new Error('the write fails after its evaluation')
      }),
    ).toThrow('the write fails')
    expect(hitsLeft()).toBe(0)
    expect(alertOf('part_below_safety_stock', shortOne)).toBeUndefined()
    // The next evaluation (another part, no shortage) raises nothing for the first one.
    move(t, other, 'issue', 100)
    expect(alertOf('part_below_safety_stock', shortOne)).toBeUndefined()
    expect(alertOf('part_below_safety_stock', other)).toBeUndefined()
    runSweep()
    expect(hitsLeft()).toBe(0)
  })
})

describe('snoozing', () => {
  it('hides an alert from the inbox until its date, when the sweep brings it back', async () => {
    await at('2027-07-01T08:00:00')
    const ro = await readyRo(t, { type: 'repair', lines: [{ payer: 'customer', amountFen: 1_000 }], promisedAt: '2027-07-01T01:00:00Z', stopAt: 'in_progress' })
    await at('2027-07-01T10:30:00')
    runSweep()
    const alert = alertOf('ro_past_promised', ro.id)!
    expect(messageOf(alert)).toBe(`RO ${ro.number} was promised for 2027-07-01 09:00; 1 h 30 min late, now "In progress"`)
    const ctx = serviceCtx(t, 'front_desk_supervisor')
    t.app.store.tx(() => snoozeAlert(ctx, alert.id, alert.version, '2027-07-03', '等配件'))
    const active = () => t.ok('front_desk_supervisor', 'alerts.list', { subjectType: 'ro', subjectId: ro.id })
    expect(await active()).toEqual([])
    await at('2027-07-03T00:00:00')
    expect((await active()).map((a) => a.state)).toEqual(['open'])
    runSweep()
    expect(alertOf('ro_past_promised', ro.id)).toMatchObject({ state: 'open' })
    expect(() => t.app.store.tx(() => snoozeAlert(serviceCtx(t, 'front_desk_supervisor'), alert.id, alertOf('ro_past_promised', ro.id)!.version, '2027-07-03', ''))).toThrow()
  })
})

describe('the sweep', () => {
  it('creates nothing new when run twice', async () => {
    await at('2027-07-10T08:00:00')
    runSweep()
    const before = t.app.store.prepare('SELECT id, state, version, message_params FROM alerts ORDER BY id').all()
    expect(runSweep()).toMatchObject({ raised: 0, cleared: 0, changed: 0 })
    expect(t.app.store.prepare('SELECT id, state, version, message_params FROM alerts ORDER BY id').all()).toEqual(before)
  })

  it('routes alerts to their role’s inbox; a service manager sees every inbox', async () => {
    const kinds = async (role: 'parts_supervisor' | 'front_desk_supervisor' | 'service_manager') =>
      new Set((await t.ok(role, 'alerts.list', { state: 'all', limit: 500 })).map((a) => a.inboxRole))
    expect(await kinds('parts_supervisor')).toEqual(new Set(['parts_supervisor']))
    expect(await kinds('front_desk_supervisor')).toEqual(new Set(['front_desk_supervisor']))
    // (The month-end training reminders go to the workshop and technical supervisors too.)
    expect([...(await kinds('service_manager'))]).toEqual(expect.arrayContaining(['parts_supervisor', 'front_desk_supervisor']))
    const count = await t.ok('front_desk_supervisor', 'alerts.count', {})
    expect(count.active).toBe((await t.ok('front_desk_supervisor', 'alerts.list', {})).length)
    expect(await t.call('cashier', 'rules.sweep', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await t.ok('service_manager', 'rules.sweep', {})).toMatchObject({ raised: 0, cleared: 0 })
  })
})

describe('people handling alerts through the API', () => {
  it('acknowledges, snoozes and resolves with the alert’s version, refusing a stale one', async () => {
    await at('2027-08-01T10:00:00')
    const part = newPart(t, 'SAFE-003')
    move(t, part, 'receipt', 10_000)
    move(t, part, 'issue', 9_000)
    const [alert] = await t.ok('parts_supervisor', 'alerts.list', { subjectType: 'part', subjectId: part })
    expect(alert).toMatchObject({ state: 'open', ruleKind: 'part_below_safety_stock' })
    const acked = await t.ok('parts_supervisor', 'alerts.acknowledge', { id: alert!.id, version: alert!.version })
    expect(acked).toMatchObject({ state: 'acknowledged', acknowledgedBy: '测试parts_supervisor' })
    expect(await t.call('parts_supervisor', 'alerts.snooze', { id: alert!.id, version: alert!.version, until: '2027-08-05' })).toMatchObject({ ok: false, code: 'CONFLICT' })
    const past = await t.call('parts_supervisor', 'alerts.snooze', { id: alert!.id, version: acked.version, until: '2027-08-01' }, { locale: 'en' })
    expect(past.ok === false && past.message).toMatch(/after today/)
    const snoozed = await t.ok('parts_supervisor', 'alerts.snooze', { id: alert!.id, version: acked.version, until: '2027-08-05', note: '周五到货' })
    expect(snoozed).toMatchObject({ state: 'snoozed', snoozedUntil: '2027-08-05T00:00:00+08:00', note: '周五到货' })
    const resolved = await t.ok('parts_supervisor', 'alerts.resolve', { id: alert!.id, version: snoozed.version, note: '已补货' })
    expect(resolved).toMatchObject({ state: 'resolved', resolvedBy: '测试parts_supervisor' })
    expect(await t.call('parts_supervisor', 'alerts.acknowledge', { id: alert!.id, version: resolved.version })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    const audit = t.app.store.prepare(`SELECT action FROM audit_log WHERE entity = 'alert' AND entity_id = ? ORDER BY id`).all(String(alert!.id))
    expect(audit).toEqual([{ action: 'alert.acknowledge' }, { action: 'alert.snooze' }, { action: 'alert.resolve' }])
  })
})
