import { rmSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { toLocalIso } from '../src/shared/domain/time'
import { getSetting } from '../src/main/settings/settings'
import { runExport } from '../src/main/export/service'
import { outboxOf } from '../src/main/export/outbox'
import { verifyPath } from '../src/main/export/verify'
import { EXPORT_TABLES } from '../src/main/export/tables'
import type { Watermarks } from '../src/main/export/manifest'
import { readBackupSettings } from '../src/main/backup/settings'
import { takeBackup } from '../src/main/backup/take'
import type { BenchArea, BenchContext } from './lib/area'
import type { Metric } from './lib/metric'

// Head-office export and backups on the generated dealership (issue: nightly export):
// - a full year of repair orders, lines, customers, vehicles … in one batch (the first batch after
//   a year without one), and one busy day (600 repair orders moving through the shop);
// - time and peak memory of each: the batch is streamed, so memory must not grow with the data
//   (the year's peak may not exceed the day's by more than a fixed allowance);
// - an online backup and the integrity check at start, on the same store.

const BUSY_DAY_ROS = 600
/** Allowed extra peak RSS of the year over the day: buffers, not data. */
const MEMORY_ALLOWANCE_MB = 64

/** Samples RSS while `fn` runs; maxRSS of the process would include earlier areas' peaks. */
async function measured<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number; peakMb: number; baseMb: number }> {
  const baseMb = process.memoryUsage().rss / 1048576
  let peak = baseMb
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss / 1048576)), 5)
  const start = performance.now()
  try {
    const result = await fn()
    peak = Math.max(peak, process.memoryUsage().rss / 1048576)
    return { result, ms: performance.now() - start, peakMb: peak, baseMb }
  } finally {
    clearInterval(sampler)
  }
}

/**
 * Pretends a batch was sent a year ago: watermarks at that moment, so the next batch holds
 * exactly the last year's changes.
 */
function recordBatchOneYearAgo(ctx: BenchContext, yearAgo: string) {
  const { store } = ctx.app
  const marks: Watermarks = {}
  for (const spec of EXPORT_TABLES) {
    const from = spec.from ?? spec.name
    if (spec.tracking.kind === 'updated') marks[spec.name] = { at: yearAgo, id: 0 }
    if (spec.tracking.kind === 'append') {
      const column = from === 'audit_log' ? 'at' : from === 'odometer_readings' ? 'at' : null
      const row = column
        ? (store.sqlite.prepare(`SELECT coalesce(max(rowid), 0) AS id FROM ${from} WHERE ${column} < ?`).get(yearAgo) as { id: number })
        : { id: 0 }
      marks[spec.name] = { id: row.id }
    }
  }
  const dealer = getSetting(store, 'dealer.code')
  store
    .prepare(
      `INSERT INTO export_batches (id, seq, first_business_date, business_date, previous_id, cutoff, created_at, dir,
         manifest_sha256, rows, bytes, watermarks) VALUES (?, 1, ?, ?, NULL, ?, ?, 'batches/none', '', 0, 0, ?)`,
    )
    .run(`${dealer}-YEARAGO-000001`, yearAgo.slice(0, 10), yearAgo.slice(0, 10), yearAgo, yearAgo, JSON.stringify(marks))
}

/** A busy day: 600 repair orders change (state moves, lines edited) with their audit entries. */
function simulateBusyDay(ctx: BenchContext, at: string) {
  const { store } = ctx.app
  const ids = (store.sqlite.prepare('SELECT id FROM repair_orders ORDER BY id DESC LIMIT ?').all(BUSY_DAY_ROS) as { id: number }[]).map(
    (r) => r.id,
  )
  const touch = store.prepare('UPDATE repair_orders SET updated_at = ?, version = version + 1 WHERE id = ?')
  const audit = store.prepare(
    `INSERT INTO audit_log (at, user_id, channel, action, entity, entity_id, detail) VALUES (?, NULL, 'ro.saveLines', 'ro.saveLines', 'repair_order', ?, '{}')`,
  )
  store.tx(() => {
    for (const id of ids) {
      touch.run(at, id)
      for (let i = 0; i < 5; i++) audit.run(at, String(id))
    }
  })
}

export const exportBench: BenchArea = {
  name: 'export',
  async run(ctx) {
    const { app, log } = ctx
    const tz = getSetting(app.store, 'time.zone')
    const deps = { store: app.store, dataDir: app.dataDir, clock: app.clock }
    const metrics: Metric[] = []
    const outbox = outboxOf(app.dataDir)
    rmSync(outbox.root, { recursive: true, force: true })

    const now = app.clock.now()
    recordBatchOneYearAgo(ctx, toLocalIso(new Date(now.getTime() - 365 * 86_400_000), tz))
    const year = await measured(() => runExport(deps))
    const yearRows = year.result.manifest.files.reduce((n, f) => n + f.rows, 0)
    const yearBytes = year.result.manifest.files.reduce((n, f) => n + f.bytes, 0)
    log(`full year: ${yearRows} rows, ${(yearBytes / 1048576).toFixed(1)} MB gzip in ${Math.round(year.ms)} ms, RSS ${Math.round(year.baseMb)} → peak ${Math.round(year.peakMb)} MB`)
    const verified = await measured(() => verifyPath(year.result.dir))
    if (!verified.result.ok) throw new Error(`full-year batch failed verification: ${verified.result.batches[0]?.errors.join('; ')}`)

    // The day's changes are stamped a minute ago: inside the next batch's cut-off.
    simulateBusyDay(ctx, toLocalIso(new Date(now.getTime() - 60_000), tz))
    const day = await measured(() => runExport(deps))
    const dayRows = day.result.manifest.files.reduce((n, f) => n + f.rows, 0)
    log(`busy day: ${dayRows} rows in ${Math.round(day.ms)} ms, RSS ${Math.round(day.baseMb)} → peak ${Math.round(day.peakMb)} MB`)

    metrics.push(
      { name: 'export.full_year.build', ms: Math.round(year.ms), peak_rss_mb: Math.round(year.peakMb) },
      { name: 'export.full_year.verify', ms: Math.round(verified.ms) },
      { name: 'export.busy_day.build', ms: Math.round(day.ms), peak_rss_mb: Math.round(day.peakMb) },
      {
        name: 'export.memory_growth_year_over_day',
        peak_rss_mb: Math.max(0, Math.round(year.peakMb - year.baseMb - (day.peakMb - day.baseMb))),
        target: { field: 'peak_rss_mb', max: MEMORY_ALLOWANCE_MB },
      },
    )

    const backup = await measured(() =>
      takeBackup({ store: app.store, dataDir: app.dataDir, clock: app.clock, timeZone: tz, reason: 'manual', settings: readBackupSettings(app.store) }),
    )
    log(`online backup: ${(backup.result.backup.bytes / 1048576).toFixed(1)} MB`)
    metrics.push({ name: 'backup.online', ms: Math.round(backup.ms), peak_rss_mb: Math.round(backup.peakMb) })

    const check = await measured(async () => {
      const db = new Database(app.store.file, { readonly: true })
      try {
        return db.pragma('quick_check', { simple: true })
      } finally {
        db.close()
      }
    })
    metrics.push({ name: 'store.quick_check_at_start', ms: Math.round(check.ms) })
    rmSync(join(app.dataDir, 'backups'), { recursive: true, force: true })
    return metrics
  },
}
