import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { readyRo } from '../rules/test-helpers'
import { b64, PNG_1PX } from '../attachments/test-files'

// An insurance claim's photos (事故照片) in the one attachment store: the advisor who keeps the
// claim adds and reads them; a role without the claim's permission cannot add; an unknown claim is
// named in the refusal.

let t: TestApp

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'workshop_supervisor', 'cashier', 'technician'] })
})
afterAll(() => t.close())

const claim = { insurer: '中国人保', policyNo: 'PDAA1', reportNo: 'RDAA1', insuredName: '王先生', reportedOn: '2026-11-25', arrivedOn: '2026-11-26' }

describe('photos on an insurance claim', () => {
  it('adds and lists a photo on the claim; other roles are refused by the claim’s own permission', async () => {
    const ro = await readyRo(t, { type: 'insurance', lines: [{ payer: 'insurance', amountFen: 80_000 }], stopAt: 'in_progress' })
    const opened = await t.ok('service_advisor', 'insurance.save', { roId: ro.id, version: 0, ...claim })
    const owner = { ownerKind: 'insurance_claim' as const, ownerId: opened.claim!.id }
    const added = await t.ok('service_advisor', 'attachments.add', { ...owner, fileName: '前杠.png', contentBase64: b64(PNG_1PX) })
    expect(added).toMatchObject({ ownerKind: 'insurance_claim', fileName: '前杠.png', mimeType: 'image/png' })
    expect((await t.ok('service_advisor', 'attachments.list', owner)).map((a) => a.id)).toEqual([added.id])
    expect(await t.call('workshop_supervisor', 'attachments.add', { ...owner, fileName: 'x.png', contentBase64: b64(PNG_1PX) })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await t.call('technician', 'attachments.list', owner)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await t.call('service_advisor', 'attachments.add', { ownerKind: 'insurance_claim', ownerId: 99_999, fileName: 'x.png', contentBase64: b64(PNG_1PX) }, { locale: 'en' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })
})
