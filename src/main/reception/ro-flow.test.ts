import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_PASSWORD, makeTestApp, registerVehicle, type TestApp } from '../test-support/test-app'
import { dbFingerprint, seedCatalog, type SeededCatalog } from '../test-support/fixtures'

let t: TestApp
let catalog: SeededCatalog
let vehicleId: number

const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'front_desk_supervisor'] })
  catalog = seedCatalog(t.app.store)
  vehicleId = (await registerVehicle(t, { serial: 300001, plate: '川A30001', name: '林涛', odometerKm: 20_000 })).id
})
afterAll(() => t.close())

const checkIn = (type: 'maintenance' | 'repair' | 'warranty' = 'repair') =>
  t.ok('service_advisor', 'ro.checkIn', {
    vehicleId,
    type,
    odometerKm: 20_500,
    fuelEighths: 6,
    concerns: '刹车时有异响，顺便保养',
    findings: [
      { kind: 'damage', area: '左前门', note: '划痕约 5cm' },
      { kind: 'valuable', area: '手套箱' },
    ],
    promisedAt: '2026-11-27T09:00:00Z',
  })

/** Three payers; the two warranty lines show VAT is taken on the payer's sum, not per line. */
const mixedLines = () => [
  { kind: 'labour' as const, opCode: 'ZD001', description: '更换前刹车片', quantityMilli: 1500, unitPriceFen: 30000, payer: 'customer' as const },
  { kind: 'part' as const, partId: catalog.oilFilterId, description: '机油滤清器', quantityMilli: 2000, unitPriceFen: 6800, payer: 'customer' as const },
  { kind: 'labour' as const, description: '检查刹车系统', quantityMilli: 1000, unitPriceFen: 33333, payer: 'warranty' as const },
  { kind: 'labour' as const, description: '更换刹车分泵', quantityMilli: 1000, unitPriceFen: 33333, payer: 'warranty' as const },
  { kind: 'labour' as const, description: '钣金评估', quantityMilli: 1333, unitPriceFen: 9999, payer: 'insurance' as const },
]

const auditActions = (roId: number) =>
  (t.app.store.sqlite.prepare(`SELECT action FROM audit_log WHERE entity = 'repair_order' AND entity_id = ? ORDER BY id`).all(String(roId)) as { action: string }[]).map(
    (a) => a.action,
  )

describe('check-in', () => {
  it('opens an estimate for the vehicle, its owner and the advisor, with findings', async () => {
    const ro = await checkIn()
    expect(ro).toMatchObject({
      number: 'RO2026000001',
      state: 'estimate',
      type: 'repair',
      version: 1,
      advisor: { id: t.userIds.service_advisor },
      odometerKm: 20_500,
      fuelEighths: 6,
      promisedAt: '2026-11-27T17:00:00+08:00',
      openedAt: '2026-11-27T10:30:00+08:00',
      lines: [],
      authorised: false,
      allowedActions: ['authorise', 'cancel'],
    })
    expect(ro.customer.name).toBe('林涛')
    expect(ro.vehicle).toMatchObject({ id: vehicleId, odometerKm: 20_500 })
    expect(ro.findings).toEqual([
      { kind: 'damage', area: '左前门', note: '划痕约 5cm' },
      { kind: 'valuable', area: '手套箱', note: '' },
    ])
    expect(auditActions(ro.id)).toEqual(['ro.checkIn'])
  })

  it('numbers repair orders per local year', async () => {
    expect((await checkIn()).number).toBe('RO2026000002')
    // 16:30 UTC on 31 December is already New Year's Day in Shanghai.
    t.clock.set('2026-12-31T16:30:00Z')
    try {
      // A month on, yesterday's session has expired: log in again.
      const { token } = await t.ok(null, 'auth.login', { username: 'service-advisor', password: TEST_PASSWORD })
      const ro = await t.ok({ token }, 'ro.checkIn', { vehicleId, type: 'maintenance', odometerKm: 20_500, fuelEighths: 4, concerns: '保养' })
      expect(ro).toMatchObject({ number: 'RO2027000001', openedAt: '2027-01-01T00:30:00+08:00' })
    } finally {
      t.clock.set('2026-11-27T02:30:00Z')
    }
    expect((await checkIn()).number).toBe('RO2026000003')
  })
})

