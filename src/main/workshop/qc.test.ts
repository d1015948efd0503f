import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { translate } from '../../shared/i18n'
import { authorisedRo, jobOfLine, makeShop, type Shop } from './test-kit'

let shop: Shop
let serial = 400
beforeAll(async () => {
  shop = await makeShop()
})
afterAll(() => shop.t.close())

/** An RO whose two jobs technician A has finished: it waits for the final inspection. */
async function roAtInspection(type: 'repair' | 'maintenance' = 'repair') {
  const { t, techA } = shop
  const ro = await authorisedRo(t, ++serial, { type })
  const a = { token: techA.token }
  const jobs: number[] = []
  for (const lineId of ro.labourLineIds) {
    await t.ok('workshop_supervisor', 'workshop.dispatch', { lineId, technicianId: techA.id })
    const jobId = await jobOfLine(t, ro.id, lineId)
    await t.ok(a, 'workshop.clockOn', { jobId })
    await t.ok(a, 'workshop.finish', { jobId })
    jobs.push(jobId)
  }
  const detail = await t.ok('technical_supervisor', 'workshop.ro', { roId: ro.id })
  expect(detail.roState).toBe('quality_check')
  return { ro, jobs, detail, allOk: detail.checklist.map((i) => ({ itemId: i.id, ok: true })) }
}

