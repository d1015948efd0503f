import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { averageFen, shareBp, turnoverCenti } from '../../shared/domain/stock-rules'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { sweep } from './engine'
import { local, move, newPart, readyRo, relogin, serviceCtx } from './test-helpers'

// The parts department's figures on a ledger small enough to check by hand, the rule editor's
// preview, and the targets dashboard with its drill-down.

let t: TestApp
let partA: number
let partB: number

async function at(localTime: string) {
  t.clock.set(local(localTime))
  await relogin(t)
}
const runSweep = () => t.app.store.tx(() => sweep(serviceCtx(t)))
const departmentAlert = (kind: string) =>
  t.app.store
    .prepare(`SELECT a.state, a.message_params FROM alerts a JOIN rules r ON r.id = a.rule_id WHERE r.kind = ? AND a.subject_type = 'department'`)
    .get(kind) as { state: string; message_params: string } | undefined

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'workshop_supervisor', 'cashier', 'service_manager', 'parts_supervisor', 'parts_clerk'] })
  partA = newPart(t, 'DEPT-A')
  partB = newPart(t, 'DEPT-B')
  // A: 100 received, 10 issued on the 15th of each month; B: 10 received and never issued.
  await at('2025-11-15T09:00:00')
  move(t, partA, 'receipt', 100_000, 1_000)
  move(t, partB, 'receipt', 10_000, 5_000)
  for (const month of ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05']) {
    t.clock.set(local(`${month}-15T09:00:00`))
    move(t, partA, 'issue', 10_000)
  }
  await at('2026-06-01T09:00:00')
})
afterAll(() => t.close())

describe('department rules', () => {
  it('measures stock value against 1.5 × the last 30 days’ outbound', () => {
    runSweep()
    // Stock: A 40 × ¥10 + B 10 × ¥50 = ¥900; outbound since 2 May: one issue of ¥100.
    expect(JSON.parse(departmentAlert('stock_value_vs_outbound')!.message_params)).toEqual({
      stockFen: 90_000,
      outboundFen: 10_000,
      limitFen: 15_000,
      factor: '1.5',
      days: 30,
    })
  })

  it('counts a part never issued since its receipt 6 months ago as slow-moving', () => {
    const params = JSON.parse(departmentAlert('slow_moving_share')!.message_params) as Record<string, unknown>
    expect(params).toMatchObject({ count: 1, slowFen: 50_000, totalFen: 90_000, share: String(shareBp(50_000, 90_000)! / 100), max: '6' })
  })

  it('computes turnover from the month-start values rebuilt from the ledger', () => {
    // Now and the starts of June back to July 2025; nothing was in stock before 15 November.
    const points = [90_000, 90_000, 100_000, 110_000, 120_000, 130_000, 140_000, 150_000, 0, 0, 0, 0, 0]
    const expected = turnoverCenti(60_000, averageFen(points))!
    const params = JSON.parse(departmentAlert('stock_turnover')!.message_params) as Record<string, string | number>
    expect(params).toMatchObject({ turnover: String(expected / 100), issuedFen: 60_000, averageFen: averageFen(points), min: '4', max: '6' })
    expect(departmentAlert('stock_turnover')!.state).toBe('open')
  })

  it('holds the fill rate to 98 %: 49 of 50 passes, 49 of 51 does not', async () => {
    const ro = await readyRo(t, { type: 'repair', lines: [{ payer: 'customer', amountFen: 1_000 }], stopAt: 'in_progress' })
    const request = t.app.store.prepare(
      `INSERT INTO part_requests (ro_id, part_id, requested_milli, first_at, served_from_stock, user_id) VALUES (?, ?, 1000, ?, ?, ?)`,
    )
    for (let i = 0; i < 51; i++) {
      const part = newPart(t, `FILL-${i}`)
      if (i === 50) {
        runSweep()
        expect(departmentAlert('fill_rate')).toBeUndefined()
      }
      request.run(ro.id, part, '2026-05-20T10:00:00+08:00', i === 0 || i === 50 ? 0 : 1, t.userIds.parts_clerk)
    }
    runSweep()
    expect(departmentAlert('fill_rate')).toMatchObject({ state: 'open' })
    expect(JSON.parse(departmentAlert('fill_rate')!.message_params)).toMatchObject({ rate: '96.08', served: 49, requested: 51, min: '98' })
  })

  it('flags a stocktake whose variance is over 0.3 % of the book value', () => {
    const st = Number(
      t.app.store
        .prepare(`INSERT INTO stocktakes (number, scope, state, frozen_move_id, created_by, created_at, updated_at) VALUES ('ST2026000001', 'all', 'counting', 0, ?, ?, ?)`)
        .run(t.userIds.parts_supervisor, '2026-06-01T08:00:00+08:00', '2026-06-01T08:00:00+08:00').lastInsertRowid,
    )
    const line = t.app.store.prepare(
      `INSERT INTO stocktake_lines (stocktake_id, part_id, book_milli, book_value_fen, unit_cost_fen, counted_milli) VALUES (?, ?, ?, ?, ?, ?)`,
    )
    line.run(st, partA, 40_000, 40_000, 1_000, 39_000)
    line.run(st, partB, 10_000, 50_000, 5_000, 10_000)
    runSweep()
    const alert = t.app.store.prepare(`SELECT message_params FROM alerts WHERE subject_type = 'stocktake' AND subject_id = ?`).get(st) as { message_params: string }
    // |−1 × ¥10| of ¥900 book value = 1.11 %.
    expect(JSON.parse(alert.message_params)).toEqual({ number: 'ST2026000001', rate: '1.11', varianceFen: 1_000, bookFen: 90_000, max: '0.3' })
    t.app.store.prepare(`UPDATE stocktakes SET state = 'approved', decided_at = ? WHERE id = ?`).run('2026-06-01T09:00:00+08:00', st)
  })
})

