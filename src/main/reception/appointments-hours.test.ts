import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, registerVehicle, type TestApp } from '../test-support/test-app'

// Opening hours are a setting; a booking must start at or after opening and end by closing
// unless the advisor confirmed it (`outsideHours`). 2026-11-30 is a Monday.
let t: TestApp
let vehicleId: number

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'service_manager', 'technician'] })
  vehicleId = (await registerVehicle(t, { serial: 210001, plate: '京B21001', name: '王五' })).id
})
afterAll(() => t.close())

const attempt = (startsAt: string, durationMin = 60, outsideHours?: boolean) =>
  t.call('service_advisor', 'appointments.book', {
    vehicleId,
    advisorId: t.userIds.service_advisor,
    startsAt,
    durationMin,
    ...(outsideHours === undefined ? {} : { outsideHours }),
  })

describe('appointments within opening hours', () => {
  it('accepts a booking from the opening minute and one that ends exactly at closing', async () => {
    expect(await attempt('2026-11-30T08:00:00+08:00')).toMatchObject({ ok: true })
    expect(await attempt('2026-11-30T17:00:00+08:00')).toMatchObject({ ok: true })
    expect(await attempt('2026-11-30T17:45:00+08:00', 15)).toMatchObject({ ok: true })
  })

  it('refuses a minute before opening, a minute past closing and 03:00, naming the hours', async () => {
    for (const [startsAt, duration] of [
      ['2026-11-30T07:59:00+08:00', 60],
      ['2026-11-30T17:01:00+08:00', 60],
      ['2026-11-30T18:00:00+08:00', 15],
      ['2026-11-30T03:00:00+08:00', 60],
    ] as const) {
      const result = await attempt(startsAt, duration)
      expect(result, startsAt).toMatchObject({
        ok: false,
        code: 'VALIDATION',
        message: '不在营业时间内：周一营业时间为 08:00–18:00，预约须在营业时间内开始并结束',
        details: { outsideHours: true, fields: [{ field: 'startsAt' }] },
      })
    }
    const day = await t.ok('service_advisor', 'appointments.day', { date: '2026-11-30' })
    expect(day.map((a) => a.startsAt)).not.toContain('2026-11-30T03:00:00+08:00')
  })

  it('reads the hours in the caller\'s language and in the dealership\'s zone whatever the offset sent', async () => {
    // 19:30 UTC on the 29th is 03:30 on Monday the 30th in Shanghai.
    const result = await t.call('service_advisor', 'appointments.book', { vehicleId, advisorId: t.userIds.service_advisor, startsAt: '2026-11-29T19:30:00Z' }, { locale: 'en' })
    expect(result).toMatchObject({ ok: false, message: 'Outside opening hours: on Monday reception is open 08:00–18:00; a booking must start and end within them' })
  })

  it('keeps an explicitly confirmed 03:00 booking at 03:00', async () => {
    const booked = await attempt('2026-11-30T03:00:00+08:00', 60, true)
    expect(booked).toMatchObject({ ok: true, data: { startsAt: '2026-11-30T03:00:00+08:00' } })
  })

  it('follows the manager\'s setting, including a closed day', async () => {
    const hours = '08:30-17:30 08:30-17:30 08:30-17:30 08:30-17:30 08:30-17:30 09:00-12:00 closed'
    const updated = await t.ok('service_manager', 'settings.update', { openingHours: hours })
    expect(updated.openingHours).toBe(hours)
    expect(await attempt('2026-11-30T08:00:00+08:00')).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await attempt('2026-11-30T08:30:00+08:00')).toMatchObject({ ok: true })
    expect(await attempt('2026-12-05T11:00:00+08:00')).toMatchObject({ ok: true })
    expect(await attempt('2026-12-05T11:01:00+08:00')).toMatchObject({ ok: false })
    expect(await attempt('2026-12-06T10:00:00+08:00')).toMatchObject({ ok: false, message: '周日不营业，不能预约' })
  })

  it('refuses unreadable opening hours with a message about the field', async () => {
    const result = await t.call('service_manager', 'settings.update', { openingHours: '08:00-18:00 18:00-08:00' })
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION', details: { fields: [{ field: 'openingHours' }] } })
  })
})
