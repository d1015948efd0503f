import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApp } from '../app'
import { backupDirOf, listBackups } from '../backup/catalogue'
import { writeExportSettings } from '../export/settings'
import { demoApp, type DemoTestApp as TestApp } from '../test-support/test-app'
import { verifyPath } from '../export/verify'
import { startJobs, type Jobs } from './runner'

let t: TestApp
let jobs: Jobs
let share: string

beforeEach(async () => {
  t = await demoApp('2026-11-27T10:00:00+08:00', 'jobs-')
  share = join(t.dir, 'share')
  t.app.store.tx(() =>
    writeExportSettings(t.app.store, { timeOfDay: '21:30', targets: [{ id: 'head-office', kind: 'folder', label: '', path: share }] }),
  )
  jobs = startJobs(t.app, { autoStart: false })
})
afterEach(async () => {
  await jobs.stop()
  t.close()
})

const batches = () =>
  t.app.store.sqlite.prepare('SELECT id, first_business_date AS first, business_date AS last FROM export_batches ORDER BY seq').all() as {
    id: string
    first: string
    last: string
  }[]
const deliveries = () =>
  t.app.store.sqlite
    .prepare(`SELECT batch_id, status, attempts FROM export_deliveries ORDER BY delivered_at, batch_id`)
    .all() as { batch_id: string; status: string; attempts: number }[]

describe('the nightly export job', () => {
  it('builds nothing before the time of day, then one batch at it, preceded by a backup', async () => {
    mkdirSync(share)
    await jobs.scheduler.tick()
    expect(batches()).toEqual([])
    t.setNow('2026-11-27T21:31:00+08:00')
    await jobs.scheduler.tick()
    expect(batches()).toEqual([{ id: 'DEMO01-20261127-000001', first: '2026-11-27', last: '2026-11-27' }])
    expect(listBackups(backupDirOf(t.app.dataDir)).map((b) => b.reason)).toContain('pre-export')
    expect(readdirSync(share)).toEqual(['DEMO01-20261127-000001'])
    await jobs.scheduler.tick()
    expect(batches()).toHaveLength(1)
  })

  it('catches up after nights with the PC off with one batch covering every missed day', async () => {
    mkdirSync(share)
    t.setNow('2026-11-27T21:31:00+08:00')
    await jobs.scheduler.tick()
    await jobs.stop()
    // Off on Friday night; nobody starts it on Saturday or Sunday; Monday morning it starts.
    t.setNow('2026-11-30T08:30:00+08:00')
    jobs = startJobs(t.app, { autoStart: false })
    await jobs.scheduler.tick()
    expect(batches().map((b) => [b.first, b.last])).toEqual([
      ['2026-11-27', '2026-11-27'],
      ['2026-11-28', '2026-11-29'],
    ])
    const report = await verifyPath(share)
    expect(report.ok).toBe(true)
    const caughtUp = report.batches.find((b) => b.batchId?.endsWith('000002'))!
    expect(caughtUp.errors).toEqual([])
    const kpis = gunzipSync(readFileSync(join(caughtUp.dir, 'kpi_daily.jsonl.gz')))
      .toString()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { business_date: string; metric: string; dimension: string })
    expect(new Set(kpis.map((k) => k.business_date))).toEqual(new Set(['2026-11-28', '2026-11-29']))
    expect(kpis.filter((k) => k.metric === 'gross_settled_fen' && k.dimension === '')).toHaveLength(2)
    await jobs.scheduler.tick()
    expect(batches()).toHaveLength(2)
  })
})

