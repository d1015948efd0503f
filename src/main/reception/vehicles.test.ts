import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, registerVehicle, type TestApp } from '../test-support/test-app'
import { dbFingerprint, testVin } from '../test-support/fixtures'

let t: TestApp

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'front_desk_supervisor'] })
})
afterAll(() => t.close())

const auditOf = (entity: string, id: number) =>
  t.app.store.sqlite.prepare('SELECT action, detail, user_id FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id').all(entity, String(id)) as {
    action: string
    detail: string | null
    user_id: number
  }[]

describe('customers', () => {
  it('creates a customer and updates it with the version it was read at', async () => {
    const created = await t.ok('service_advisor', 'customers.create', { name: '上海某物流有限公司', kind: 'company', mobile: '138-1111-2222' })
    expect(created).toMatchObject({ kind: 'company', mobile: '13811112222', version: 1 })
    const updated = await t.ok('service_advisor', 'customers.update', { id: created.id, version: 1, note: '月结客户' })
    // A partial update leaves the other fields alone (a company stays a company).
    expect(updated).toMatchObject({ name: '上海某物流有限公司', kind: 'company', note: '月结客户', version: 2 })
    expect(auditOf('customer', created.id).map((a) => a.action)).toEqual(['customer.create', 'customer.update'])
  })

  it('refuses an update based on an old version', async () => {
    const created = await t.ok('service_advisor', 'customers.create', { name: '钱七' })
    await t.ok('service_advisor', 'customers.update', { id: created.id, version: 1, address: '浦东新区' })
    const stale = await t.call('service_advisor', 'customers.update', { id: created.id, version: 1, name: '钱八' })
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect((await t.ok('service_advisor', 'customers.get', { id: created.id })).customer.name).toBe('钱七')
  })

  it('lets family members share a mobile number once the desk confirms it is shared', async () => {
    const first = await t.ok('service_advisor', 'customers.create', { name: '周一', mobile: '13900001234' })
    const twice = await t.call('service_advisor', 'customers.create', { name: '周二', mobile: '139-0000-1234' })
    expect(twice).toMatchObject({
      ok: false,
      code: 'DUPLICATE',
      message: '该手机号已登记在客户「周一」名下',
      details: { existingCustomerId: first.id, existingCustomerName: '周一', fields: [{ field: 'mobile' }] },
    })
    await t.ok('service_advisor', 'customers.create', { name: '周二', mobile: '13900001234', sharedMobile: true })
  })

  it('refuses a new owner on a registered mobile at the form field, and moving a customer onto it', async () => {
    const owner = await t.ok('service_advisor', 'customers.create', { name: '吴九', mobile: '13700009999' })
    const other = await t.ok('service_advisor', 'customers.create', { name: '郑十', mobile: '13700008888' })
    const result = await t.call('service_advisor', 'vehicles.register', {
      vin: testVin(100900),
      make: '大众',
      model: '朗逸',
      newOwner: { name: '吴九', mobile: '13700009999' },
    })
    expect(result).toMatchObject({ ok: false, code: 'DUPLICATE', details: { existingCustomerId: owner.id, fields: [{ field: 'newOwner.mobile' }] } })
    const moved = await t.call('service_advisor', 'customers.update', { id: other.id, version: other.version, mobile: '13700009999' })
    expect(moved).toMatchObject({ ok: false, code: 'DUPLICATE' })
    const same = await t.call('service_advisor', 'customers.update', { id: owner.id, version: owner.version, mobile: '13700009999', name: '吴九九' })
    expect(same).toMatchObject({ ok: true })
  })
})

