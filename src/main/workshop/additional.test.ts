import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { authorisedRo, jobOfLine, makeShop, type Shop } from './test-kit'
import { seedCatalog } from '../test-support/fixtures'
import { vatOnNet } from '../../shared/domain/money'

let shop: Shop
let serial = 300
let oilFilterId: number
beforeAll(async () => {
  shop = await makeShop()
  oilFilterId = seedCatalog(shop.t.app.store).oilFilterId
})
afterAll(() => shop.t.close())

/** An RO in repair, its first job running for technician A in bay L1. */
async function roInRepair() {
  const { t, techA, bays } = shop
  const ro = await authorisedRo(t, ++serial, { labour: [['保养', 1000]] })
  await t.ok('workshop_supervisor', 'workshop.dispatch', { lineId: ro.labourLineIds[0]!, technicianId: techA.id, bayId: bays.lift1, override: '测试' })
  const jobId = await jobOfLine(t, ro.id, ro.labourLineIds[0]!)
  await t.ok({ token: techA.token }, 'workshop.clockOn', { jobId, pauseOthers: true })
  return { ro, jobId }
}

const brakeDiscs = (partId: number) => ({
  roId: 0,
  finding: '前刹车盘磨损超限，建议更换',
  lines: [
    { kind: 'labour' as const, description: '更换前刹车盘', quantityMilli: 1500, unitPriceFen: 30000, payer: 'customer' as const },
    { kind: 'part' as const, partId, description: '机油滤清器', quantityMilli: 1000, unitPriceFen: 6800, payer: 'customer' as const },
  ],
})