describe('estimate lines and totals', () => {
  it('computes amounts and VAT per payer to the fen, and stores the totals', async () => {
    const ro = await checkIn()
    const saved = await t.ok('service_advisor', 'ro.saveLines', { id: ro.id, version: ro.version, lines: mixedLines() })
    expect(saved.version).toBe(2)
    expect(saved.lines.map((l) => [l.position, l.amountFen, l.vatRateBp])).toEqual([
      [1, 45000, 1300],
      [2, 13600, 1300],
      [3, 33333, 1300],
      [4, 33333, 1300],
      [5, 13329, 1300],
    ])
    expect(saved.lines[1]).toMatchObject({ partId: catalog.oilFilterId, partNumber: '06L-115-562-B' })
    expect(saved.totals.byPayer.customer).toEqual({ netFen: 58600, vatFen: 7618, grossFen: 66218 })
    // 66 666 × 13 % = 8 666.58 → 8 667, where rounding each line would give 2 × 4 333 = 8 666.
    expect(saved.totals.byPayer.warranty).toEqual({ netFen: 66666, vatFen: 8667, grossFen: 75333 })
    expect(saved.totals.byPayer.insurance).toEqual({ netFen: 13329, vatFen: 1733, grossFen: 15062 })
    expect(saved.totals).toMatchObject({ netFen: 138595, vatFen: 18018, grossFen: 156613 })
    const list = await t.ok('service_advisor', 'ro.list', { state: 'estimate' })
    expect(list.rows.find((r) => r.id === ro.id)).toMatchObject({ netFen: 138595, vatFen: 18018, grossFen: 156613 })
  })

  it('refuses part lines without an active part and labour lines with one, naming the line', async () => {
    const ro = await checkIn()
    const before = dbFingerprint(t.app.store)
    const result = await t.call('service_advisor', 'ro.saveLines', {
      id: ro.id,
      version: ro.version,
      lines: [
        mixedLines()[0]!,
        { kind: 'labour', partId: catalog.oilFilterId, description: '工时', quantityMilli: 1000, unitPriceFen: 100, payer: 'customer' },
        { kind: 'part', description: '配件', quantityMilli: 1000, unitPriceFen: 100, payer: 'customer' },
        { kind: 'part', partId: catalog.inactivePartId, description: '停用配件', quantityMilli: 1000, unitPriceFen: 100, payer: 'customer' },
      ],
    })
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(result.ok === false && result.details?.fields?.map((f) => f.field)).toEqual(['lines.1.partId', 'lines.2.partId', 'lines.3.partId'])
    expect(dbFingerprint(t.app.store)).toEqual(before)
  })

  it('refuses a save based on an old version', async () => {
    const ro = await checkIn()
    await t.ok('service_advisor', 'ro.saveLines', { id: ro.id, version: ro.version, lines: mixedLines().slice(0, 1) })
    const stale = await t.call('service_advisor', 'ro.saveLines', { id: ro.id, version: ro.version, lines: [] })
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT', details: { expectedVersion: 1, actualVersion: 2 } })
  })
})

