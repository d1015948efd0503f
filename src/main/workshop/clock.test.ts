import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { authorisedRo, jobOfLine, makeShop, shanghai, travel, type Shop } from './test-kit'

let shop: Shop
let serial = 200
beforeAll(async () => {
  shop = await makeShop()
})
afterAll(() => shop.t.close())
beforeEach(() => travel(shop, '2026-11-27T10:00:00'))

const MIN = 60_000

/** An RO in repair with its jobs dispatched to technician A (first) and B (second). */
async function roInRepair(labour: [string, number][] = [['更换前刹车片', 1200], ['检查空调', 500]]) {
  const { t, techA, techB } = shop
  const ro = await authorisedRo(t, ++serial, { labour })
  await t.ok('workshop_supervisor', 'workshop.dispatch', { lineId: ro.labourLineIds[0]!, technicianId: techA.id })
  const first = await jobOfLine(t, ro.id, ro.labourLineIds[0]!)
  let second: number | null = null
  if (ro.labourLineIds[1] !== undefined) {
    await t.ok('workshop_supervisor', 'workshop.dispatch', { lineId: ro.labourLineIds[1], technicianId: techB.id })
    second = await jobOfLine(t, ro.id, ro.labourLineIds[1])
  }
  return { ro, first, second }
}

describe('the job clock', () => {
  it('counts clocked time exactly across midnight and leaves the pause out', async () => {
    const { t, techA } = shop
    const { first } = await roInRepair([['更换正时皮带', 3000]])
    const a = { token: techA.token }
    await travel(shop, '2026-11-27T23:50:00')
    expect(await t.ok(a, 'workshop.clockOn', { jobId: first })).toMatchObject({ state: 'running', runningSince: '2026-11-27T23:50:00+08:00' })
    t.clock.advance(20 * MIN)
    expect(await t.ok(a, 'workshop.pause', { jobId: first, reason: 'break' })).toMatchObject({ state: 'paused', pauseReason: 'break', clockedMs: 20 * MIN })
    t.clock.advance(15 * MIN)
    await t.ok(a, 'workshop.clockOn', { jobId: first })
    t.clock.advance(35 * MIN)
    const done = await t.ok(a, 'workshop.finish', { jobId: first })
    expect(done).toMatchObject({ state: 'done', clockedMs: 55 * MIN, runningSince: null })
    const ro = await t.ok('workshop_supervisor', 'workshop.ro', { roId: done.roId })
    expect(ro.jobs[0]!.segments.map((s) => [s.startedAt, s.endedAt, s.pauseReason])).toEqual([
      ['2026-11-27T23:50:00+08:00', '2026-11-28T00:10:00+08:00', 'break'],
      ['2026-11-28T00:25:00+08:00', '2026-11-28T01:00:00+08:00', null],
    ])
  })

  it('sends the car to quality control when the last job is finished', async () => {
    const { t, techA, techB } = shop
    const { ro, first, second } = await roInRepair()
    await t.ok({ token: techA.token }, 'workshop.clockOn', { jobId: first })
    await t.ok({ token: techB.token }, 'workshop.clockOn', { jobId: second! })
    await t.ok({ token: techA.token }, 'workshop.finish', { jobId: first })
    expect((await t.ok('workshop_supervisor', 'workshop.ro', { roId: ro.id })).roState).toBe('in_progress')
    await t.ok({ token: techB.token }, 'workshop.finish', { jobId: second! })
    expect((await t.ok('workshop_supervisor', 'workshop.ro', { roId: ro.id })).roState).toBe('quality_check')
  })

  it('runs one job at a time unless the technician switches or may run several', async () => {
    const { t, techA } = shop
    const one = await roInRepair([['更换机油', 500]])
    const two = await roInRepair([['更换空滤', 300]])
    const a = { token: techA.token }
    await t.ok(a, 'workshop.clockOn', { jobId: one.first })
    const refused = await t.call(a, 'workshop.clockOn', { jobId: two.first })
    expect(refused).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    if (!refused.ok) expect(refused.message).toContain('正在进行作业「更换机油」')
    expect(await t.ok(a, 'workshop.clockOn', { jobId: two.first, pauseOthers: true })).toMatchObject({ state: 'running' })
    expect(await t.ok('workshop_supervisor', 'workshop.ro', { roId: one.ro.id })).toMatchObject({
      jobs: [expect.objectContaining({ state: 'paused', pauseReason: 'other_job' })],
    })

    await t.ok('workshop_supervisor', 'workshop.saveTechnician', { userId: techA.id, skills: ['general'], allowParallel: true })
    expect(await t.ok(a, 'workshop.clockOn', { jobId: one.first })).toMatchObject({ state: 'running' })
    await t.ok('workshop_supervisor', 'workshop.saveTechnician', { userId: techA.id, skills: ['general', 'mechanical'], allowParallel: false })
    await t.ok(a, 'workshop.finish', { jobId: one.first })
    await t.ok(a, 'workshop.finish', { jobId: two.first })
  })

  it('lets a technician clock only their own jobs; the supervisor may clock for them', async () => {
    const { t, techB } = shop
    const { first } = await roInRepair([['更换雨刮', 200]])
    const refused = await t.call({ token: techB.token }, 'workshop.clockOn', { jobId: first }, { locale: 'en' })
    expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('assigned to 测试technician') })
    expect(await t.ok('workshop_supervisor', 'workshop.clockOn', { jobId: first })).toMatchObject({ state: 'running' })
    await t.ok('workshop_supervisor', 'workshop.finish', { jobId: first })
  })

  it('refuses every action the job’s state does not allow, naming the state', async () => {
    const { t, techA } = shop
    const { first } = await roInRepair([['检查底盘', 400]])
    const a = { token: techA.token }
    const finishEarly = await t.call(a, 'workshop.finish', { jobId: first }, { locale: 'en' })
    expect(finishEarly).toMatchObject({ ok: false, code: 'INVALID_STATE', message: 'Job "检查底盘" is in state "Dispatched": "Finish" is not possible' })
    const pauseEarly = await t.call(a, 'workshop.pause', { jobId: first, reason: 'parts' })
    expect(pauseEarly).toMatchObject({ ok: false, code: 'INVALID_STATE', message: '作业「检查底盘」当前为「已派工」，不能暂停' })
    await t.ok(a, 'workshop.clockOn', { jobId: first })
    expect(await t.call(a, 'workshop.clockOn', { jobId: first })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    await t.ok(a, 'workshop.finish', { jobId: first })
    expect(await t.call(a, 'workshop.clockOn', { jobId: first })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
  })
})

