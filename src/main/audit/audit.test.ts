import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setSetting } from '../settings/settings'
import { makeTestApp, registerVehicle, TEST_PASSWORD, type TestApp } from '../test-support/test-app'

// The audit trail's readers: a document's activity for those who may see the document, the whole
// log with filters and its XLSX export, and the login history, each refused to roles without it.

let t: TestApp
let roId: number

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'technician', 'cashier', 'service_manager'] })
  const vehicle = await registerVehicle(t, { serial: 510001, plate: '粤B51001' })
  const ro = await t.ok('service_advisor', 'ro.checkIn', { vehicleId: vehicle.id, type: 'repair', odometerKm: 12_000, fuelEighths: 4, concerns: '刹车异响' })
  roId = ro.id
  await t.ok('service_advisor', 'ro.saveLines', {
    id: ro.id,
    version: ro.version,
    lines: [{ kind: 'labour', description: '检查制动', quantityMilli: 1000, unitPriceFen: 10_000, payer: 'customer' }],
  })
})
afterAll(() => t.close())

describe('document activity', () => {
  it('shows who changed a repair order and when, newest first, to those who may see it', async () => {
    const feed = await t.ok('technician', 'audit.document', { kind: 'ro', id: roId })
    expect(feed.map((r) => r.action).slice(0, 2)).toEqual(['ro.saveLines', 'ro.checkIn'])
    expect(feed[0]).toMatchObject({ userName: '测试service_advisor', entity: 'repair_order', entityId: String(roId) })
    expect(feed[0]!.at).toMatch(/^2026-11-27T10:30/)
  })

  it('refuses a document feed to a role that may not read that kind of document', async () => {
    expect(await t.call('technician', 'audit.document', { kind: 'settlement', id: roId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await t.call('cashier', 'audit.document', { kind: 'po', id: 1 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await t.call('cashier', 'audit.document', { kind: 'settlement', id: roId })).toMatchObject({ ok: true })
  })
})

describe('the whole log', () => {
  it('filters by user, action and date, pages, and is refused without audit.read', async () => {
    const mine = await t.ok('service_manager', 'audit.log', { userId: t.userIds.service_advisor, action: 'ro.' })
    expect(mine.rows.map((r) => r.action)).toEqual(['ro.saveLines', 'ro.checkIn'])
    expect((await t.ok('administrator', 'audit.log', { from: '2026-11-28' })).rows).toEqual([])
    expect((await t.ok('administrator', 'audit.log', { from: '2026-11-27', to: '2026-11-27' })).rows.length).toBeGreaterThan(3)
    const page = await t.ok('administrator', 'audit.log', { limit: 2 })
    expect(page.more).toBe(true)
    const next = await t.ok('administrator', 'audit.log', { limit: 2, beforeId: page.rows[1]!.id })
    expect(next.rows[0]!.id).toBeLessThan(page.rows[1]!.id)
    expect(await t.call('technician', 'audit.log', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await t.call('service_advisor', 'audit.export', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('exports the filtered log as an XLSX workbook with a header row in the user\'s language', async () => {
    const file = await t.ok('administrator', 'audit.export', { entity: 'repair_order' })
    expect(file.fileName).toBe('audit-log-2026-11-27.xlsx')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]!
    expect(sheet.getRow(1).values).toEqual([undefined, 'Time', 'User', 'Action', 'Object', 'ID', 'Detail'])
    expect(sheet.rowCount).toBe(file.rows + 1)
    expect(sheet.getRow(2).getCell(3).value).toBe('ro.saveLines')
  })
})

describe('login history', () => {
  it('records successes, failures and lockouts with where they came from', async () => {
    setSetting(t.app.store, 'auth.lockAfterFailures', 2)
    setSetting(t.app.store, 'auth.failureDelayMs', 0)
    const desk = { address: '192.168.1.31', device: '前台3号机' }
    await t.app.dispatch('auth.login', { username: 'technician', password: 'wrong' }, { client: desk })
    await t.app.dispatch('auth.login', { username: 'technician', password: 'wrong' }, { client: desk })
    await t.app.dispatch('auth.login', { username: 'cashier', password: TEST_PASSWORD }, { client: desk })
    const history = await t.ok('administrator', 'audit.logins', { limit: 4 })
    expect(history.map((h) => [h.username, h.outcome])).toEqual([
      ['cashier', 'success'],
      ['technician', 'lockout'],
      ['technician', 'failure'],
      ['technician', 'failure'],
    ])
    expect(history[0]).toMatchObject({ address: '192.168.1.31', device: '前台3号机', userName: '测试cashier' })
    const logins = await t.ok('administrator', 'audit.log', { action: 'auth.login', limit: 1 })
    expect(logins.rows[0]).toMatchObject({ userName: '测试cashier', entity: 'user' })
    expect(history[1]!.lockedUntil).toBe('2026-11-27T10:45:00+08:00')
    expect((await t.ok('administrator', 'audit.logins', { outcome: 'lockout' })).length).toBe(1)
    expect(await t.call('cashier', 'audit.logins', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
