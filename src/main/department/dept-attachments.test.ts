import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, testClock, type TestApp } from '../test-support/test-app'
import { contentPath } from '../attachments/file-store'
import { b64, PDF_SMALL, PNG_1PX } from '../attachments/test-files'

// A 5S finding's photo and a training session's materials in the one attachment store: counted on
// their lists, read with the department's permission, and a file gone from the data folder never
// stops the finding being closed or more files being added.

let t: TestApp
beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_manager', 'workshop_supervisor', 'front_desk_supervisor', 'technician', 'service_advisor'], clock: testClock('2026-03-10T10:00:00+08:00'), prefix: 'dept-att-' })
})
afterAll(() => t.close())

describe('attachments on 5S findings and training sessions', () => {
  it('keeps a finding’s photo, lists it as missing when its file is gone, and still closes the finding', async () => {
    const items = await t.ok('workshop_supervisor', 'department.fiveS.checklist', { area: 'workshop' })
    const audit = await t.ok('workshop_supervisor', 'department.fiveS.record', {
      area: 'workshop',
      auditedOn: '2026-03-10',
      scores: items.map((i) => ({ itemId: i.id, score: 4 })),
      findings: [{ text: '工位 3 地面油污未清理', ownerId: t.userIds.technician, dueOn: '2026-03-12' }],
    })
    const finding = audit.findings[0]!
    expect(finding.attachments).toBe(0)
    const photo = await t.ok('workshop_supervisor', 'attachments.add', { ownerKind: 'fives_finding', ownerId: finding.id, fileName: '工位3.png', contentBase64: b64(PNG_1PX) })
    const open = await t.ok('service_manager', 'department.fiveS.findings', { state: 'open' })
    expect(open.find((f) => f.id === finding.id)!.attachments).toBe(1)
    // The advisor reads the department's files only with the department's permission.
    expect(await t.call('service_advisor', 'attachments.list', { ownerKind: 'fives_finding', ownerId: finding.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await t.call('technician', 'attachments.add', { ownerKind: 'fives_finding', ownerId: finding.id, fileName: 'x.png', contentBase64: b64(PNG_1PX) })).toMatchObject({ ok: false, code: 'FORBIDDEN' })

    rmSync(contentPath(t.app.dataDir, photo.sha256))
    expect((await t.ok('service_manager', 'attachments.list', { ownerKind: 'fives_finding', ownerId: finding.id })).map((a) => [a.fileName, a.missing])).toEqual([['工位3.png', true]])
    const after = await t.ok('workshop_supervisor', 'attachments.add', { ownerKind: 'fives_finding', ownerId: finding.id, fileName: '整改后.png', contentBase64: b64(PNG_1PX) })
    expect(after.missing).toBe(false)
    const closed = await t.ok('workshop_supervisor', 'department.fiveS.close', { id: finding.id, version: finding.version, note: '已清理，附整改后照片' })
    expect(closed).toMatchObject({ state: 'closed', attachments: 2 })
  })

  it('keeps a session’s materials and counts them on the month', async () => {
    const session = await t.ok('front_desk_supervisor', 'department.training.record', {
      heldOn: '2026-03-09',
      department: 'front_desk',
      type: 'etiquette',
      topic: '接车礼仪',
      trainer: '李静',
      durationMin: 60,
      attendees: [{ userId: t.userIds.service_advisor, passed: true, score: 90 }],
    })
    expect(session.attachments).toBe(0)
    await t.ok('front_desk_supervisor', 'attachments.add', { ownerKind: 'training_session', ownerId: session.id, fileName: '课件.pdf', contentBase64: b64(PDF_SMALL) })
    const month = await t.ok('service_manager', 'department.training.month', { month: '2026-03' })
    expect(month.sessions.find((s) => s.id === session.id)!.attachments).toBe(1)
    const list = await t.ok('service_manager', 'attachments.list', { ownerKind: 'training_session', ownerId: session.id })
    expect(list).toMatchObject([{ fileName: '课件.pdf', mimeType: 'application/pdf', missing: false }])
  })
})