describe('authorisation', () => {
  it('runs estimate → authorised → revised by an edit → authorised again', async () => {
    const ro = await checkIn()
    const empty = await t.call('service_advisor', 'ro.authorise', { id: ro.id, version: ro.version, method: 'in_person', authorisedBy: '林涛' })
    expect(empty).toMatchObject({ ok: false, code: 'INVALID_STATE' })

    const estimate = await t.ok('service_advisor', 'ro.saveLines', { id: ro.id, version: ro.version, lines: mixedLines() })
    const unsigned = await t.call('service_advisor', 'ro.authorise', { id: ro.id, version: estimate.version, method: 'signature', authorisedBy: '林涛' })
    expect(unsigned).toMatchObject({ ok: false, code: 'VALIDATION', details: { fields: [{ field: 'signaturePng' }] } })

    const approved = await t.ok('service_advisor', 'ro.authorise', {
      id: ro.id,
      version: estimate.version,
      method: 'signature',
      authorisedBy: '林涛',
      signaturePng: SIGNATURE,
    })
    expect(approved).toMatchObject({ state: 'authorised', authorised: true, version: estimate.version + 1 })
    expect(approved.authorisations).toEqual([
      expect.objectContaining({ method: 'signature', authorisedBy: '林涛', grossFen: 156613, signaturePng: SIGNATURE, supersededAt: null }),
    ])
    expect(approved.allowedActions).toContain('start_work')

    // Saving the very same lines is not a change: the approval stands.
    const same = await t.ok('service_advisor', 'ro.saveLines', { id: ro.id, version: approved.version, lines: mixedLines() })
    expect(same).toMatchObject({ state: 'authorised', authorised: true })

    const changedLines = mixedLines()
    changedLines[0] = { ...changedLines[0]!, quantityMilli: 2000 }
    t.clock.advance(5 * 60_000)
    const revised = await t.ok('service_advisor', 'ro.saveLines', { id: ro.id, version: same.version, lines: changedLines })
    expect(revised).toMatchObject({ state: 'estimate', authorised: false })
    expect(revised.authorisations[0]?.supersededAt).toBe('2026-11-27T10:35:00+08:00')
    expect(revised.totals.grossFen).toBe(156613 + 16950)

    const again = await t.ok('service_advisor', 'ro.authorise', { id: ro.id, version: revised.version, method: 'phone', authorisedBy: '林涛', note: '电话确认增加工时' })
    expect(again).toMatchObject({ state: 'authorised', authorised: true })
    expect(again.authorisations.map((a) => [a.method, a.grossFen, a.supersededAt === null])).toEqual([
      ['signature', 156613, false],
      ['phone', 173563, true],
    ])
    expect(auditActions(ro.id)).toEqual(['ro.checkIn', 'ro.saveLines', 'ro.authorise', 'ro.saveLines', 'ro.saveLines', 'ro.revise', 'ro.authorise'])
    const saveAudit = t.app.store.sqlite
      .prepare(`SELECT detail FROM audit_log WHERE entity = 'repair_order' AND entity_id = ? AND action = 'ro.saveLines' ORDER BY id DESC`)
      .get(String(ro.id)) as { detail: string }
    expect(JSON.parse(saveAudit.detail)).toMatchObject({ before: { grossFen: 156613 }, after: { grossFen: 173563 } })
    t.clock.set('2026-11-27T02:30:00Z')
  })

  it('revises an authorised order when its type changes, not when its concerns do', async () => {
    const ro = await checkIn()
    const estimate = await t.ok('service_advisor', 'ro.saveLines', { id: ro.id, version: ro.version, lines: mixedLines().slice(0, 2) })
    const approved = await t.ok('service_advisor', 'ro.authorise', { id: ro.id, version: estimate.version, method: 'in_person', authorisedBy: '林涛' })
    const concerns = await t.ok('service_advisor', 'ro.updateHeader', { id: ro.id, version: approved.version, concerns: '刹车异响' })
    expect(concerns).toMatchObject({ state: 'authorised', authorised: true, concerns: '刹车异响' })
    const retyped = await t.ok('service_advisor', 'ro.updateHeader', { id: ro.id, version: concerns.version, type: 'warranty' })
    expect(retyped).toMatchObject({ state: 'estimate', authorised: false, type: 'warranty' })
  })
})

