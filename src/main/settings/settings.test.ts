import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repairWarrantyOf, getSetting } from './settings'
import { makeTestApp, type TestApp } from '../test-support/test-app'

// The settings the real day added (clock minimum, repair warranty per RO type) are read and
// changed through settings.get / settings.update like the others, by those who manage settings.
let t: TestApp

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_manager', 'service_advisor'] })
})
afterAll(() => t.close())

describe('department settings', () => {
  it('shows the defaults: 3 minutes, and the legal repair-warranty minimums per RO type', async () => {
    const settings = await t.ok('service_manager', 'settings.get', {})
    expect(settings.clockMinSegmentMinutes).toBe(3)
    expect(settings.repairWarranty.maintenance).toEqual({ days: 30, km: 5000 })
    expect(settings.repairWarranty.repair).toEqual({ days: 10, km: 2000 })
  })

  it('changes the clock minimum and one RO type\'s repair warranty, leaving the others', async () => {
    const after = await t.ok('service_manager', 'settings.update', { clockMinSegmentMinutes: 5, repairWarranty: { repair: { days: 90, km: 5000 } } })
    expect(after.clockMinSegmentMinutes).toBe(5)
    expect(after.repairWarranty.repair).toEqual({ days: 90, km: 5000 })
    expect(after.repairWarranty.maintenance).toEqual({ days: 30, km: 5000 })
    expect(getSetting(t.app.store, 'clock.minSegmentMinutes')).toBe(5)
    expect(repairWarrantyOf(t.app.store, 'repair')).toEqual({ days: 90, km: 5000 })
  })

  it('refuses a negative period naming the field, and changes nothing', async () => {
    const result = await t.call('service_manager', 'settings.update', { clockMinSegmentMinutes: 1, repairWarranty: { repair: { days: -1, km: 5000 } } })
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(JSON.stringify(result)).toContain('repairWarranty')
    expect(getSetting(t.app.store, 'clock.minSegmentMinutes')).toBe(5)
  })

  it('refuses an advisor', async () => {
    expect(await t.call('service_advisor', 'settings.update', { clockMinSegmentMinutes: 0 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