describe('delivery', () => {
  it('retries an unreachable target with growing pauses, survives a restart, then delivers everything in order', async () => {
    for (const at of ['2026-11-27T21:31:00+08:00', '2026-11-28T21:31:00+08:00', '2026-11-29T21:31:00+08:00']) {
      t.setNow(at)
      await jobs.scheduler.tick()
    }
    expect(batches()).toHaveLength(3)
    // The first batch has failed three times by now (one try a night), the others wait behind it.
    expect(deliveries().map((d) => [d.status, d.attempts])).toEqual([
      ['pending', 3],
      ['pending', 0],
      ['pending', 0],
    ])
    const waiting = await t.call<{ queue: { pending: number; lastError: string | null }[] }>('data.export.status', {})
    expect(waiting.queue[0]).toMatchObject({ pending: 3, lastError: expect.stringMatching(/not reachable/) })

    await jobs.stop()
    const dataDir = t.app.dataDir
    t.app.close()
    t.app = await createApp({ dataDir, clock: t.app.clock })
    jobs = startJobs(t.app, { autoStart: false })
    mkdirSync(share)
    // After the third failure the pause is 4 minutes: nothing is tried 2 minutes on.
    t.advance(2 * 60_000)
    await jobs.scheduler.tick()
    expect(deliveries()[0]).toMatchObject({ status: 'pending', attempts: 3 })
    t.advance(2 * 60_000)
    await jobs.scheduler.tick()
    expect(deliveries().map((d) => [d.batch_id, d.status])).toEqual([
      ['DEMO01-20261127-000001', 'delivered'],
      ['DEMO01-20261128-000002', 'delivered'],
      ['DEMO01-20261129-000003', 'delivered'],
    ])
    expect((await verifyPath(share)).ok).toBe(true)
  })

  it('re-sends a delivered batch on request, and a second copy at the target changes nothing', async () => {
    mkdirSync(share)
    t.setNow('2026-11-27T21:31:00+08:00')
    await jobs.scheduler.tick()
    const [batch] = batches()
    await t.call('data.export.resend', { batchId: batch!.id })
    await jobs.scheduler.tick()
    expect(deliveries()).toEqual([{ batch_id: batch!.id, status: 'delivered', attempts: 2 }])
    expect(readdirSync(share)).toEqual([batch!.id])
    const missing = await t.app.dispatch('data.export.resend', { batchId: 'NOPE' }, { token: t.token, locale: 'en' })
    expect(missing).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })
})

describe('requests from the app', () => {
  it('builds a batch and takes a backup when asked, and restores a backup into the running app', async () => {
    mkdirSync(share)
    t.advance(60_000)
    await t.call('data.export.run', {})
    await t.call('data.backup.run', {})
    await jobs.scheduler.tick()
    expect(batches()).toHaveLength(1)
    const status = await t.call<{ backups: { name: string; reason: string }[]; jobs: { job: string; ok: boolean; message: string }[] }>(
      'data.backup.status',
      {},
    )
    const manual = status.backups.find((b) => b.reason === 'manual')
    expect(manual).toBeDefined()
    expect(status.jobs.every((j) => j.ok)).toBe(true)
    expect(status.jobs.map((j) => j.message)).toContain(`Batch ${batches()[0]!.id}: ${(await t.call<{ rows: number }[]>('data.export.batches', {}))[0]!.rows} rows`)

    const before = (t.app.store.sqlite.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n
    await t.call('customers.create', { name: '恢复后应消失' })
    t.advance(60_000)
    const events: string[] = []
    t.app.hub.subscribe((e) => events.push(e.type))
    await t.call('data.backup.restore', { name: manual!.name })
    await jobs.scheduler.tick()
    expect(t.app.store.sqlite.prepare('SELECT job, ok, message FROM job_runs ORDER BY id DESC LIMIT 1').get()).toMatchObject({ ok: 1 })
    expect(events).toContain('data.restored')
    expect((t.app.store.sqlite.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n).toBe(before)
    const after = listBackups(backupDirOf(t.app.dataDir))
    expect(after.some((b) => b.reason === 'pre-restore')).toBe(true)
    const audit = t.app.store.sqlite.prepare(`SELECT action FROM audit_log ORDER BY id DESC LIMIT 1`).get() as { action: string }
    expect(audit.action).toBe('data.restored')
    expect(t.app.store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    // The batch built after that backup is adopted back from the outbox, never rebuilt under its id.
    expect(t.app.store.sqlite.prepare('SELECT adopted FROM export_batches').all()).toEqual([{ adopted: 1 }])
  })

  it('is refused to roles without the data permissions', async () => {
    const login = await t.app.dispatch('auth.login', { username: 'advisor1', password: 'demo-pass-1' })
    const token = (login as { data: { token: string } }).data.token
    const refused = await t.app.dispatch('data.backup.run', {}, { token, locale: 'en' })
    expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
