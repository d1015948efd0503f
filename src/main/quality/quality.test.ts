import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, registerVehicle, testClock, type TestApp } from '../test-support/test-app'
import { local, relogin, serviceCtx } from '../rules/test-helpers'
import { transitionRo } from '../workshop/ro-flow'

// The quality register and the comebacks it is proposed, on a hand-made fixture:
// - car 1: RO a (brakes BRK01) completed 2 March; RO b (brakes again) opened 20 March — a repeat
//   visit after 18 days; RO c (oil service OIL01 only) on 25 March — another operation, no
//   comeback, but its QC failed and sent a job back — a QC rework;
// - car 2: brakes completed 10 January and again on 5 March — 54 days, a comeback only when
//   N is 60.

let t: TestApp
const ro: Record<'a' | 'b' | 'c' | 'd' | 'e', { id: number; number: string }> = {} as never
let inspectionId = 0

async function roOn(vehicleId: number, day: string, opCode: string) {
  t.clock.set(local(`${day}T09:00:00`))
  await relogin(t)
  const head = await t.ok('service_advisor', 'ro.checkIn', { vehicleId, type: 'repair', odometerKm: 20_000, fuelEighths: 4, concerns: '检查' })
  const lined = await t.ok('service_advisor', 'ro.saveLines', {
    id: head.id,
    version: head.version,
    lines: [{ kind: 'labour', opCode, description: `工时 ${opCode}`, quantityMilli: 1000, unitPriceFen: 20_000, payer: 'customer' }],
  })
  await t.ok('service_advisor', 'ro.authorise', { id: head.id, version: lined.version, method: 'in_person', authorisedBy: '客户' })
  const ctx = serviceCtx(t, 'workshop_supervisor')
  t.app.store.tx(() => ['start_work', 'submit_qc', 'qc_pass'].forEach((a) => transitionRo(ctx, head.id, a as 'start_work')))
  return { id: head.id, number: head.number }
}

const audits = (action: string) => (t.app.store.prepare('SELECT COUNT(*) AS n FROM audit_log WHERE action = ?').get(action) as { n: number }).n

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'workshop_supervisor', 'technical_supervisor', 'service_manager', 'technician'], clock: testClock('2026-01-10T09:00:00+08:00'), prefix: 'quality-' })
  const car1 = await registerVehicle(t, { serial: 9101, name: '钱一' })
  const car2 = await registerVehicle(t, { serial: 9102, name: '孙二' })
  ro.d = await roOn(car2.id, '2026-01-10', 'BRK01')
  ro.a = await roOn(car1.id, '2026-03-02', 'BRK01')
  ro.e = await roOn(car2.id, '2026-03-05', 'BRK01')
  ro.b = await roOn(car1.id, '2026-03-20', 'BRK01')
  ro.c = await roOn(car1.id, '2026-03-25', 'OIL01')
  // The QC desk's record of a failed inspection that sent RO c's job back.
  const s = t.app.store
  const line = s.prepare(`SELECT id FROM ro_lines WHERE ro_id = ?`).get(ro.c.id) as { id: number }
  const at = local('2026-03-25T15:00:00')
  const job = s
    .prepare(`INSERT INTO ro_jobs (ro_id, ro_line_id, description, state, technician_id, sold_hours_milli, rework_count, created_at, updated_at) VALUES (?, ?, '保养', 'rework', ?, 1000, 1, ?, ?)`)
    .run(ro.c.id, line.id, t.userIds.technician, at, at).lastInsertRowid
  inspectionId = Number(s.prepare(`INSERT INTO qc_inspections (ro_id, result, inspector_id, at) VALUES (?, 'fail', ?, ?)`).run(ro.c.id, t.userIds.technical_supervisor, at).lastInsertRowid)
  s.prepare(`INSERT INTO qc_rework (inspection_id, job_id, reason) VALUES (?, ?, '机油加注过量')`).run(inspectionId, job)
  t.clock.set(local('2026-03-31T10:00:00'))
  await relogin(t)
})
afterAll(() => t.close())