describe('corrections and efficiency', () => {
  it('corrects clocked time only with a reason, keeps the old values in the audit trail and refuses overlaps', async () => {
    const { t, techA } = shop
    const { first } = await roInRepair([['更换水泵', 1500]])
    const a = { token: techA.token }
    t.clock.set(shanghai('2026-11-27T14:00:00'))
    await t.ok(a, 'workshop.clockOn', { jobId: first })
    t.clock.set(shanghai('2026-11-27T15:00:00'))
    const done = await t.ok(a, 'workshop.finish', { jobId: first })
    expect(done.clockedMs).toBe(60 * MIN)
    const segment = (await t.ok('workshop_supervisor', 'workshop.ro', { roId: done.roId })).jobs[0]!.segments[0]!

    const byTechnician = await t.call(a, 'workshop.correctSegment', { segmentId: segment.id, startedAt: shanghai('2026-11-27T13:30:00'), endedAt: segment.endedAt, reason: '忘记打卡' })
    expect(byTechnician).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const noReason = await t.callRaw('workshop_supervisor', 'workshop.correctSegment', { segmentId: segment.id, startedAt: shanghai('2026-11-27T13:30:00'), endedAt: segment.endedAt })
    expect(noReason).toMatchObject({ ok: false, code: 'VALIDATION' })

    const fixed = await t.ok('workshop_supervisor', 'workshop.correctSegment', {
      segmentId: segment.id,
      startedAt: '2026-11-27T05:30:00Z',
      endedAt: segment.endedAt,
      reason: '开工时忘记打卡',
    })
    expect(fixed.clockedMs).toBe(90 * MIN)
    expect(fixed.segments[0]).toMatchObject({ startedAt: '2026-11-27T13:30:00+08:00', correctionReason: '开工时忘记打卡' })
    const audit = t.app.store.sqlite.prepare(`SELECT user_id, detail FROM audit_log WHERE action = 'workshop.correctSegment'`).get() as { user_id: number; detail: string }
    expect(audit.user_id).toBe(t.userIds.workshop_supervisor)
    expect(JSON.parse(audit.detail)).toMatchObject({
      reason: '开工时忘记打卡',
      before: { startedAt: '2026-11-27T14:00:00+08:00', endedAt: '2026-11-27T15:00:00+08:00' },
      after: { startedAt: '2026-11-27T13:30:00+08:00' },
    })

    t.clock.set(shanghai('2026-11-27T17:00:00'))
    const added = await t.ok('workshop_supervisor', 'workshop.addSegment', {
      jobId: first,
      startedAt: shanghai('2026-11-27T16:00:00'),
      endedAt: shanghai('2026-11-27T16:20:00'),
      reason: '路试未打卡',
    })
    expect(added.clockedMs).toBe(110 * MIN)
    // Corrections stamp the job, so the nightly export (watermark: the job's updated_at) sends them.
    const stamped = t.app.store.sqlite.prepare('SELECT updated_at FROM ro_jobs WHERE id = ?').get(first) as { updated_at: string }
    expect(stamped.updated_at).toBe('2026-11-27T17:00:00+08:00')
    const overlap = await t.call('workshop_supervisor', 'workshop.addSegment', {
      jobId: first,
      startedAt: shanghai('2026-11-27T14:50:00'),
      endedAt: shanghai('2026-11-27T15:10:00'),
      reason: '重复',
    })
    expect(overlap).toMatchObject({ ok: false, code: 'CONFLICT' })
    const future = await t.call('workshop_supervisor', 'workshop.addSegment', {
      jobId: first,
      startedAt: shanghai('2026-11-28T09:00:00'),
      endedAt: shanghai('2026-11-28T09:10:00'),
      reason: '未来',
    })
    expect(future).toMatchObject({ ok: false, code: 'VALIDATION' })
  })

  it('reports flat-rate hours sold against hours clocked per technician', async () => {
    const { t } = shop
    await travel(shop, '2026-11-29T09:00:00')
    const c = await t.ok('administrator', 'users.create', { username: 'tech-c', displayName: '王师傅', role: 'technician', password: 'test-password-1' })
    const ro = await authorisedRo(t, ++serial, { labour: [['更换离合器', 1500], ['更换火花塞', 500]] })
    for (const lineId of ro.labourLineIds) await t.ok('workshop_supervisor', 'workshop.dispatch', { lineId, technicianId: c.id })
    const [clutch, plugs] = [await jobOfLine(t, ro.id, ro.labourLineIds[0]!), await jobOfLine(t, ro.id, ro.labourLineIds[1]!)]
    await t.ok('workshop_supervisor', 'workshop.clockOn', { jobId: clutch })
    t.clock.advance(60 * MIN)
    await t.ok('workshop_supervisor', 'workshop.finish', { jobId: clutch })
    await t.ok('workshop_supervisor', 'workshop.clockOn', { jobId: plugs })
    t.clock.advance(40 * MIN)
    await t.ok('workshop_supervisor', 'workshop.finish', { jobId: plugs })

    const report = await t.ok('service_manager', 'workshop.efficiency', { from: '2026-11-29', to: '2026-11-29', technicianId: c.id })
    // 2.0 h sold in 1 h 40 min clocked: 120 %.
    expect(report.rows).toEqual([{ technicianId: c.id, name: '王师傅', jobs: 2, soldHoursMilli: 2000, clockedMs: 100 * MIN, efficiencyBp: 12000, heldJobs: 0 }])
    expect(report.total).toEqual({ jobs: 2, soldHoursMilli: 2000, clockedMs: 100 * MIN, efficiencyBp: 12000, heldJobs: 0 })
    const narrow = await t.ok('service_manager', 'workshop.efficiency', { from: '2026-11-30', to: '2026-11-30' })
    expect(narrow).toEqual({ rows: [], total: { jobs: 0, soldHoursMilli: 0, clockedMs: 0, efficiencyBp: null, heldJobs: 0 } })
  })

  it('holds a job clocked for seconds out of efficiency until the workshop supervisor confirms it', async () => {
    const { t } = shop
    await travel(shop, '2026-12-01T09:00:00')
    const d = await t.ok('administrator', 'users.create', { username: 'tech-d', displayName: '周师傅', role: 'technician', password: 'test-password-1' })
    const ro = await authorisedRo(t, ++serial, { labour: [['更换空调滤芯', 2000], ['检查灯光', 1000]] })
    for (const lineId of ro.labourLineIds) await t.ok('workshop_supervisor', 'workshop.dispatch', { lineId, technicianId: d.id })
    const [filter, lights] = [await jobOfLine(t, ro.id, ro.labourLineIds[0]!), await jobOfLine(t, ro.id, ro.labourLineIds[1]!)]
    await t.ok('workshop_supervisor', 'workshop.clockOn', { jobId: filter })
    t.clock.advance(100 * MIN)
    await t.ok('workshop_supervisor', 'workshop.finish', { jobId: filter })
    // Clocked on and off five seconds apart: 1.0 h sold in 5 s would read 72000 %.
    await t.ok('workshop_supervisor', 'workshop.clockOn', { jobId: lights })
    t.clock.advance(5_000)
    await t.ok('workshop_supervisor', 'workshop.finish', { jobId: lights })

    const one = { from: '2026-12-01', to: '2026-12-01', technicianId: d.id }
    const held = await t.ok('service_manager', 'workshop.efficiency', one)
    expect(held.rows).toEqual([{ technicianId: d.id, name: '周师傅', jobs: 1, soldHoursMilli: 2000, clockedMs: 100 * MIN, efficiencyBp: 12000, heldJobs: 1 }])
    const detail = await t.ok('workshop_supervisor', 'workshop.ro', { roId: ro.id })
    expect(detail.jobs.map((j) => j.heldSegments)).toEqual([0, 1])
    const waiting = await t.ok('workshop_supervisor', 'workshop.shortSegments', {})
    const mine = waiting.filter((s) => s.jobId === lights)
    expect(mine).toEqual([expect.objectContaining({ roNumber: ro.number, job: '检查灯光', technicianName: '周师傅', durationMs: 5_000 })])

    expect(await t.call('technician', 'workshop.confirmShortSegment', { segmentId: mine[0]!.segmentId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const confirmed = await t.ok('workshop_supervisor', 'workshop.confirmShortSegment', { segmentId: mine[0]!.segmentId })
    expect(confirmed.segments.map((s) => s.held)).toEqual([false])
    expect(confirmed.heldSegments).toBe(0)
    const again = await t.call('workshop_supervisor', 'workshop.confirmShortSegment', { segmentId: mine[0]!.segmentId }, { locale: 'en' })
    expect(again).toMatchObject({ ok: false, code: 'INVALID_STATE', message: 'This clock segment is not a short one awaiting confirmation' })
    const counted = await t.ok('service_manager', 'workshop.efficiency', one)
    expect(counted.total).toMatchObject({ jobs: 2, soldHoursMilli: 3000, clockedMs: 100 * MIN + 5_000, heldJobs: 0 })
    expect((await t.ok('workshop_supervisor', 'workshop.shortSegments', {})).some((s) => s.jobId === lights)).toBe(false)
  })
})
