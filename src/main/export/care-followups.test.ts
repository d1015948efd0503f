import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runExport } from './service'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { verifyPath } from './verify'
import { ReferenceWarehouse } from './reference-loader'
import { SCHEMA_VERSION } from '../../shared/export/manifest'
import { deliveredAt, followUpOf, FULL_SURVEY } from '../care/test-helpers'
import { relogin } from '../rules/test-helpers'

// Schema version 4 in the batch: the follow-up a delivery made travels with its due time; an
// attempt that does not close it changes nothing sent, the call that closes it sends it again.

let t: TestApp
beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'workshop_supervisor', 'cashier', 'front_desk_supervisor', 'technician', 'administrator'] })
})
afterAll(() => t.close())

const exportNow = () => runExport({ store: t.app.store, dataDir: t.app.dataDir, clock: t.clock })
const rowsOf = (b: Awaited<ReturnType<typeof exportNow>>, table: string) => b.manifest.files.find((f) => f.table === table)?.rows ?? 0
const times = (start: string, end: string) => ({ startedAt: start, endedAt: end })

describe('care follow-ups in the head-office batch', () => {
  it('sends each follow-up with its due time, and again when it is closed', async () => {
    const ro = await deliveredAt(t, '2026-11-27T09:00:00+08:00', '2026-11-27T20:00:00+08:00')
    const first = await exportNow()
    expect(first.manifest.schemaVersion).toBe(SCHEMA_VERSION)
    expect(rowsOf(first, 'care_followups')).toBe(1)
    expect((await verifyPath(first.dir)).batches[0]?.errors).toEqual([])

    // An attempt that did not reach the customer: nothing the batch holds of the row changed.
    t.clock.set('2026-11-28T10:01:00+08:00')
    await relogin(t)
    let f = await followUpOf(t, ro.id)
    await t.ok('service_advisor', 'care.followups.logCall', { id: f.id, version: f.version, ...times('2026-11-28T10:00:00+08:00', '2026-11-28T10:01:00+08:00'), outcome: 'no_answer' })
    t.clock.set('2026-11-28T20:00:00+08:00')
    await relogin(t)
    const quiet = await exportNow()
    expect(rowsOf(quiet, 'care_followups')).toBe(0)

    t.clock.set('2026-11-29T10:40:00+08:00')
    await relogin(t)
    f = await followUpOf(t, ro.id)
    await t.ok('service_advisor', 'care.followups.logCall', {
      id: f.id,
      version: f.version,
      ...times('2026-11-29T10:35:00+08:00', '2026-11-29T10:39:00+08:00'),
      outcome: 'reached',
      answers: FULL_SURVEY(9),
      done: true,
    })
    t.clock.set('2026-11-29T20:00:00+08:00')
    const closed = await exportNow()
    expect(rowsOf(closed, 'care_followups')).toBe(1)
    expect((await verifyPath(closed.dir)).ok).toBe(true)

    const warehouse = new ReferenceWarehouse()
    for (const b of [first, quiet, closed]) await warehouse.apply(b.dir)
    const held = [...warehouse.table('care_followups').values()] as Record<string, unknown>[]
    expect(held).toHaveLength(1)
    expect(held[0]).toMatchObject({ ro_id: ro.id, state: 'done', delivered_at: '2026-11-27T09:00:00+08:00', closed_at: '2026-11-29T10:40:00+08:00' })
    expect(String(held[0]!.due_at) > String(held[0]!.closed_at)).toBe(true)
  })
})