describe('editing a rule', () => {
  it('previews how many alerts a change would raise or clear, and saving does exactly that', async () => {
    const rules = await t.ok('service_manager', 'rules.list', {})
    const safety = rules.find((r) => r.kind === 'part_below_safety_stock')!
    expect(safety.params).toEqual({ factorBp: 15_000, windowMonths: 3 })
    // A moved 30 in three months: safety 15 at 1.5×, 50 at 5× — above the 40 on hand.
    const change = { kind: 'part_below_safety_stock' as const, params: { factorBp: 50_000, windowMonths: 3 }, enabled: true }
    const preview = await t.ok('service_manager', 'rules.preview', change)
    expect(preview).toMatchObject({ raise: 1, clear: 0 })
    const saved = await t.ok('service_manager', 'rules.update', { ...change, version: safety.version, severity: 'critical', inboxRole: 'parts_clerk' })
    expect(saved).toMatchObject({ raised: 1, cleared: 0, rule: { params: change.params, severity: 'critical', inboxRole: 'parts_clerk', activeAlerts: 1 } })
    const inbox = await t.ok('parts_clerk', 'alerts.list', { ruleKind: 'part_below_safety_stock' })
    expect(inbox.map((a) => [a.subjectLabel, a.severity])).toEqual([['DEPT-A', 'critical']])

    const back = { kind: 'part_below_safety_stock' as const, params: { factorBp: 15_000, windowMonths: 3 }, enabled: true }
    expect(await t.ok('service_manager', 'rules.preview', back)).toMatchObject({ raise: 0, clear: 1, activeNow: 1 })
    expect(await t.ok('service_manager', 'rules.preview', { ...back, enabled: false })).toMatchObject({ raise: 0, clear: 1 })
    expect(await t.call('service_manager', 'rules.update', { ...back, version: safety.version, severity: 'warning', inboxRole: 'parts_supervisor' })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    })
    const restored = await t.ok('service_manager', 'rules.update', { ...back, version: saved.rule.version, severity: 'warning', inboxRole: 'parts_supervisor' })
    expect(restored).toMatchObject({ raised: 0, cleared: 1 })
  })

  it('refuses parameters outside their range, naming them, and refuses a role without rules.manage', async () => {
    const bad = await t.call('service_manager', 'rules.preview', { kind: 'fill_rate', params: { minBp: 20_000 }, enabled: true }, { locale: 'en' })
    expect(bad).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(bad.ok === false && bad.details?.fields?.map((f) => f.field)).toEqual(['params.minBp'])
    expect(await t.call('parts_supervisor', 'rules.preview', { kind: 'fill_rate', params: {}, enabled: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('clears every alert of a rule that is switched off', async () => {
    const rule = (await t.ok('service_manager', 'rules.list', {})).find((r) => r.kind === 'slow_moving_share')!
    const off = await t.ok('service_manager', 'rules.update', { kind: 'slow_moving_share', params: rule.params, enabled: false, version: rule.version, severity: rule.severity, inboxRole: rule.inboxRole })
    expect(off).toMatchObject({ cleared: 1, rule: { enabled: false, activeAlerts: 0 } })
    runSweep()
    expect(departmentAlert('slow_moving_share')!.state).toBe('resolved')
  })
})

describe('the targets dashboard', () => {
  it('gives each target twelve months with its band, and drills down to the ROs behind a month', async () => {
    await at('2026-05-03T10:00:00')
    const onTime = await readyRo(t, { type: 'maintenance', lines: [{ payer: 'customer', amountFen: 1_000 }] })
    await at('2026-05-10T10:00:00')
    const late = await readyRo(t, { type: 'maintenance', lines: [{ payer: 'customer', amountFen: 1_000 }] })
    await at('2026-05-05T10:00:00')
    await t.ok('cashier', 'settlement.settle', { roId: onTime.id, version: onTime.version })
    await at('2026-05-20T10:00:00')
    await t.ok('cashier', 'settlement.settle', { roId: late.id, version: late.version })
    await at('2026-06-01T09:00:00')
    runSweep()

    const board = await t.ok('service_manager', 'dashboard.targets', {})
    expect(board.months).toHaveLength(12)
    expect(board.months.at(-1)).toBe('2026-06')
    const target = (key: string) => board.targets.find((s) => s.key === key)!
    expect(target('maintenance_settlement').series.find((p) => p.month === '2026-05')).toEqual({ month: '2026-05', numerator: 1, denominator: 2, value: 5_000 })
    expect(target('maintenance_settlement').band).toEqual({ min: 10_000, max: null })
    expect(target('stock_vs_outbound')).toMatchObject({ current: 900, band: { max: 150, min: null }, status: 'high' })
    expect(target('stock_vs_outbound').series.find((p) => p.month === '2026-05')).toEqual({ month: '2026-05', numerator: 90_000, denominator: 10_000, value: 900 })
    expect(target('slow_moving')).toMatchObject({ current: shareBp(50_000, 90_000), status: 'high' })
    expect(target('slow_moving').series.at(-1)?.value).toBe(shareBp(50_000, 90_000))
    expect(target('fill_rate').series.find((p) => p.month === '2026-05')).toMatchObject({ numerator: 49, denominator: 51 })
    expect(target('stocktake_variance').series.at(-1)).toMatchObject({ numerator: 1_000, denominator: 90_000, value: 111 })
    expect(target('turnover').status).toBe('low')

    const drill = await t.ok('service_manager', 'dashboard.drill', { target: 'maintenance_settlement', month: '2026-05' })
    expect(drill.ros.map((r) => [r.number, r.late, r.elapsedDays])).toEqual([
      [late.number, true, 10],
      [onTime.number, false, 2],
    ])
    const slow = await t.ok('service_manager', 'dashboard.drill', { target: 'slow_moving', month: '2026-06' })
    expect(slow.parts.filter((p) => p.counted).map((p) => [p.partNumber, p.valueFen])).toEqual([['DEPT-B', 50_000]])
    const fill = await t.ok('service_manager', 'dashboard.drill', { target: 'fill_rate', month: '2026-05' })
    expect(fill.parts.filter((p) => !p.counted).map((p) => p.partNumber)).toEqual(['FILL-0', 'FILL-50'])
    const variance = await t.ok('service_manager', 'dashboard.drill', { target: 'stocktake_variance', month: '2026-06' })
    expect(variance.parts.filter((p) => p.diffMilli !== 0).map((p) => [p.partNumber, p.diffMilli, p.diffValueFen])).toEqual([['DEPT-A', -1_000, -1_000]])
    expect(await t.call('cashier', 'dashboard.targets', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
