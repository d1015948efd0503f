import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { demoApp, type DemoTestApp as TestApp } from '../../test-support/test-app'
import { runExport } from '../service'
import { writeExportSettings } from '../settings'
import { outboxOf } from '../outbox'
import { backoffMs, deliverPending } from './queue'
import { DeliveryError, type DeliveryTarget } from './target'

let t: TestApp
beforeEach(async () => {
  t = await demoApp('2026-11-27T10:00:00+08:00', 'queue-')
  t.app.store.tx(() => writeExportSettings(t.app.store, { targets: [{ id: 'ho', kind: 'folder', label: '', path: '/nowhere' }] }))
})
afterEach(() => t.close())

/** Head office's endpoint, down for the first `failures` tries. */
function flakyTarget(failures: number): DeliveryTarget & { calls: string[] } {
  const calls: string[] = []
  let left = failures
  return {
    id: 'ho',
    calls,
    async deliver(batch) {
      calls.push(batch.id)
      if (left-- > 0) throw new DeliveryError('connection refused')
    },
  }
}

describe('the delivery queue', () => {
  it('delivers everything in order after a target failed three times, waiting longer after each failure', async () => {
    const ids: string[] = []
    for (let i = 0; i < 3; i++) {
      t.advance(3600_000)
      ids.push((await runExport({ store: t.app.store, dataDir: t.app.dataDir, clock: t.app.clock })).manifest.batchId)
    }
    const target = flakyTarget(3)
    const tick = () =>
      deliverPending({ store: t.app.store, outbox: outboxOf(t.app.dataDir), targets: [target], clock: t.app.clock, timeZone: 'Asia/Shanghai' })

    const waits: number[] = []
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await tick()).toEqual([{ targetId: 'ho', batchId: ids[0], ok: false, error: 'connection refused' }])
      waits.push(backoffMs(attempt))
      // Too early: nothing is tried.
      t.advance(backoffMs(attempt) - 1000)
      expect(await tick()).toEqual([])
      t.advance(1000)
    }
    expect(waits).toEqual([60_000, 120_000, 240_000])
    const outcomes = await tick()
    expect(outcomes.map((o) => [o.batchId, o.ok])).toEqual(ids.map((id) => [id, true]))
    expect(target.calls).toEqual([ids[0], ids[0], ids[0], ...ids])
    const rows = t.app.store.sqlite
      .prepare(`SELECT batch_id, status, attempts FROM export_deliveries ORDER BY delivered_at, batch_id`)
      .all()
    expect(rows).toEqual([
      { batch_id: ids[0], status: 'delivered', attempts: 4 },
      { batch_id: ids[1], status: 'delivered', attempts: 1 },
      { batch_id: ids[2], status: 'delivered', attempts: 1 },
    ])
  })
})
