import { rulesSweepJob } from './rules-sweep-job'
import type { LiveEvent } from '../../shared/contract/types'
import { DATA_EVENTS } from '../../shared/contract/data'
import { toLocalIso } from '../../shared/domain/time'
import type { App } from '../app'
import { getSetting } from '../settings/settings'
import { listBackups, backupDirOf, type BackupLocation, type BackupReason } from '../backup/catalogue'
import { availableBackups } from '../backup/integrity'
import { restoreLive } from '../backup/restore'
import { readBackupSettings } from '../backup/settings'
import { takeBackup } from '../backup/take'
import { deliveryDue, exportDueFor, runDeliveries, runExport } from '../export/service'
import { outboxOf, reconcileOutbox } from '../export/outbox'
import { readExportSettings } from '../export/settings'
import { digestFile } from '../files/durable-files'
import { createScheduler, type Job, type RunRecord, type Scheduler, type Timer } from './scheduler'
import { sql } from 'kysely'
import { first, run } from '../store/query'
import { startCheckpointer } from '../store/checkpointer'

// The host's background work: WAL checkpoints off the request path, backups every N minutes while the store is written, the nightly
// export (with catch-up after the PC was off) preceded by a backup, delivery of queued batches,
// and restores asked for from the app. Channels only record a request and raise an event; this
// runner hears the event and does the file and network work outside any transaction.

export interface Jobs {
  scheduler: Scheduler
  stop(): Promise<void>
}

type AppCore = Pick<App, 'store' | 'dataDir' | 'clock' | 'hub'>

const JOB_LOG_KEEP = 500

/** Run-log notes are catalog keys with parameters, translated when a person reads the log. */
export function note(key: string, params: Record<string, string | number> = {}): string {
  return JSON.stringify({ key, params })
}

export interface JobsOptions {
  timer?: Timer
  everyMs?: number
  autoStart?: boolean
  /** Other areas' scheduled jobs (the rules sweep), run after these in the same queue. */
  extraJobs?: readonly Job[]
  /** WAL checkpoints in a worker thread instead of inside commits (store/checkpointer.ts); default on. */
  backgroundCheckpoints?: boolean
}