describe('final inspection', () => {
  it('has a default checklist per RO type, named in the reader’s language', async () => {
    const items = await shop.t.ok('technical_supervisor', 'workshop.qc.checklist', { type: 'maintenance' })
    expect(items.map((i) => i.label)).toEqual(['qcItem.fluids', 'qcItem.noLeaks', 'qcItem.tyres', 'qcItem.lights', 'qcItem.serviceReset', 'qcItem.cleanliness'])
    expect(translate('zh-CN', items[4]!.label)).toBe('保养提示已复位')
  })

  it('refuses an incomplete checklist, a pass with failed items and a fail without rework', async () => {
    const { t } = shop
    const { ro, detail, allOk } = await roAtInspection()
    const base = { roId: ro.id, version: detail.roVersion }
    expect(await t.call('technician', 'workshop.qc.record', { ...base, result: 'pass', items: allOk })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const incomplete = await t.call('technical_supervisor', 'workshop.qc.record', { ...base, result: 'pass', items: allOk.slice(1) })
    expect(incomplete).toMatchObject({ ok: false, code: 'VALIDATION', message: '请逐项填写检验清单（缺少 1 项）' })
    const failedItem = allOk.map((i, n) => (n === 0 ? { ...i, ok: false } : i))
    expect(await t.call('technical_supervisor', 'workshop.qc.record', { ...base, result: 'pass', items: failedItem })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await t.call('technical_supervisor', 'workshop.qc.record', { ...base, result: 'fail', items: failedItem })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await t.call('technical_supervisor', 'workshop.qc.record', { ...base, version: base.version - 1, result: 'pass', items: allOk })).toMatchObject({ ok: false, code: 'CONFLICT' })
  })

  it('sends named jobs back as rework, then passes the car through the wash to delivery', async () => {
    const { t, techA } = shop
    const { ro, jobs, detail, allOk } = await roAtInspection()
    const failedItem = allOk.map((i, n) => (n === 0 ? { ...i, ok: false, note: '刹车仍有异响' } : i))
    const failed = await t.ok('technical_supervisor', 'workshop.qc.record', {
      roId: ro.id,
      version: detail.roVersion,
      result: 'fail',
      items: failedItem,
      rework: [{ jobId: jobs[0]!, reason: '刹车片未打磨，仍有异响' }],
    })
    expect(failed.roState).toBe('in_progress')
    expect(failed.jobs.map((j) => [j.state, j.reworkCount])).toEqual([['rework', 1], ['done', 0]])
    expect(failed.inspections).toEqual([
      expect.objectContaining({ result: 'fail', inspector: '测试technical_supervisor', rework: [{ jobId: jobs[0], description: '更换前刹车片', reason: '刹车片未打磨，仍有异响' }] }),
    ])
    expect(failed.inspections[0]!.items[0]).toMatchObject({ ok: false, note: '刹车仍有异响' })
    const card = (await t.ok('workshop_supervisor', 'workshop.board', {})).cards.find((c) => c.roId === ro.id)
    expect(card).toMatchObject({ column: 'repair', flags: ['rework'] })

    const washEarly = await t.call('workshop_supervisor', 'workshop.washDone', { roId: ro.id, version: failed.roVersion })
    expect(washEarly).toMatchObject({ ok: false, code: 'INVALID_STATE', message: `工单 ${ro.number} 当前为「维修中」，不能洗车完成` })

    await t.ok({ token: techA.token }, 'workshop.clockOn', { jobId: jobs[0]! })
    await t.ok({ token: techA.token }, 'workshop.finish', { jobId: jobs[0]! })
    const again = await t.ok('technical_supervisor', 'workshop.ro', { roId: ro.id })
    expect(again.roState).toBe('quality_check')
    const passed = await t.ok('technical_supervisor', 'workshop.qc.record', { roId: ro.id, version: again.roVersion, result: 'pass', items: allOk, wash: true })
    expect(passed.roState).toBe('washing')
    expect((await t.ok('workshop_supervisor', 'workshop.board', {})).cards.find((c) => c.roId === ro.id)?.column).toBe('wash')
    expect(await t.call('workshop_supervisor', 'workshop.washDone', { roId: ro.id, version: passed.roVersion - 1 })).toMatchObject({ ok: false, code: 'CONFLICT' })
    const ready = await t.ok('workshop_supervisor', 'workshop.washDone', { roId: ro.id, version: passed.roVersion })
    expect(ready.roState).toBe('ready')
    const row = t.app.store.sqlite.prepare('SELECT completed_at FROM repair_orders WHERE id = ?').get(ro.id) as { completed_at: string | null }
    expect(row.completed_at).toMatch(/^2026-11-27T\d\d:\d\d:\d\d\+08:00$/)
  })

  it('counts the first-pass rate over ROs first inspected in the period', async () => {
    const { t } = shop
    const { ro, detail, allOk } = await roAtInspection('maintenance')
    await t.ok('technical_supervisor', 'workshop.qc.record', { roId: ro.id, version: detail.roVersion, result: 'pass', items: allOk })
    const stats = await t.ok('service_manager', 'workshop.qc.stats', { from: '2026-11-27', to: '2026-11-27' })
    expect(stats).toEqual({ inspectedRos: 2, firstPass: 1, firstPassRateBp: 5000, reworkJobs: 1 })
    expect(await t.ok('service_manager', 'workshop.qc.stats', { from: '2026-11-28', to: '2026-11-30' })).toEqual({
      inspectedRos: 0,
      firstPass: 0,
      firstPassRateBp: null,
      reworkJobs: 0,
    })
  })
})

describe('checklist set-up', () => {
  it('records only the items marked fail as failures, the untouched ones as not checked, and passes only when all are checked ok', async () => {
    const { t } = shop
    const { ro, jobs, detail } = await roAtInspection()
    const [first, ...rest] = detail.checklist
    const oneFailed = [{ itemId: first!.id, result: 'fail' as const, note: '刹车仍有异响' }, ...rest.map((i) => ({ itemId: i.id, result: 'not_checked' as const }))]
    const failed = await t.ok('technical_supervisor', 'workshop.qc.record', {
      roId: ro.id,
      version: detail.roVersion,
      result: 'fail',
      items: oneFailed,
      rework: [{ jobId: jobs[0]!, reason: '刹车片未打磨，仍有异响' }],
    })
    expect(failed.inspections[0]!.items.map((i) => i.result)).toEqual(['fail', ...rest.map(() => 'not_checked')])
    expect(failed.inspections[0]!.items.filter((i) => !i.ok)).toHaveLength(detail.checklist.length)
    const audit = t.app.store.sqlite.prepare(`SELECT detail FROM audit_log WHERE action = 'workshop.qc.record' ORDER BY id DESC LIMIT 1`).get() as { detail: string }
    expect(JSON.parse(audit.detail)).toMatchObject({ failedItems: [first!.id], notChecked: rest.map((i) => i.id) })

    // Back to inspection after the rework; a pass with anything not checked is refused, by name and count.
    const a = { token: shop.techA.token }
    await t.ok(a, 'workshop.clockOn', { jobId: jobs[0]! })
    const again = await t.ok(a, 'workshop.finish', { jobId: jobs[0]! })
    const version = (await t.ok('technical_supervisor', 'workshop.ro', { roId: again.roId })).roVersion
    const partly = [{ itemId: first!.id, result: 'ok' as const }, ...rest.map((i) => ({ itemId: i.id, result: 'not_checked' as const }))]
    const refused = await t.call('technical_supervisor', 'workshop.qc.record', { roId: ro.id, version, result: 'pass', items: partly })
    expect(refused).toMatchObject({ ok: false, code: 'VALIDATION', message: `还有 ${rest.length} 项未检查，全部检查合格后才能判定通过` })
    const all = detail.checklist.map((i) => ({ itemId: i.id, result: 'ok' as const }))
    const passed = await t.ok('technical_supervisor', 'workshop.qc.record', { roId: ro.id, version, result: 'pass', items: all })
    expect(passed.roState).toBe('ready')
    expect(passed.inspections[1]!.items.every((i) => i.result === 'ok' && i.ok)).toBe(true)
  })

  it('reorders, adds and retires items of one RO type only', async () => {
    const { t } = shop
    const [first, second, ...rest] = await t.ok('technical_supervisor', 'workshop.qc.checklist', { type: 'internal' })
    const saved = await t.ok('technical_supervisor', 'workshop.qc.saveChecklist', {
      type: 'internal',
      items: [{ id: second!.id, label: second!.label }, { label: '试车无异响' }, { id: first!.id, label: '客户所述故障已排除' }],
    })
    expect(saved.map((i) => [i.label, i.position])).toEqual([[second!.label, 1], ['试车无异响', 2], ['客户所述故障已排除', 3]])
    expect(rest.length).toBeGreaterThan(0)
    const foreign = (await t.ok('technical_supervisor', 'workshop.qc.checklist', { type: 'repair' }))[0]!
    const refused = await t.call('technical_supervisor', 'workshop.qc.saveChecklist', { type: 'internal', items: [{ id: foreign.id, label: 'x' }] })
    expect(refused).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await t.call('technician', 'workshop.qc.saveChecklist', { type: 'internal', items: [{ label: 'x' }] })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
