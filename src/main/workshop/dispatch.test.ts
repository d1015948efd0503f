import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LiveEvent } from '../../shared/contract'
import { authorisedRo, jobOfLine, makeShop, type Shop } from './test-kit'

let shop: Shop
beforeAll(async () => {
  shop = await makeShop()
})
afterAll(() => shop.t.close())

describe('dispatch', () => {
  it('makes jobs of every labour line and starts the work at the first dispatch', async () => {
    const { t, techA, bays } = shop
    const ro = await authorisedRo(t, 101)
    const events: LiveEvent[] = []
    const stop = t.app.hub.subscribe((e) => events.push(e))
    const job = await t.ok('workshop_supervisor', 'workshop.dispatch', { lineId: ro.labourLineIds[0]!, technicianId: techA.id, bayId: bays.lift1 })
    stop()
    expect(job).toMatchObject({ state: 'dispatched', technicianId: techA.id, bayCode: 'L1', soldHoursMilli: 1200, lineId: ro.labourLineIds[0] })
    const detail = await t.ok('workshop_supervisor', 'workshop.ro', { roId: ro.id })
    expect(detail.roState).toBe('in_progress')
    expect(detail.roVersion).toBe(ro.version + 1)
    expect(detail.jobs.map((j) => [j.description, j.state, j.id !== null])).toEqual([
      ['更换前刹车片', 'dispatched', true],
      ['四轮定位', 'pending', true],
    ])
    expect(events.map((e) => [e.type, e.id])).toEqual(expect.arrayContaining([['workshop.changed', ro.id], ['ro.changed', ro.id]]))
    const audit = t.app.store.sqlite
      .prepare(`SELECT action FROM audit_log WHERE channel = 'workshop.dispatch' ORDER BY id`)
      .all() as { action: string }[]
    expect(audit.map((a) => a.action)).toEqual(['ro.start_work', 'workshop.dispatch'])
  })

  it('puts the next job of the same car into the bay the car is already in', async () => {
    const { t, techA, techB, bays } = shop
    const ro = await authorisedRo(t, 102)
    await t.ok('workshop_supervisor', 'workshop.dispatch', { lineId: ro.labourLineIds[0]!, technicianId: techA.id, bayId: bays.lift2 })
    const second = await t.ok('workshop_supervisor', 'workshop.dispatch', { lineId: ro.labourLineIds[1]!, technicianId: techB.id })
    expect(second.bayId).toBe(bays.lift2)
  })

  it('refuses a bay taken by another car unless the supervisor gives a reason, and records it', async () => {
    const { t, techA, bays } = shop
    const ro = await authorisedRo(t, 103)
    const refused = await t.call('workshop_supervisor', 'workshop.dispatch', { lineId: ro.labourLineIds[0]!, technicianId: techA.id, bayId: bays.lift1 })
    expect(refused).toMatchObject({ ok: false, code: 'CONFLICT' })
    if (!refused.ok) expect(refused.message).toMatch(/工位 L1 已被工单 RO\d+ 占用/)
    const after = await t.ok('workshop_supervisor', 'workshop.ro', { roId: ro.id })
    expect(after.roState).toBe('authorised')

    const forced = await t.ok('workshop_supervisor', 'workshop.dispatch', {
      lineId: ro.labourLineIds[0]!,
      technicianId: techA.id,
      bayId: bays.lift1,
      override: '前车只等交车，已推出工位',
    })
    expect(forced.bayId).toBe(bays.lift1)
    const detail = JSON.parse(
      (t.app.store.sqlite.prepare(`SELECT detail FROM audit_log WHERE action = 'workshop.dispatch' ORDER BY id DESC LIMIT 1`).get() as { detail: string }).detail,
    )
    expect(detail).toMatchObject({ exceptions: ['bay_occupied'], override: '前车只等交车，已推出工位' })
  })

  it('refuses a technician without the job’s skill unless overridden', async () => {
    const { t, techA } = shop
    const ro = await authorisedRo(t, 104)
    const refused = await t.call('workshop_supervisor', 'workshop.dispatch', { lineId: ro.labourLineIds[0]!, technicianId: techA.id, skill: 'electrical' }, { locale: 'en' })
    expect(refused).toMatchObject({ ok: false, code: 'INVALID_STATE', message: expect.stringContaining('does not have the skill "Electrical"') })
    const forced = await t.ok('workshop_supervisor', 'workshop.dispatch', { lineId: ro.labourLineIds[0]!, technicianId: techA.id, skill: 'electrical', override: '电工请假' })
    expect(forced).toMatchObject({ skill: 'electrical', technicianId: techA.id })
  })

  it('refuses lines that are not labour, people who are not technicians and ROs not yet authorised', async () => {
    const { t, techA } = shop
    const ro = await authorisedRo(t, 105)
    const notTech = await t.call('workshop_supervisor', 'workshop.dispatch', { lineId: ro.labourLineIds[0]!, technicianId: t.userIds.service_advisor })
    expect(notTech).toMatchObject({ ok: false, code: 'VALIDATION' })
    const revised = await t.ok('service_advisor', 'ro.saveLines', {
      id: ro.id,
      version: ro.version,
      lines: [{ kind: 'labour', description: '更换雨刮', quantityMilli: 300, unitPriceFen: 30000, payer: 'customer' }],
    })
    expect(revised.state).toBe('estimate')
    const estimate = await t.call('workshop_supervisor', 'workshop.dispatch', { lineId: revised.lines[0]!.id, technicianId: techA.id }, { locale: 'en' })
    expect(estimate).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    if (!estimate.ok) expect(estimate.message).toBe(`Repair order ${ro.number} is in state "Estimate", not in repair in the workshop`)
  })

  it('lets only the workshop supervisor dispatch', async () => {
    const { t, techA } = shop
    const ro = await authorisedRo(t, 106)
    const byTechnician = await t.call('technician', 'workshop.dispatch', { lineId: ro.labourLineIds[0]!, technicianId: techA.id })
    expect(byTechnician).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('takes a job back to dispatch until time is clocked on it, then only reassigns', async () => {
    const { t, techA, techB, bays } = shop
    const ro = await authorisedRo(t, 107)
    await t.ok('workshop_supervisor', 'workshop.dispatch', { lineId: ro.labourLineIds[0]!, technicianId: techA.id, bayId: bays.lift2, override: '测试' })
    const jobId = await jobOfLine(t, ro.id, ro.labourLineIds[0]!)
    expect(await t.ok('workshop_supervisor', 'workshop.unassign', { jobId })).toMatchObject({ state: 'pending', technicianId: null, bayId: null })
    await t.ok('workshop_supervisor', 'workshop.dispatch', { lineId: ro.labourLineIds[0]!, technicianId: techB.id, bayId: bays.lift2, override: '测试' })
    await t.ok({ token: techB.token }, 'workshop.clockOn', { jobId })
    await t.ok({ token: techB.token }, 'workshop.pause', { jobId, reason: 'parts' })
    expect(await t.call('workshop_supervisor', 'workshop.unassign', { jobId })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    const moved = await t.ok('workshop_supervisor', 'workshop.dispatch', { lineId: ro.labourLineIds[0]!, technicianId: techA.id })
    expect(moved).toMatchObject({ state: 'paused', pauseReason: 'parts', technicianId: techA.id })
  })
})
