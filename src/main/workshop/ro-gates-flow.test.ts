import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../api/app-error'
import { seedCatalog } from '../test-support/fixtures'
import { serviceCtx } from '../rules/test-helpers'
import { transitionRo } from './ro-flow'
import { authorisedRo, jobOfLine, makeShop, type Shop } from './test-kit'

// The workshop's gates enforced in the main process, on the path every caller takes
// (transitionRo): no quality check while a job is open or a clock runs or additional work waits
// for the customer; and parts added by approved additional work reach the counter queue.

let shop: Shop
let oilFilterId: number
let serial = 600
beforeAll(async () => {
  shop = await makeShop()
  oilFilterId = seedCatalog(shop.t.app.store).oilFilterId
})
afterAll(() => shop.t.close())

function refusal(roId: number, action: 'submit_qc' | 'qc_pass'): { key: string; gates: unknown } | null {
  const ctx = serviceCtx(shop.t, 'workshop_supervisor')
  try {
    shop.t.app.store.tx(() => transitionRo(ctx, roId, action))
    return null
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    return { key: error.messageKey, gates: error.details?.gates }
  }
}

describe('the workshop gates', () => {
  it('keeps the car out of quality control while a job is open, a clock runs or additional work awaits the customer', async () => {
    const { t, techA, bays } = shop
    const ro = await authorisedRo(t, ++serial, { labour: [['更换机油', 1000], ['检查刹车', 500]] })
    for (const lineId of ro.labourLineIds) await t.ok('workshop_supervisor', 'workshop.dispatch', { lineId, technicianId: techA.id, bayId: bays.lift1, override: '测试' })
    const [oil, brakes] = [await jobOfLine(t, ro.id, ro.labourLineIds[0]!), await jobOfLine(t, ro.id, ro.labourLineIds[1]!)]
    const a = { token: techA.token }
    await t.ok(a, 'workshop.clockOn', { jobId: oil, pauseOthers: true })
    expect(refusal(ro.id, 'submit_qc')).toEqual({ key: 'roGate.jobsFinished', gates: ['jobsFinished', 'noClockRunning'] })

    // Additional work found while the last job is open: finishing everything leaves the car in the shop.
    const raised = await t.ok(a, 'workshop.additional.raise', {
      roId: ro.id,
      finding: '机油滤清器渗油，建议更换',
      lines: [{ kind: 'part', partId: oilFilterId, description: '机油滤清器', quantityMilli: 1000, unitPriceFen: 6800, payer: 'customer' }],
    })
    await t.ok(a, 'workshop.finish', { jobId: oil })
    await t.ok(a, 'workshop.clockOn', { jobId: brakes, pauseOthers: true })
    const last = await t.ok(a, 'workshop.finish', { jobId: brakes })
    expect((await t.ok('workshop_supervisor', 'workshop.ro', { roId: last.roId })).roState).toBe('in_progress')
    expect(refusal(ro.id, 'submit_qc')).toEqual({ key: 'roGate.noAdditionalAwaiting', gates: ['noAdditionalAwaiting'] })

    // Approved: its part is on the RO, outstanding at the counter; the car goes on to quality control.
    await t.ok('service_advisor', 'workshop.additional.decide', { id: raised.id, version: raised.version, decision: 'approved', method: 'phone', decidedBy: '张三' })
    const detail = await t.ok('workshop_supervisor', 'workshop.ro', { roId: ro.id })
    expect(detail.roState).toBe('quality_check')
    const pick = await t.ok('workshop_supervisor', 'parts.pickList', { roId: ro.id })
    expect(pick.lines.map((l) => [l.name, l.outstandingMilli])).toEqual([['机油滤清器', 1000]])
    expect(pick.ro.state).toBe('quality_check')
  })
})