describe('vehicles.register', () => {
  it('registers a vehicle with a new owner, its first odometer reading and the search columns', async () => {
    const vehicle = await registerVehicle(t, { serial: 100001, plate: '粤BD12345', name: '陈静', mobile: '13600001111', odometerKm: 8_200 })
    expect(vehicle).toMatchObject({ vin: testVin(100001), plate: '粤BD12345', energy: 'new_energy', odometerKm: 8_200, version: 1 })
    const row = t.app.store.sqlite.prepare('SELECT vin_rev, plate_tail FROM vehicles WHERE id = ?').get(vehicle.id)
    expect(row).toEqual({ vin_rev: [...testVin(100001)].reverse().join(''), plate_tail: 'BD12345' })
    const detail = await t.ok('service_advisor', 'vehicles.get', { id: vehicle.id })
    expect(detail.owner.name).toBe('陈静')
    expect(detail.owners).toEqual([{ customerId: vehicle.ownerId, name: '陈静', fromAt: '2026-11-27T10:30:00+08:00', toAt: null }])
    expect(detail.odometer).toEqual([{ km: 8_200, at: '2026-11-27T10:30:00+08:00', source: 'registration', overrideReason: null }])
    expect(auditOf('vehicle', vehicle.id).map((a) => a.action)).toEqual(['vehicle.register'])
    expect(auditOf('customer', vehicle.ownerId).map((a) => a.action)).toEqual(['customer.create'])
  })

  it('registers a second vehicle for an existing customer', async () => {
    const first = await registerVehicle(t, { serial: 100002, plate: '京N20001', name: '刘洋' })
    const second = await t.ok('service_advisor', 'vehicles.register', { vin: testVin(100003), make: '奥迪', model: 'A4L', ownerId: first.ownerId })
    expect(second).toMatchObject({ ownerId: first.ownerId, plate: null, energy: 'fuel', odometerKm: 0 })
    const customer = await t.ok('service_advisor', 'customers.get', { id: first.ownerId })
    expect(customer.vehicles.map((v) => v.id)).toEqual([first.id, second.id])
  })

  it('needs exactly one of an existing owner or a new owner', async () => {
    const existing = await t.ok('service_advisor', 'customers.create', { name: '吴九' })
    for (const owner of [{}, { ownerId: existing.id, newOwner: { name: '郑十' } }]) {
      const result = await t.call('service_advisor', 'vehicles.register', { vin: testVin(100004), make: '大众', model: '宝来', ...owner })
      expect(result).toMatchObject({ ok: false, code: 'VALIDATION', details: { fields: [{ field: 'ownerId' }] } })
    }
  })

  it('refuses a VIN or plate that is already registered, and changes nothing', async () => {
    await registerVehicle(t, { serial: 100005, plate: '苏E55555', name: '冯一' })
    const before = dbFingerprint(t.app.store)
    const sameVin = await t.call('service_advisor', 'vehicles.register', {
      vin: testVin(100005),
      make: '大众',
      model: '宝来',
      newOwner: { name: '冯二' },
    })
    expect(sameVin).toMatchObject({ ok: false, code: 'DUPLICATE', details: { fields: [{ field: 'vin' }] } })
    expect(sameVin.ok === false && sameVin.message).toContain(testVin(100005))
    const samePlate = await t.call('service_advisor', 'vehicles.register', {
      vin: testVin(100006),
      plate: '苏 E·55555',
      make: '大众',
      model: '宝来',
      newOwner: { name: '冯二' },
    })
    expect(samePlate).toMatchObject({ ok: false, code: 'DUPLICATE', details: { fields: [{ field: 'plate' }] } })
    expect(dbFingerprint(t.app.store)).toEqual(before)
  })
})

describe('vehicles.update and changeOwner', () => {
  it('changes the plate and keeps the search columns in step', async () => {
    const vehicle = await registerVehicle(t, { serial: 100010, plate: '浙A10010', name: '褚三' })
    const updated = await t.ok('service_advisor', 'vehicles.update', { id: vehicle.id, version: vehicle.version, plate: '浙AF10010', colour: '白色' })
    expect(updated).toMatchObject({ plate: '浙AF10010', energy: 'new_energy', colour: '白色', version: 2 })
    const hits = await t.ok('service_advisor', 'reception.search', { q: 'AF10010' })
    expect(hits.map((h) => h.vehicleId)).toEqual([vehicle.id])
    const stale = await t.call('service_advisor', 'vehicles.update', { id: vehicle.id, version: 1, colour: '黑色' })
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' })
  })

  it('closes the current ownership and opens a new one', async () => {
    const vehicle = await registerVehicle(t, { serial: 100011, plate: '浙A10011', name: '卫四' })
    const buyer = await t.ok('service_advisor', 'customers.create', { name: '蒋五', mobile: '13500002222' })
    t.clock.advance(60_000)
    const changed = await t.ok('service_advisor', 'vehicles.changeOwner', { id: vehicle.id, version: vehicle.version, customerId: buyer.id })
    expect(changed).toMatchObject({ ownerId: buyer.id, version: 2 })
    const detail = await t.ok('service_advisor', 'vehicles.get', { id: vehicle.id })
    expect(detail.owner.id).toBe(buyer.id)
    expect(detail.owners).toEqual([
      { customerId: buyer.id, name: '蒋五', fromAt: '2026-11-27T10:31:00+08:00', toAt: null },
      { customerId: vehicle.ownerId, name: '卫四', fromAt: '2026-11-27T10:30:00+08:00', toAt: '2026-11-27T10:31:00+08:00' },
    ])
    const [hit] = await t.ok('service_advisor', 'reception.search', { q: '浙A10011' })
    expect(hit?.customerName).toBe('蒋五')
    const again = await t.call('service_advisor', 'vehicles.changeOwner', { id: vehicle.id, version: 2, customerId: buyer.id })
    expect(again).toMatchObject({ ok: false, code: 'VALIDATION', details: { fields: [{ field: 'customerId' }] } })
    t.clock.set('2026-11-27T02:30:00Z')
  })
})