describe('cancel and illegal transitions', () => {
  it('cancels an authorised order with the reason in the audit trail, and then refuses changes', async () => {
    const ro = await checkIn()
    const estimate = await t.ok('service_advisor', 'ro.saveLines', { id: ro.id, version: ro.version, lines: mixedLines().slice(0, 1) })
    const approved = await t.ok('service_advisor', 'ro.authorise', { id: ro.id, version: estimate.version, method: 'in_person', authorisedBy: '林涛' })
    const advisor = await t.call('service_advisor', 'ro.cancel', { id: ro.id, version: approved.version, reason: '客户不修了' })
    expect(advisor).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const cancelled = await t.ok('front_desk_supervisor', 'ro.cancel', { id: ro.id, version: approved.version, reason: '客户不修了' })
    expect(cancelled).toMatchObject({ state: 'cancelled', allowedActions: [] })
    const audit = t.app.store.sqlite
      .prepare(`SELECT detail FROM audit_log WHERE entity = 'repair_order' AND entity_id = ? AND action = 'ro.cancel'`)
      .get(String(ro.id)) as { detail: string }
    expect(JSON.parse(audit.detail)).toMatchObject({ before: 'authorised', after: 'cancelled', reason: '客户不修了' })

    const v = cancelled.version
    const lines = await t.call('service_advisor', 'ro.saveLines', { id: ro.id, version: v, lines: [] })
    expect(lines).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect(lines.ok === false && lines.message).toBe(`工单 ${ro.number} 当前状态为「已取消」，不能修改项目`)
    const en = await t.call('service_advisor', 'ro.authorise', { id: ro.id, version: v, method: 'in_person', authorisedBy: '林涛' }, { locale: 'en' })
    expect(en.ok === false && en.message).toBe(`Repair order ${ro.number} is in state "Cancelled": you cannot record an authorisation`)
    expect(en).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect(await t.call('front_desk_supervisor', 'ro.cancel', { id: ro.id, version: v, reason: '再次取消' })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect(await t.call('service_advisor', 'ro.updateHeader', { id: ro.id, version: v, concerns: '改' })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
  })

  it('answers NOT_FOUND for a repair order that does not exist', async () => {
    expect(await t.call('service_advisor', 'ro.get', { id: 99_999 })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })
})

describe('lists and history', () => {
  it('lists newest first with filters and a total', async () => {
    const all = await t.ok('service_advisor', 'ro.list', {})
    expect(all.total).toBe(all.rows.length)
    const opened = all.rows.map((r) => `${r.openedAt}#${String(r.id).padStart(5, '0')}`)
    expect(opened).toEqual([...opened].sort().reverse())
    const open = await t.ok('service_advisor', 'ro.list', { open: true })
    const closed = await t.ok('service_advisor', 'ro.list', { open: false })
    expect(open.total + closed.total).toBe(all.total)
    expect(closed.rows.every((r) => r.state === 'cancelled')).toBe(true)
    const page = await t.ok('service_advisor', 'ro.list', { limit: 2, offset: 1 })
    expect(page.rows.map((r) => r.id)).toEqual(all.rows.slice(1, 3).map((r) => r.id))
    expect((await t.ok('service_advisor', 'ro.list', { advisorId: t.userIds.front_desk_supervisor })).total).toBe(0)
  })

  it('shows each visit with its work in the vehicle history, without cancelled ones', async () => {
    const detail = await t.ok('service_advisor', 'vehicles.get', { id: vehicleId })
    expect(detail.repairOrders.length).toBeGreaterThan(detail.history.length)
    expect(detail.history.some((h) => h.lines.includes('更换前刹车片'))).toBe(true)
    const cancelled = new Set(detail.repairOrders.filter((r) => r.state === 'cancelled').map((r) => r.id))
    expect(detail.history.every((h) => !cancelled.has(h.roId))).toBe(true)
  })
})