export function startJobs(app: AppCore, options: JobsOptions = {}): Jobs {
  const { store, dataDir, clock, hub } = app
  const tz = () => getSetting(store, 'time.zone')
  const iso = (d: Date) => toLocalIso(d, tz())
  const publish = (event: Omit<LiveEvent, 'at'>) => hub.publish({ ...event, at: iso(clock.now()) } as LiveEvent)
  const changes = () => first(store, store.db.selectNoFrom((eb) => eb.fn<number>('total_changes', []).as('n')))!.n
  let changesAtBackup = -1
  let manualBackup = false
  let restoreRequest: { name: string; location: BackupLocation; userId: number | null } | null = null

  const lastBackupAt = (): number | null => {
    const newest = listBackups(backupDirOf(dataDir))[0]
    return newest ? new Date(newest.createdAt).getTime() : null
  }

  async function backup(reason: BackupReason): Promise<string> {
    const result = await takeBackup({ store, dataDir, clock, timeZone: tz(), reason, settings: readBackupSettings(store) })
    publish({ type: DATA_EVENTS.backupDone, id: result.backup.name })
    if (result.secondError) throw new Error(note('data.jobs.msg.secondFailed', { name: result.backup.name, error: result.secondError }))
    return note('data.jobs.msg.backup', { name: result.backup.name })
  }

  const jobs: Job[] = [
    {
      name: 'restore',
      due: () => false,
      async run() {
        const request = restoreRequest
        restoreRequest = null
        if (!request) return
        const found = availableBackups(dataDir).find((b) => b.name === request.name && b.location === request.location)
        if (!found) throw new Error(note('data.restore.notFound', { file: request.name }))
        const result = await restoreLive({ store, dataDir, from: found.file, clock, timeZone: tz(), settings: readBackupSettings(store) })
        run(
          store,
          store.db.insertInto('audit_log').values({
            at: iso(clock.now()),
            user_id: request.userId,
            channel: 'data.backup.restore',
            action: 'data.restored',
            entity: 'backup',
            entity_id: found.name,
            detail: JSON.stringify(result),
          }),
        )
        // Batches built after the backup are still in the outbox: adopt them now, so their ids
        // are not issued again and the queue shows them.
        const targets = readExportSettings(store).targets.map((t) => t.id)
        await reconcileOutbox(store, outboxOf(dataDir), targets, iso(clock.now()), async (f) => (await digestFile(f)).sha256)
        publish({ type: DATA_EVENTS.restored, id: found.name, savedAs: result.savedAs })
        return note('data.jobs.msg.restore', { name: found.name, savedAs: result.savedAs })
      },
    },
    {
      name: 'backup',
      due(now) {
        if (!getSetting(store, 'setup.initialised')) return false
        const last = lastBackupAt()
        const interval = readBackupSettings(store).intervalMinutes * 60_000
        // "While in use": only when something was written since the last backup this run.
        return (last === null || now.getTime() - last >= interval) && changes() !== changesAtBackup
      },
      run() {
        const reason = manualBackup ? 'manual' : 'auto'
        manualBackup = false
        return backup(reason)
      },
    },
    {
      name: 'export',
      due: (now) => exportDueFor(store, now) !== null,
      async run() {
        await backup('pre-export')
        const built = await runExport({ store, dataDir, clock })
        publish({ type: DATA_EVENTS.exportBuilt, id: built.manifest.batchId })
        scheduler.request('delivery')
        const rows = built.manifest.files.reduce((n, f) => n + f.rows, 0)
        return note('data.jobs.msg.export', { batch: built.manifest.batchId, rows })
      },
    },
    {
      name: 'delivery',
      due: (now) => deliveryDue(store, now),
      async run() {
        const outcomes = await runDeliveries({ store, dataDir, clock })
        if (outcomes.length > 0) publish({ type: DATA_EVENTS.deliveryChanged })
        const failed = outcomes.filter((x) => !x.ok)
        const sent = outcomes.length - failed.length
        const errors = failed.map((f) => `${f.targetId}: ${f.error}`).join('; ')
        if (failed.length > 0) throw new Error(note('data.jobs.msg.deliveryFailed', { count: sent, errors }))
        return note('data.jobs.msg.delivery', { count: sent })
      },
    },
  ]

  function record(r: RunRecord) {
    try {
      run(
        store,
        store.db
          .insertInto('job_runs')
          .values({ job: r.job, started_at: iso(r.startedAt), finished_at: iso(r.finishedAt), ok: r.ok ? 1 : 0, message: r.message.slice(0, 1000) }),
      )
      run(store, store.db.deleteFrom('job_runs').where('id', '<=', sql<number>`(SELECT max(id) FROM job_runs) - ${JOB_LOG_KEEP}`))
    } catch {
      // The run log is for people; a full disk must not also stop the jobs.
    }
    if (r.job === 'backup' && r.ok) changesAtBackup = changes()
    if (!r.ok) publish({ type: DATA_EVENTS.jobFailed, id: r.job, message: r.message })
  }

  const scheduler = createScheduler({
    clock,
    // The rules sweep always runs here: deadlines pass with time, not with writes.
    jobs: [...jobs, rulesSweepJob({ store, clock, hub, timeZone: tz }), ...(options.extraJobs ?? [])],
    onRun: record,
    ...(options.timer ? { timer: options.timer } : {}),
    ...(options.everyMs ? { everyMs: options.everyMs } : {}),
  })

  const unsubscribe = hub.subscribe((event) => {
    switch (event.type) {
      case DATA_EVENTS.exportRequested:
        return scheduler.request('export')
      case DATA_EVENTS.resendRequested:
        return scheduler.request('delivery')
      case DATA_EVENTS.backupRequested:
        manualBackup = true
        return scheduler.request('backup')
      case DATA_EVENTS.restoreRequested:
        restoreRequest = {
          name: String(event.id),
          location: event.location === 'second' ? 'second' : 'primary',
          userId: typeof event.userId === 'number' ? event.userId : null,
        }
        return scheduler.request('restore')
    }
  })
  if (options.autoStart !== false) scheduler.start()
  const checkpointer = options.backgroundCheckpoints === false ? null : startCheckpointer(store)
  return {
    scheduler,
    async stop() {
      unsubscribe()
      await scheduler.stop()
      await checkpointer?.stop()
    },
  }
}
