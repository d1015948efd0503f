import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runExport } from './service'
import { demoApp, type DemoTestApp as TestApp } from '../test-support/test-app'
import { verifyPath } from './verify'

// The workshop (jobs, clocked time, additional work, final inspections) and the parts counter's
// documents travel in the batch and verify against their schemas; the demo has no stocktake or
// old part, so those are written here directly in the shapes their migration allows.

let t: TestApp
beforeEach(async () => {
  t = await demoApp('2026-11-27T10:00:00+08:00', 'workshop-parts-')
  t.advance(60_000)
})
afterEach(() => t.close())

const WORKSHOP = ['bays', 'technicians', 'ro_jobs', 'job_time_segments', 'additional_work', 'additional_work_lines', 'qc_inspections', 'qc_inspection_items', 'qc_rework']
const PARTS = ['suppliers', 'purchase_orders', 'po_lines', 'po_receipts', 'po_receipt_lines', 'external_purchases', 'part_requests', 'ro_part_issues']

describe('workshop and parts documents', () => {
  it('are exported whole the first time, then only as they change, and verify against their schemas', async () => {
    const db = t.app.store.sqlite
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
    const first = await runExport({ store: t.app.store, dataDir: t.app.dataDir, clock: t.app.clock })
    const rowsOf = (files: typeof first.manifest.files) => Object.fromEntries(files.map((f) => [f.table, f.rows]))
    const firstRows = rowsOf(first.manifest.files)
    for (const table of [...WORKSHOP, ...PARTS]) {
      expect(count(table), table).toBeGreaterThan(0)
      expect(firstRows[table], table).toBe(count(table))
    }
    expect((await verifyPath(first.dir)).batches[0]?.errors).toEqual([])

    t.advance(60_000)
    const at = '2026-11-27T10:01:30+08:00'
    const part = db.prepare(`SELECT id, bin FROM parts LIMIT 1`).get() as { id: number; bin: string | null }
    const ro = db.prepare(`SELECT id FROM repair_orders ORDER BY id LIMIT 1`).get() as { id: number }
    const issue = db.prepare(`SELECT ro_id, part_id FROM ro_part_issues LIMIT 1`).get() as { ro_id: number; part_id: number }
    t.app.store.tx(() => {
      const st = db
        .prepare(`INSERT INTO stocktakes (number, scope, state, frozen_move_id, created_by, created_at, updated_at) VALUES ('ST-TEST-0001', 'all', 'counting', 0, 1, ?, ?)`)
        .run(at, at)
      db.prepare(`INSERT INTO stocktake_lines (stocktake_id, part_id, bin, book_milli, book_value_fen, unit_cost_fen, counted_milli, counted_by, counted_at)
                  VALUES (?, ?, ?, 2000, 10000, 5000, 1000, 1, ?)`).run(st.lastInsertRowid, part.id, part.bin, at)
      db.prepare(`INSERT INTO old_parts (tag, ro_id, part_id, description, quantity_milli, warranty, created_by, created_at)
                  VALUES ('OP-TEST-0001', ?, ?, 'brake pads', 1000, 0, 1, ?)`).run(ro.id, part.id, at)
      // A return at the counter moves the last issue time (a WITHOUT ROWID table tracked by it).
      db.prepare(`UPDATE ro_part_issues SET last_issue_at = ? WHERE ro_id = ? AND part_id = ?`).run(at, issue.ro_id, issue.part_id)
    })
    const second = await runExport({ store: t.app.store, dataDir: t.app.dataDir, clock: t.app.clock })
    const secondRows = rowsOf(second.manifest.files)
    expect(secondRows).toMatchObject({ stocktakes: 1, stocktake_lines: 1, old_parts: 1, ro_part_issues: 1, part_requests: 0, ro_jobs: 0, job_time_segments: 0, po_lines: 0, qc_inspection_items: 0 })
    const report = await verifyPath(second.dir)
    expect(report.batches[0]?.errors).toEqual([])
    expect(report.ok).toBe(true)
  })

  it("send a job again when the supervisor confirms its short clock segment, with the confirmation", async () => {
    const db = t.app.store.sqlite
    const job = db.prepare(`SELECT id, technician_id FROM ro_jobs WHERE state = 'done' AND technician_id IS NOT NULL ORDER BY id LIMIT 1`).get() as { id: number; technician_id: number }
    // A clock-on and -off 40 seconds apart: below the 3-minute minimum, so held for the supervisor.
    const segmentId = Number(
      db
        .prepare(`INSERT INTO job_time_segments (job_id, technician_id, started_at, ended_at) VALUES (?, ?, '2026-11-27T09:00:00+08:00', '2026-11-27T09:00:40+08:00')`)
        .run(job.id, job.technician_id).lastInsertRowid,
    )
    await runExport({ store: t.app.store, dataDir: t.app.dataDir, clock: t.app.clock })
    t.advance(60_000)
    await t.call('workshop.confirmShortSegment', { segmentId })
    t.advance(60_000)
    const second = await runExport({ store: t.app.store, dataDir: t.app.dataDir, clock: t.app.clock })
    const rows = (table: string) =>
      gunzipSync(readFileSync(join(second.dir, `${table}.jsonl.gz`)))
        .toString('utf8')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(rows('ro_jobs').map((r) => r.id)).toEqual([job.id])
    const sent = rows('job_time_segments').find((r) => r.id === segmentId)
    expect(sent).toMatchObject({ job_id: job.id, short_confirmed_by: expect.any(Number), short_confirmed_at: expect.stringMatching(/^2026-11-27T/) })
    expect((await verifyPath(second.dir)).ok).toBe(true)
  })
})
