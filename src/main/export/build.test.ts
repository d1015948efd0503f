import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { folderTarget } from './deliver/folder'
import { deliverPending } from './deliver/queue'
import { outboxOf } from './outbox'
import { ReferenceWarehouse } from './reference-loader'
import { runExport } from './service'
import { writeExportSettings } from './settings'
import { demoApp, type DemoTestApp as TestApp } from '../test-support/test-app'
import { verifyPath } from './verify'
import type { Manifest } from './manifest'

let t: TestApp
const deps = () => ({ store: t.app.store, dataDir: t.app.dataDir, clock: t.app.clock })
const rowsOf = (dir: string, table: string) =>
  gunzipSync(readFileSync(join(dir, `${table}.jsonl.gz`)))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>)

beforeEach(async () => {
  t = await demoApp()
  // Rows stamped in the cut-off second wait for the next batch; the demo was stamped "now".
  t.advance(60_000)
})
afterEach(() => t.close())

describe('building a batch', () => {
  it('exports the whole store the first time, delivers it to a folder, and the folder verifies', async () => {
    const share = join(t.dir, 'share')
    mkdirSync(share)
    t.app.store.tx(() => writeExportSettings(t.app.store, { targets: [{ id: 'share', kind: 'folder', label: '', path: share }] }))
    t.setNow('2026-11-27T21:45:00+08:00')
    const built = await runExport(deps())
    const m = built.manifest
    expect(m).toMatchObject({ dealerCode: 'DEMO01', seq: 1, businessDate: '2026-11-27', previousBatchId: null, personalData: 'pseudonymised' })
    expect(m.batchId).toBe('DEMO01-20261127-000001')
    const count = (table: string) => (t.app.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
    const fileOf = (table: string) => m.files.find((f) => f.table === table)
    for (const table of ['repair_orders', 'ro_lines', 'customers', 'vehicles', 'parts', 'users', 'labour_operations']) {
      expect(fileOf(table)?.rows, table).toBe(count(table))
    }
    expect(fileOf('kpi_daily')?.rows).toBeGreaterThan(0)
    expect(readFileSync(join(built.dir, 'manifest.json'), 'utf8')).toContain('"watermarks"')

    const outcomes = await deliverPending({
      store: t.app.store,
      outbox: outboxOf(t.app.dataDir),
      targets: [folderTarget('share', share)],
      clock: t.app.clock,
      timeZone: 'Asia/Shanghai',
    })
    expect(outcomes).toEqual([{ targetId: 'share', batchId: m.batchId, ok: true }])
    expect(readdirSync(share)).toEqual([m.batchId])
    const report = await verifyPath(share)
    expect(report.errors).toEqual([])
    expect(report.batches[0]?.errors).toEqual([])
    expect(report.ok).toBe(true)
  })

  it('never sends password hashes, and hides personal data unless the setting allows it', async () => {
    const built = await runExport(deps())
    const users = rowsOf(built.dir, 'users')
    expect(users.length).toBeGreaterThan(5)
    expect(JSON.stringify(users)).not.toMatch(/scrypt|password/)
    const stored = t.app.store.sqlite
      .prepare('SELECT id, name, mobile FROM customers WHERE mobile IS NOT NULL LIMIT 1')
      .get() as { id: number; name: string; mobile: string }
    const exported = rowsOf(built.dir, 'customers').find((r) => r.id === stored.id)!
    expect(exported.name).toBe([...stored.name][0] + '*'.repeat(Math.max([...stored.name].length - 1, 1)))
    expect(exported.mobile).toMatch(/^p_[0-9a-f]{24}$/)
    expect(exported.address).toBeNull()

    t.app.store.tx(() => writeExportSettings(t.app.store, { personalData: 'full' }))
    const { version } = t.app.store.sqlite.prepare('SELECT version FROM customers WHERE id = ?').get(stored.id) as { version: number }
    await t.call('customers.update', { id: stored.id, version, note: 'VIP' })
    t.advance(2000)
    const next = await runExport(deps())
    const again = rowsOf(next.dir, 'customers')
    expect(again).toHaveLength(1)
    expect(again[0]).toMatchObject({ id: stored.id, name: stored.name, mobile: stored.mobile, note: 'VIP' })
  })
})

describe('what the next batch holds', () => {
  it('holds only what changed since the last batch, with the lines of changed orders, and chains to it', async () => {
    const first = await runExport(deps())
    t.advance(60_000)
    const ro = t.app.store.sqlite
      .prepare(`SELECT id, updated_at FROM repair_orders WHERE id IN (SELECT ro_id FROM ro_lines) ORDER BY id DESC LIMIT 1`)
      .get() as { id: number }
    // Two rows stamped in the same second, the lower id written last: the tie-breaker keeps both.
    const stamp = '2026-11-27T10:00:30+08:00'
    t.app.store.sqlite.prepare(`UPDATE customers SET note = 'b', updated_at = ? WHERE id = 2`).run(stamp)
    t.app.store.sqlite.prepare(`UPDATE customers SET note = 'a', updated_at = ? WHERE id = 1`).run(stamp)
    t.app.store.sqlite.prepare(`UPDATE repair_orders SET concerns = 'rattle', updated_at = ? WHERE id = ?`).run(stamp, ro.id)
    const second = await runExport(deps())
    const m: Manifest = second.manifest
    expect(m.previousBatchId).toBe(first.manifest.batchId)
    const rows = (table: string) => m.files.find((f) => f.table === table)?.rows
    expect(rows('customers')).toBe(2)
    expect(rows('repair_orders')).toBe(1)
    const lines = rowsOf(second.dir, 'ro_lines')
    expect(lines.length).toBeGreaterThan(0)
    expect(new Set(lines.map((l) => l.ro_id))).toEqual(new Set([ro.id]))
    expect(rows('vehicles')).toBe(0)
    expect(m.files.some((f) => f.table === 'labour_operations')).toBe(false)

    const third = await runExport(deps())
    expect(third.manifest.files.filter((f) => f.table !== 'kpi_daily' && f.table !== 'audit_log').every((f) => f.rows === 0)).toBe(true)
    const chain = await verifyPath(outboxOf(t.app.dataDir).batches)
    expect(chain.errors).toEqual([])
    expect(chain.ok).toBe(true)
  })
})

describe('applying batches at head office', () => {
  it('applies a batch delivered twice only once, and an older batch after a newer one changes nothing', async () => {
    const first = await runExport(deps())
    t.advance(60_000)
    const id = (t.app.store.sqlite.prepare('SELECT id FROM repair_orders ORDER BY id LIMIT 1').get() as { id: number }).id
    t.app.store.sqlite.prepare(`UPDATE repair_orders SET concerns = 'noise', updated_at = ? WHERE id = ?`).run('2026-11-27T10:00:40+08:00', id)
    t.app.store.sqlite.prepare(`DELETE FROM ro_lines WHERE ro_id = ? AND position = (SELECT max(position) FROM ro_lines WHERE ro_id = ?)`).run(id, id)
    const second = await runExport(deps())

    const warehouse = new ReferenceWarehouse()
    expect(await warehouse.apply(first.dir)).toBeGreaterThan(1000)
    const afterFirst = JSON.stringify([...warehouse.tables])
    expect(await warehouse.apply(first.dir)).toBe(0)
    expect(JSON.stringify([...warehouse.tables])).toBe(afterFirst)

    expect(await warehouse.apply(second.dir)).toBeGreaterThan(0)
    const afterSecond = JSON.stringify([...warehouse.tables])
    expect(await warehouse.apply(second.dir)).toBe(0)
    expect(await warehouse.apply(first.dir)).toBe(0)
    expect(JSON.stringify([...warehouse.tables])).toBe(afterSecond)

    const ro = [...warehouse.table('repair_orders').values()].find((r) => r.id === id)
    expect(ro?.concerns).toBe('noise')
    const held = [...warehouse.table('ro_lines').values()].filter((l) => l.ro_id === id).length
    const stored = (t.app.store.sqlite.prepare('SELECT count(*) AS n FROM ro_lines WHERE ro_id = ?').get(id) as { n: number }).n
    expect(held).toBe(stored)
  })
})