describe('additional work', () => {
  it('lands in the advisor’s queue and cannot be clocked before the customer approves', async () => {
    const { t, techA } = shop
    const { ro } = await roInRepair()
    const raised = await t.ok({ token: techA.token }, 'workshop.additional.raise', { ...brakeDiscs(oilFilterId), roId: ro.id })
    expect(raised).toMatchObject({ state: 'raised', raisedBy: '测试technician', netFen: 45000 + 6800, grossFen: Math.round((45000 + 6800) * 1.13) })
    // Net, VAT and gross as the estimate shows them, reconciling to the fen.
    expect(raised).toMatchObject({ vatRateBp: 1300, vatFen: vatOnNet(45000 + 6800, 1300), decidedBy: null, decidedAt: null, recordedBy: null })
    expect(raised.netFen + raised.vatFen).toBe(raised.grossFen)
    // The customer the advisor asks, so the decision starts from their name.
    const ordered = await t.ok('service_advisor', 'ro.get', { id: ro.id })
    expect(raised.customerName).toBe(ordered.customer.name)
    const queue = await t.ok('service_advisor', 'workshop.additional.queue', { advisorId: t.userIds.service_advisor })
    expect(queue.map((a) => a.id)).toContain(raised.id)

    const detail = await t.ok('workshop_supervisor', 'workshop.ro', { roId: ro.id })
    const proposed = detail.jobs.find((j) => j.additional)!
    expect(proposed).toMatchObject({ state: 'proposed', lineId: null, technicianId: techA.id })
    const clock = await t.call({ token: techA.token }, 'workshop.clockOn', { jobId: proposed.id!, pauseOthers: true }, { locale: 'en' })
    expect(clock).toMatchObject({ ok: false, code: 'INVALID_STATE', message: 'Job "更换前刹车盘" is in state "Awaiting customer": "Clock on" is not possible' })
    const time = await t.call('workshop_supervisor', 'workshop.addSegment', {
      jobId: proposed.id!,
      startedAt: '2026-11-27T09:00:00+08:00',
      endedAt: '2026-11-27T09:30:00+08:00',
      reason: '补录',
    })
    expect(time).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    const board = await t.ok('workshop_supervisor', 'workshop.board', {})
    expect(board.cards.find((c) => c.roId === ro.id)).toMatchObject({ pendingAdditional: 1, flags: expect.arrayContaining(['awaiting_approval']) })
  })

  it('becomes RO lines and a job for the technician who found it once approved, with who, how and when', async () => {
    const { t, techA, bays } = shop
    const { ro, jobId } = await roInRepair()
    const raised = await t.ok({ token: techA.token }, 'workshop.additional.raise', { ...brakeDiscs(oilFilterId), roId: ro.id })
    const before = await t.ok('service_advisor', 'ro.get', { id: ro.id })
    const stale = await t.call('service_advisor', 'workshop.additional.decide', { id: raised.id, version: raised.version + 1, decision: 'approved', method: 'phone', decidedBy: '张三' })
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' })
    const approved = await t.ok('service_advisor', 'workshop.additional.decide', { id: raised.id, version: raised.version, decision: 'approved', method: 'phone', decidedBy: '张三', note: '电话 10:42' })
    expect(approved).toMatchObject({ state: 'approved', decisionMethod: 'phone', decidedBy: '张三', recordedBy: '测试service_advisor', decidedAt: '2026-11-27T10:30:00+08:00' })

    const after = await t.ok('service_advisor', 'ro.get', { id: ro.id })
    expect(after.lines.map((l) => l.description)).toEqual([...before.lines.map((l) => l.description), '更换前刹车盘', '机油滤清器'])
    expect(after.totals.netFen).toBe(before.totals.netFen + 45000 + 6800)
    expect(after.version).toBeGreaterThan(before.version)
    expect(after.authorised).toBe(true)
    expect(after.authorisations.at(-1)).toMatchObject({ method: 'phone', authorisedBy: '张三', grossFen: after.totals.grossFen })

    const detail = await t.ok('workshop_supervisor', 'workshop.ro', { roId: ro.id })
    const job = detail.jobs.find((j) => j.additional)!
    expect(job).toMatchObject({ state: 'dispatched', technicianId: techA.id, bayId: bays.lift1, lineId: after.lines.at(-2)!.id })
    const second = await t.ok({ token: techA.token }, 'workshop.clockOn', { jobId: job.id!, pauseOthers: true })
    expect(second.state).toBe('running')
    await t.ok({ token: techA.token }, 'workshop.finish', { jobId: second.id! })
    await t.ok({ token: techA.token }, 'workshop.finish', { jobId })
    expect((await t.ok('workshop_supervisor', 'workshop.ro', { roId: ro.id })).roState).toBe('quality_check')
  })

  it('keeps declined work and offers it at the vehicle’s next visit', async () => {
    const { t, techA } = shop
    const { ro, jobId } = await roInRepair()
    const raised = await t.ok({ token: techA.token }, 'workshop.additional.raise', { ...brakeDiscs(oilFilterId), roId: ro.id })
    await t.ok({ token: techA.token }, 'workshop.finish', { jobId })
    // Work waiting for the customer holds the car back from quality control.
    expect((await t.ok('workshop_supervisor', 'workshop.ro', { roId: ro.id })).roState).toBe('in_progress')
    const signedWithout = await t.call('service_advisor', 'workshop.additional.decide', { id: raised.id, version: raised.version, decision: 'declined', method: 'signature', decidedBy: '张三' })
    expect(signedWithout).toMatchObject({ ok: false, code: 'VALIDATION' })
    const declined = await t.ok('service_advisor', 'workshop.additional.decide', { id: raised.id, version: raised.version, decision: 'declined', method: 'in_person', decidedBy: '张三', note: '下次再换' })
    expect(declined).toMatchObject({ state: 'declined', decisionMethod: 'in_person', decidedBy: '张三', recordedBy: '测试service_advisor', decidedAt: '2026-11-27T10:30:00+08:00', decisionNote: '下次再换' })
    const detail = await t.ok('workshop_supervisor', 'workshop.ro', { roId: ro.id })
    expect(detail.roState).toBe('quality_check')
    expect(detail.jobs.find((j) => j.additional)).toMatchObject({ state: 'declined' })
    const again = await t.call('service_advisor', 'workshop.additional.decide', { id: raised.id, version: declined.version, decision: 'approved', method: 'phone', decidedBy: '张三' })
    expect(again).toMatchObject({ ok: false, code: 'INVALID_STATE' })

    const offered = await t.ok('service_advisor', 'workshop.declinedForVehicle', { vehicleId: ro.vehicleId })
    expect(offered.map((a) => [a.id, a.finding, a.lines.length])).toEqual([[raised.id, '前刹车盘磨损超限，建议更换', 2]])
    const otherVehicle = await t.call('service_advisor', 'workshop.additional.followUp', { id: raised.id, version: declined.version, outcome: 'taken_up', roId: ro.id + 1000 })
    expect(otherVehicle).toMatchObject({ ok: false, code: 'VALIDATION' })
    const dismissed = await t.ok('service_advisor', 'workshop.additional.followUp', { id: raised.id, version: declined.version, outcome: 'dismissed' })
    expect(dismissed).toMatchObject({ followUp: 'dismissed' })
    expect(await t.ok('service_advisor', 'workshop.declinedForVehicle', { vehicleId: ro.vehicleId })).toEqual([])
  })

  it('is raised only while the car is in repair, with valid lines', async () => {
    const { t, techA } = shop
    const ro = await authorisedRo(t, ++serial)
    const early = await t.call({ token: techA.token }, 'workshop.additional.raise', { ...brakeDiscs(oilFilterId), roId: ro.id })
    expect(early).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    const { ro: inRepair } = await roInRepair()
    const badPart = await t.call({ token: techA.token }, 'workshop.additional.raise', {
      roId: inRepair.id,
      finding: '需要更换',
      lines: [{ kind: 'part', description: '不明配件', quantityMilli: 1000, unitPriceFen: 100, payer: 'customer' }],
    })
    expect(badPart).toMatchObject({ ok: false, code: 'VALIDATION', details: { fields: [{ field: 'lines.0.partId' }] } })
    const advisorRaises = await t.call('cashier', 'workshop.additional.raise', { ...brakeDiscs(oilFilterId), roId: inRepair.id })
    expect(advisorRaises).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
