import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, registerVehicle, type TestApp } from '../test-support/test-app'

let t: TestApp
let vehicleId: number
let otherVehicleId: number
let ownerId: number

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'front_desk_supervisor', 'technician'] })
  const vehicle = await registerVehicle(t, { serial: 200001, plate: '京B20001', name: '韩梅', mobile: '13312345678' })
  vehicleId = vehicle.id
  ownerId = vehicle.ownerId
  otherVehicleId = (await registerVehicle(t, { serial: 200002, plate: '京B20002', name: '李雷' })).id
})
afterAll(() => t.close())

// Late-evening and midnight bookings in these tests are deliberate, so they carry the confirmation.
const book = (startsAt: string, advisor: 'service_advisor' | 'front_desk_supervisor' = 'service_advisor') =>
  t.ok('service_advisor', 'appointments.book', { vehicleId, advisorId: t.userIds[advisor], startsAt, concern: '5000 公里保养', outsideHours: true })

describe('appointments', () => {
  it('books for the vehicle and its current owner, stored in local time', async () => {
    // 01:30 UTC is 09:30 in Shanghai, on the 28th.
    const booked = await book('2026-11-28T01:30:00Z')
    expect(booked).toMatchObject({
      vehicleId,
      customerId: ownerId,
      customerName: '韩梅',
      mobile: '13312345678',
      plate: '京B20001',
      advisorName: '测试service_advisor',
      startsAt: '2026-11-28T09:30:00+08:00',
      durationMin: 60,
      status: 'booked',
      roId: null,
    })
  })

  it('lists a local day in time order, optionally for one advisor', async () => {
    await book('2026-11-29T15:00:00+08:00')
    await book('2026-11-29T08:30:00+08:00', 'front_desk_supervisor')
    await book('2026-11-29T23:59:00+08:00')
    await book('2026-11-30T00:00:00+08:00')
    const day = await t.ok('service_advisor', 'appointments.day', { date: '2026-11-29' })
    expect(day.map((a) => a.startsAt)).toEqual(['2026-11-29T08:30:00+08:00', '2026-11-29T15:00:00+08:00', '2026-11-29T23:59:00+08:00'])
    const mine = await t.ok('service_advisor', 'appointments.day', { date: '2026-11-29', advisorId: t.userIds.service_advisor })
    expect(mine.map((a) => a.startsAt)).toEqual(['2026-11-29T15:00:00+08:00', '2026-11-29T23:59:00+08:00'])
  })

  it('uses the starts_at index for a day', () => {
    const plan = t.app.store.sqlite
      .prepare(`EXPLAIN QUERY PLAN SELECT id FROM appointments a WHERE a.starts_at >= ? AND a.starts_at < ? ORDER BY a.starts_at`)
      .all('2026-11-29T00:00:00', '2026-11-30T00:00:00') as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' | ')).toMatch(/^SEARCH a USING (COVERING )?INDEX appointments_day/)
  })

  it('refuses an advisor who does not receive customers', async () => {
    const result = await t.call('service_advisor', 'appointments.book', {
      vehicleId,
      advisorId: t.userIds.technician,
      startsAt: '2026-11-28T10:00:00+08:00',
    })
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION', details: { fields: [{ field: 'advisorId' }] } })
  })

  it('marks a no-show, undoes it, and cancels', async () => {
    const booked = await book('2026-12-01T10:00:00+08:00')
    const noShow = await t.ok('service_advisor', 'appointments.setStatus', { id: booked.id, version: booked.version, status: 'no_show' })
    expect(noShow).toMatchObject({ status: 'no_show', version: 2 })
    const rebooked = await t.ok('service_advisor', 'appointments.setStatus', { id: booked.id, version: 2, status: 'booked' })
    const cancelled = await t.ok('service_advisor', 'appointments.setStatus', { id: booked.id, version: rebooked.version, status: 'cancelled' })
    expect(cancelled.status).toBe('cancelled')
    const illegal = await t.call('service_advisor', 'appointments.setStatus', { id: booked.id, version: cancelled.version, status: 'no_show' })
    expect(illegal).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect(illegal.ok === false && illegal.message).toBe('预约不能从「已取消」改为「未到店」')
    const stale = await t.call('service_advisor', 'appointments.setStatus', { id: booked.id, version: 1, status: 'booked' })
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' })
  })

  it('becomes arrived through check-in, linked to the repair order', async () => {
    const booked = await book('2026-11-27T11:00:00+08:00')
    const wrongCar = await t.call('service_advisor', 'ro.checkIn', {
      vehicleId: otherVehicleId,
      appointmentId: booked.id,
      type: 'maintenance',
      odometerKm: 10_000,
      fuelEighths: 4,
      concerns: '保养',
    })
    expect(wrongCar).toMatchObject({ ok: false, code: 'VALIDATION', details: { fields: [{ field: 'appointmentId' }] } })

    const ro = await t.ok('service_advisor', 'ro.checkIn', {
      vehicleId,
      appointmentId: booked.id,
      type: 'maintenance',
      odometerKm: 10_200,
      fuelEighths: 4,
      concerns: '5000 公里保养',
    })
    expect(ro.appointmentId).toBe(booked.id)
    const [arrived] = (await t.ok('service_advisor', 'appointments.day', { date: '2026-11-27' })).filter((a) => a.id === booked.id)
    expect(arrived).toMatchObject({ status: 'arrived', roId: ro.id })
    // Arrival is final for the desk; and one booking opens one repair order.
    const undo = await t.call('service_advisor', 'appointments.setStatus', { id: booked.id, version: arrived!.version, status: 'booked' })
    expect(undo).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    const twice = await t.call('service_advisor', 'ro.checkIn', {
      vehicleId,
      appointmentId: booked.id,
      type: 'maintenance',
      odometerKm: 10_200,
      fuelEighths: 4,
      concerns: '保养',
    })
    expect(twice).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    const actions = t.app.store.sqlite
      .prepare(`SELECT action FROM audit_log WHERE entity = 'appointment' AND entity_id = ? ORDER BY id`)
      .all(String(booked.id))
    expect(actions).toEqual([{ action: 'appointment.book' }, { action: 'appointment.arrive' }])
  })
})