describe('comebacks the system proposes', () => {
  it('finds the QC rework and the repeat visit for the same operation within 30 days, by date', async () => {
    const list = await t.ok('technical_supervisor', 'quality.comebacks', { month: '2026-03' })
    expect(list.map((p) => p.key)).toEqual([`repeat:${ro.b.id}`, `qc:${inspectionId}`])
    expect(list[0]).toMatchObject({ source: 'repeat_visit', roNumber: ro.b.number, earlierRoNumber: ro.a.number, days: 18, opCodes: ['BRK01'], occurredOn: '2026-03-20' })
    expect(list[1]).toMatchObject({ source: 'qc_rework', roNumber: ro.c.number, reasons: ['机油加注过量'], occurredOn: '2026-03-25' })
  })

  it('follows the number of days: at 60 the second car’s return after 54 days is a comeback too', async () => {
    const list = await t.ok('technical_supervisor', 'quality.comebacks', { month: '2026-03', withinDays: 60 })
    expect(list.map((p) => p.key)).toEqual([`repeat:${ro.e.id}`, `repeat:${ro.b.id}`, `qc:${inspectionId}`])
    expect(list[0]).toMatchObject({ earlierRoNumber: ro.d.number, days: 54 })
    expect(await t.ok('technical_supervisor', 'quality.comebacks', { month: '2026-02' })).toEqual([])
  })

  it('reads the window from the technical supervisor’s setting, validated and audited, and the report names it', async () => {
    expect(await t.ok('technical_supervisor', 'quality.comebacks', { month: '2026-03' })).toHaveLength(2)
    expect(await t.ok('technical_supervisor', 'quality.comebackDays', {})).toEqual({ days: 30, defaultDays: 30 })
    expect(await t.call('service_advisor', 'quality.comebackDays.set', { days: 60 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await t.call('workshop_supervisor', 'quality.comebackDays.set', { days: 60 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    for (const days of [0, 366, 2.5]) {
      const refused = await t.call('technical_supervisor', 'quality.comebackDays.set', { days })
      expect(refused).toMatchObject({ ok: false, code: 'VALIDATION' })
      expect(JSON.stringify(refused)).toContain(days === 2.5 ? '整数' : '1 到 365')
    }
    expect(audits('quality.comebackDays.set')).toBe(0)
    expect(await t.ok('technical_supervisor', 'quality.comebackDays.set', { days: 60 })).toEqual({ days: 60, defaultDays: 30 })
    const audit = t.app.store.prepare(`SELECT detail FROM audit_log WHERE action = 'quality.comebackDays.set'`).all() as { detail: string }[]
    expect(audit.map((a) => JSON.parse(a.detail))).toEqual([{ comebackDaysBefore: 30, comebackDaysAfter: 60 }])
    // Read without naming a window, the proposals follow the setting: the return after 54 days counts.
    const list = await t.ok('service_manager', 'quality.comebacks', { month: '2026-03' })
    expect(list.map((p) => p.key)).toEqual([`repeat:${ro.e.id}`, `repeat:${ro.b.id}`, `qc:${inspectionId}`])
    expect((await t.ok('service_manager', 'department.report.get', { month: '2026-03' })).comebackDays).toBe(60)
    await t.ok('service_manager', 'quality.comebackDays.set', { days: 30 })
    expect((await t.ok('service_manager', 'department.report.get', { month: '2026-03' })).comebackDays).toBe(30)
    expect(await t.ok('technical_supervisor', 'quality.comebacks', { month: '2026-03' })).toHaveLength(2)
  })

  it('registers a proposal as an incident in one step, audited, and proposes it no more', async () => {
    const inc = await t.ok('technical_supervisor', 'quality.comeback.register', { key: `repeat:${ro.b.id}`, what: '刹车异响复发', costFen: 35_000 })
    expect(inc).toMatchObject({ source: 'repeat_visit', sourceKey: `repeat:${ro.b.id}`, roNumber: ro.b.number, occurredOn: '2026-03-20', state: 'open', costFen: 35_000, what: '刹车异响复发' })
    expect(audits('quality.incident.create')).toBe(1)
    const list = await t.ok('technical_supervisor', 'quality.comebacks', { month: '2026-03' })
    expect(list.map((p) => p.key)).toEqual([`qc:${inspectionId}`])
    expect(await t.call('technical_supervisor', 'quality.comeback.register', { key: `repeat:${ro.b.id}`, what: '再次' })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await t.call('technical_supervisor', 'quality.comeback.register', { key: `repeat:${ro.c.id}`, what: '不是返修' })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await t.call('technical_supervisor', 'quality.comeback.register', { key: 'nonsense', what: 'x' })).toMatchObject({ ok: false, code: 'VALIDATION' })
  })

  it('dismisses a proposal with a reason, audited, once', async () => {
    expect(await t.call('technical_supervisor', 'quality.comeback.dismiss', { key: `qc:${inspectionId}`, reason: '' })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await t.ok('technical_supervisor', 'quality.comeback.dismiss', { key: `qc:${inspectionId}`, reason: '质检一次性调整，非质量事故' })).toEqual({ key: `qc:${inspectionId}` })
    expect(audits('quality.comeback.dismiss')).toBe(1)
    expect(await t.ok('technical_supervisor', 'quality.comebacks', { month: '2026-03' })).toEqual([])
    expect(await t.call('technical_supervisor', 'quality.comeback.dismiss', { key: `qc:${inspectionId}`, reason: '再次' })).toMatchObject({ ok: false, code: 'VALIDATION' })
  })

  it('is the technical supervisor’s and the manager’s to decide; a technician may not', async () => {
    expect(await t.call('technician', 'quality.comebacks', { month: '2026-03' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await t.call('technician', 'quality.comeback.dismiss', { key: `repeat:${ro.e.id}`, reason: 'x' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await t.call('workshop_supervisor', 'quality.incident.save', { roNumber: ro.a.number, occurredOn: '2026-03-02', what: 'x' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('the register', () => {
  it('records an incident on an RO by its number, edits it with its version, and closes it once analysed', async () => {
    expect(await t.call('technical_supervisor', 'quality.incident.save', { roNumber: 'NO-SUCH', occurredOn: '2026-03-02', what: 'x' })).toMatchObject({ ok: false, code: 'VALIDATION' })
    const inc = await t.ok('technical_supervisor', 'quality.incident.save', { roNumber: ro.a.number, occurredOn: '2026-03-03', what: '轮毂螺栓未按力矩紧固' })
    expect(inc).toMatchObject({ source: 'manual', sourceKey: null, roNumber: ro.a.number, state: 'open', costFen: 0, analysis: '' })
    expect(await t.call('technical_supervisor', 'quality.incident.close', { id: inc.id, version: inc.version })).toMatchObject({ ok: false, code: 'VALIDATION' })
    const edited = await t.ok('technical_supervisor', 'quality.incident.save', {
      id: inc.id,
      version: inc.version,
      roNumber: ro.a.number,
      occurredOn: '2026-03-03',
      what: '轮毂螺栓未按力矩紧固',
      analysis: '技师未使用扭力扳手',
      handling: '全员复训，扣罚当事人',
      costFen: 12_000,
    })
    expect(edited).toMatchObject({ version: inc.version + 1, costFen: 12_000 })
    expect(await t.call('technical_supervisor', 'quality.incident.save', { id: inc.id, version: inc.version, roNumber: ro.a.number, occurredOn: '2026-03-03', what: 'x' })).toMatchObject({ ok: false, code: 'CONFLICT' })
    const closed = await t.ok('service_manager', 'quality.incident.close', { id: inc.id, version: edited.version })
    expect(closed).toMatchObject({ state: 'closed' })
    expect(closed.closedAt).not.toBeNull()
    expect(await t.call('technical_supervisor', 'quality.incident.save', { id: inc.id, version: closed.version, roNumber: ro.a.number, occurredOn: '2026-03-03', what: 'x' })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(audits('quality.incident.update')).toBe(1)
    expect(audits('quality.incident.close')).toBe(1)
  })

  it('lists a month’s incidents, open or closed', async () => {
    const march = await t.ok('service_manager', 'quality.incidents', { month: '2026-03' })
    expect(march.map((i) => i.state)).toEqual(['open', 'closed'])
    expect(await t.ok('service_manager', 'quality.incidents', { month: '2026-03', state: 'closed' })).toHaveLength(1)
    expect(await t.ok('service_manager', 'quality.incidents', { month: '2026-04' })).toEqual([])
  })
})
