import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withValidCheckDigit } from '../../shared/domain/vin'
import { makeTestApp, registerVehicle, type TestApp } from '../test-support/test-app'
import { testVin } from '../test-support/fixtures'
import { COUNT_SQL, SEARCH_SQL } from './search'

let t: TestApp
const ids: Record<string, number> = {}

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'front_desk_supervisor'] })
  ids.zhangWei = (await registerVehicle(t, { serial: 123456, plate: '京A12345', name: '张伟', mobile: '13812345678' })).id
  ids.liNa = (await registerVehicle(t, { serial: 223456, plate: '沪B67890', name: '李娜', mobile: '13987654321' })).id
  ids.wangFang = (await registerVehicle(t, { serial: 334455, plate: '粤A12345', name: '王芳', mobile: '13812349999' })).id
  // Its VIN ends in B67890, the tail of 李娜's plate: one text, two meanings.
  const vinB = withValidCheckDigit('LSVAB2BM0RNB67890')
  ids.vinB = (
    await t.ok('service_advisor', 'vehicles.register', { vin: vinB, plate: '浙C11111', make: '大众', model: '帕萨特', newOwner: { name: '赵强' } })
  ).id
  // Plate tail and VIN tail of the same car: found twice, listed once.
  const vinC = withValidCheckDigit('LSVAB2BM0RNC12121')
  ids.vinC = (
    await t.ok('service_advisor', 'vehicles.register', { vin: vinC, plate: '鲁C12121', make: '大众', model: '途观', newOwner: { name: '孙丽' } })
  ).id
  ids.zhangMin = (await t.ok('service_advisor', 'customers.create', { name: '张敏', mobile: '13700001111' })).id
})

afterAll(() => t.close())

const search = (q: string, limit?: number) => t.ok('service_advisor', 'reception.search', { q, ...(limit ? { limit } : {}) })

describe('reception.search', () => {
  it('finds a vehicle by the last six characters of its VIN', async () => {
    const hits = await search('123456')
    expect(hits.map((h) => h.vehicleId)).toEqual([ids.zhangWei])
    expect(hits[0]).toMatchObject({ matchedBy: 'vin', plate: '京A12345', customerName: '张伟', mobile: '13812345678' })
  })

  it('finds a vehicle by its full VIN, typed in lower case with spaces', async () => {
    const vin = testVin(223456)
    const hits = await search(`${vin.slice(0, 8).toLowerCase()} ${vin.slice(8)}`)
    expect(hits).toHaveLength(1)
    expect(hits[0]).toMatchObject({ vehicleId: ids.liNa, vin, matchedBy: 'vin' })
  })

  it('finds a vehicle by its full plate, however it is typed', async () => {
    for (const q of ['京A12345', '京a·12345', ' 京A 12345 ']) {
      const hits = await search(q)
      expect(hits.map((h) => h.vehicleId), q).toEqual([ids.zhangWei])
      expect(hits[0]?.matchedBy).toBe('plate')
    }
  })

  it('finds vehicles by a plate without its province character', async () => {
    const hits = await search('A12345')
    expect(hits.map((h) => h.plate).sort()).toEqual(['京A12345', '粤A12345'])
    expect(hits.every((h) => h.matchedBy === 'plate')).toBe(true)
  })

  it('finds vehicles by a plate prefix', async () => {
    const hits = await search('粤A1')
    expect(hits.map((h) => h.vehicleId)).toEqual([ids.wangFang])
  })

  it('finds customers by the start of a mobile number', async () => {
    const hits = await search('1381234')
    expect(hits.map((h) => h.customerName).sort()).toEqual(['张伟', '王芳'])
    expect(hits.every((h) => h.matchedBy === 'mobile')).toBe(true)
  })

  it('finds customers by the start of their name, with or without a vehicle', async () => {
    const hits = await search('张')
    expect(hits.map((h) => h.customerName).sort()).toEqual(['张伟', '张敏'])
    const withoutVehicle = hits.find((h) => h.customerName === '张敏')
    expect(withoutVehicle).toMatchObject({ customerId: ids.zhangMin, vehicleId: null, vin: null, plate: null, make: null, model: null, matchedBy: 'name' })
  })

  it('puts an exact plate match before vehicles whose VIN merely ends the same way', async () => {
    const hits = await search('B67890')
    expect(hits.map((h) => h.vehicleId)).toEqual([ids.liNa, ids.vinB])
    expect(hits.map((h) => h.matchedBy)).toEqual(['plate', 'vin'])
  })

  it('lists a vehicle found by two meanings of the text once', async () => {
    const hits = await search('C12121')
    expect(hits.map((h) => h.vehicleId)).toEqual([ids.vinC])
  })

  it('respects the limit', async () => {
    expect(await search('138', 1)).toHaveLength(1)
  })

  it('shows the open repair order of a vehicle until it is closed', async () => {
    const ro = await t.ok('service_advisor', 'ro.checkIn', {
      vehicleId: ids.zhangWei!,
      type: 'maintenance',
      odometerKm: 15_000,
      fuelEighths: 4,
      concerns: '例行保养',
    })
    let [hit] = await search('京A12345')
    expect(hit).toMatchObject({ openRoId: ro.id, openRoNumber: ro.number })
    await t.ok('front_desk_supervisor', 'ro.cancel', { id: ro.id, version: ro.version, reason: '客户改期' })
    ;[hit] = await search('京A12345')
    expect(hit).toMatchObject({ openRoId: null, openRoNumber: null })
  })

  it('finds nothing for text that matches nobody', async () => {
    expect(await search('不存在的人')).toEqual([])
  })
})

describe('reception.search query plans', () => {
  // Signal's rule: hot queries are held to an index search so they stay fast at any size.
  const sample: Record<keyof typeof SEARCH_SQL, unknown[]> = {
    vin: ['LSVAB2BMXRN123456', 20],
    plate: ['京A1', '京A1\u{10FFFF}', 20],
    plateTail: ['A1', 'A1\u{10FFFF}', 20],
    vinTail: ['654321', '654321\u{10FFFF}', 20],
    mobile: ['138', '138\u{10FFFF}', 20],
    mobileTail: ['1234', 20],
    name: ['张', '张\u{10FFFF}', 20],
    openRo: [1],
  }

  // The "of M" count reads keys only: index searches as well, never a scan.
  for (const [branch, sql] of Object.entries(COUNT_SQL)) {
    it(`counts by index and never scans a table: ${branch}`, () => {
      const args = [...(sample[branch as keyof typeof SEARCH_SQL].slice(0, -1) as unknown[]), 1001]
      const details = (t.app.store.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((p) => p.detail)
      for (const detail of details) expect(detail, details.join(' | ')).toMatch(/^SEARCH \w+ USING (COVERING )?(INDEX \w+|INTEGER PRIMARY KEY) \(/)
    })
  }

  for (const [branch, sql] of Object.entries(SEARCH_SQL)) {
    it(`searches by index and never scans a table: ${branch}`, () => {
      const plan = t.app.store.sqlite
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...sample[branch as keyof typeof SEARCH_SQL]) as { detail: string }[]
      const details = plan.map((p) => p.detail)
      expect(details.length).toBeGreaterThan(0)
      for (const detail of details) {
        // No SCAN and no sorting in a temp b-tree: the index order is the result order.
        expect(detail, details.join(' | ')).toMatch(/^SEARCH \w+ USING (COVERING )?(INDEX \w+|INTEGER PRIMARY KEY) \(/)
      }
    })
  }
})