describe('odometer', () => {
  it('lets only a supervisor correct the odometer, with the reason recorded', async () => {
    const vehicle = await registerVehicle(t, { serial: 100020, plate: '浙A10020', odometerKm: 50_000 })
    const refused = await t.call('service_advisor', 'vehicles.correctOdometer', { id: vehicle.id, version: 1, km: 5_000, reason: '录入错误' })
    expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const corrected = await t.ok('front_desk_supervisor', 'vehicles.correctOdometer', { id: vehicle.id, version: 1, km: 5_000, reason: '登记时多输了一个零' })
    expect(corrected.odometerKm).toBe(5_000)
    const row = t.app.store.sqlite
      .prepare(`SELECT km, override_by, override_reason FROM odometer_readings WHERE vehicle_id = ? AND source = 'correction'`)
      .get(vehicle.id)
    expect(row).toEqual({ km: 5_000, override_by: t.userIds.front_desk_supervisor, override_reason: '登记时多输了一个零' })
    const audit = auditOf('vehicle', vehicle.id).find((a) => a.action === 'odometer.correct')
    expect(JSON.parse(audit!.detail!)).toMatchObject({ before: 50_000, after: 5_000 })
  })

  it('refuses a check-in reading below the last one, naming the last reading', async () => {
    const vehicle = await registerVehicle(t, { serial: 100021, plate: '浙A10021', odometerKm: 42_000 })
    const input = { vehicleId: vehicle.id, type: 'repair' as const, odometerKm: 41_000, fuelEighths: 3, concerns: '异响' }
    const before = dbFingerprint(t.app.store)
    const zh = await t.call('service_advisor', 'ro.checkIn', input)
    expect(zh).toMatchObject({ ok: false, code: 'VALIDATION', details: { fields: [{ field: 'odometerKm' }] } })
    expect(zh.ok === false && zh.message).toContain('42000')
    const en = await t.call('service_advisor', 'ro.checkIn', input, { locale: 'en' })
    expect(en.ok === false && en.message).toMatch(/below the last reading of 42000 km/)
    // A reason does not help an advisor: only a supervisor may accept the lower reading.
    const advisor = await t.call('service_advisor', 'ro.checkIn', { ...input, odometerOverrideReason: '更换仪表' })
    expect(advisor).toMatchObject({ ok: false, code: 'FORBIDDEN', details: { fields: [{ field: 'odometerKm' }] } })
    expect(dbFingerprint(t.app.store)).toEqual(before)
  })

  it('records a supervisor override of a lower check-in reading', async () => {
    const vehicle = await registerVehicle(t, { serial: 100022, plate: '浙A10022', odometerKm: 42_000 })
    const ro = await t.ok('front_desk_supervisor', 'ro.checkIn', {
      vehicleId: vehicle.id,
      type: 'repair',
      odometerKm: 1_200,
      odometerOverrideReason: '仪表总成已更换',
      fuelEighths: 3,
      concerns: '仪表不亮',
    })
    expect(ro.odometerKm).toBe(1_200)
    expect(ro.vehicle.odometerKm).toBe(1_200)
    const detail = await t.ok('service_advisor', 'vehicles.get', { id: vehicle.id })
    expect(detail.odometer[0]).toMatchObject({ km: 1_200, source: 'check_in', overrideReason: '仪表总成已更换' })
    const row = t.app.store.sqlite.prepare(`SELECT override_by, ro_id FROM odometer_readings WHERE vehicle_id = ? AND source = 'check_in'`).get(vehicle.id)
    expect(row).toEqual({ override_by: t.userIds.front_desk_supervisor, ro_id: ro.id })
    const audit = auditOf('vehicle', vehicle.id).find((a) => a.action === 'odometer.override')
    expect(JSON.parse(audit!.detail!)).toMatchObject({ before: 42_000, after: 1_200, reason: '仪表总成已更换', roId: ro.id })
  })

  it('raises the vehicle odometer on a normal check-in', async () => {
    const vehicle = await registerVehicle(t, { serial: 100023, plate: '浙A10023', odometerKm: 42_000 })
    await t.ok('service_advisor', 'ro.checkIn', { vehicleId: vehicle.id, type: 'maintenance', odometerKm: 47_500, fuelEighths: 5, concerns: '保养' })
    const detail = await t.ok('service_advisor', 'vehicles.get', { id: vehicle.id })
    expect(detail.vehicle.odometerKm).toBe(47_500)
    expect(detail.odometer.map((r) => [r.km, r.source])).toEqual([
      [47_500, 'check_in'],
      [42_000, 'registration'],
    ])
  })
})
