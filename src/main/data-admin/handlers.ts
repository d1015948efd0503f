import { dirname } from 'node:path'
import type { dataContract } from '../../shared/contract/data'
import { DATA_EVENTS } from '../../shared/contract/data'
import type { HandlersFor } from '../api/dispatch'
import type { Ctx } from '../api/context'
import { notFound } from '../api/app-error'
import { getSetting } from '../settings/settings'
import { all, first } from '../store/query'
import { translate, type MessageParams } from '../../shared/i18n'
import { availableBackups } from '../backup/integrity'
import { listBackups, backupDirOf } from '../backup/catalogue'
import { readBackupSettings, writeBackupSettings } from '../backup/settings'
import { requeue } from '../export/deliver/queue'
import { lastBatch, type BatchRecord } from '../export/outbox'
import { nextExportAt } from '../export/service'
import { maskSecret } from '../secrets/secret-box'
import { readExportSettings, writeExportSettings, type ExportSettings } from '../export/settings'

// Data administration channels. Reads answer from the store and the backup folder; writes change
// settings or queue entries, or raise the event the jobs runner acts on after commit.

const dataDirOf = (ctx: Ctx) => dirname(ctx.store.file)

/** A run-log note (a catalog key and parameters) in the reader's language; other text as it is. */
function readNote(ctx: Ctx, message: string): string {
  if (!message.startsWith('{')) return message
  try {
    const { key, params } = JSON.parse(message) as { key: string; params: MessageParams }
    return translate(ctx.locale, key, params)
  } catch {
    return message
  }
}

function settingsOut(s: ExportSettings) {
  return {
    enabled: s.enabled,
    timeOfDay: s.timeOfDay,
    personalData: s.personalData,
    targets: s.targets.map((t) =>
      t.kind === 'folder'
        ? { id: t.id, kind: t.kind, label: t.label, where: t.path, hasToken: false, hasCa: false, allowHttp: false }
        : { id: t.id, kind: t.kind, label: t.label, where: t.url, hasToken: Boolean(t.token), tokenHint: maskSecret(t.token), hasCa: Boolean(t.caPem), allowHttp: t.allowHttp },
    ),
  }
}

function batchesOut(ctx: Ctx, rows: BatchRecord[]) {
  return rows.map((b) => ({
    id: b.id,
    seq: b.seq,
    firstBusinessDate: b.first_business_date,
    businessDate: b.business_date,
    previousId: b.previous_id,
    createdAt: b.created_at,
    rows: b.rows,
    bytes: b.bytes,
    deliveries: all(ctx.store, ctx.store.db.selectFrom('export_deliveries').selectAll().where('batch_id', '=', b.id).orderBy('target_id')).map((d) => ({
      targetId: d.target_id,
      status: d.status,
      attempts: d.attempts,
      nextAttemptAt: d.next_attempt_at,
      lastAttemptAt: d.last_attempt_at,
      lastError: d.last_error,
      deliveredAt: d.delivered_at,
    })),
  }))
}

function queueOut(ctx: Ctx, s: ExportSettings) {
  const configured = new Map(s.targets.map((t) => [t.id, t.label || t.id]))
  const db = ctx.store.db
  const queued = all(ctx.store, db.selectFrom('export_deliveries').select('target_id').distinct().where('status', '=', 'pending'))
  const ids = [...new Set([...configured.keys(), ...queued.map((q) => q.target_id)])]
  return ids.map((id) => {
    const head = first(
      ctx.store,
      db
        .selectFrom('export_deliveries as d')
        .innerJoin('export_batches as b', 'b.id', 'd.batch_id')
        .select(['d.batch_id', 'd.next_attempt_at', 'd.last_error'])
        .where('d.target_id', '=', id)
        .where('d.status', '=', 'pending')
        .orderBy('b.seq')
        .limit(1),
    )
    const pending = first(
      ctx.store,
      db
        .selectFrom('export_deliveries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('target_id', '=', id)
        .where('status', '=', 'pending'),
    )!.n
    return {
      targetId: id,
      label: configured.get(id) ?? id,
      pending,
      oldestPendingBatch: head?.batch_id ?? null,
      nextAttemptAt: head?.next_attempt_at ?? null,
      lastError: head?.last_error ?? null,
      removed: !configured.has(id),
    }
  })
}

const accepted = { accepted: true } as const

export const dataHandlers: HandlersFor<typeof dataContract> = {
  'data.export.status': (ctx) => {
    const s = readExportSettings(ctx.store)
    const last = lastBatch(ctx.store)
    return {
      settings: settingsOut(s),
      dealerCode: getSetting(ctx.store, 'dealer.code'),
      lastBatch: last ? (batchesOut(ctx, [last])[0] ?? null) : null,
      nextRunAt: nextExportAt(ctx.store, ctx.clock.now()),
      queue: queueOut(ctx, s),
    }
  },

  'data.export.batches': (ctx, input) => {
    const rows: BatchRecord[] = all(
      ctx.store,
      ctx.store.db
        .selectFrom('export_batches')
        .selectAll()
        .where('seq', '<', input.beforeSeq ?? Number.MAX_SAFE_INTEGER)
        .orderBy('seq', 'desc')
        .limit(input.limit),
    )
    return batchesOut(ctx, rows)
  },

  'data.export.settings': (ctx, input) => settingsOut(writeExportSettings(ctx.store, input)),

  'data.export.run': (ctx) => {
    ctx.events.emit({ type: DATA_EVENTS.exportRequested })
    return accepted
  },

  'data.export.resend': (ctx, input) => {
    if (requeue(ctx.store, input.batchId, input.targetId, ctx.nowIso()) === 0) throw notFound('data.entity.batch', input.batchId)
    ctx.events.emit({ type: DATA_EVENTS.resendRequested, id: input.batchId })
    return accepted
  },

  'data.backup.status': (ctx) => {
    const dataDir = dataDirOf(ctx)
    const jobs = all(ctx.store, ctx.store.db.selectFrom('job_runs').selectAll().orderBy('id', 'desc').limit(30))
    return {
      settings: readBackupSettings(ctx.store),
      backups: availableBackups(dataDir).map(({ file: _file, schema: _schema, ...b }) => b),
      lastBackupAt: listBackups(backupDirOf(dataDir))[0]?.createdAt ?? null,
      jobs: jobs.map((j) => ({
        id: j.id,
        job: j.job,
        startedAt: j.started_at,
        finishedAt: j.finished_at,
        ok: j.ok === 1,
        message: readNote(ctx, j.message),
      })),
    }
  },

  'data.backup.settings': (ctx, input) => writeBackupSettings(ctx.store, input),

  'data.backup.run': (ctx) => {
    ctx.events.emit({ type: DATA_EVENTS.backupRequested })
    return accepted
  },

  'data.backup.restore': (ctx, input) => {
    const found = availableBackups(dataDirOf(ctx)).some((b) => b.name === input.name && b.location === input.location)
    if (!found) throw notFound('data.entity.backup', input.name)
    ctx.events.emit({ type: DATA_EVENTS.restoreRequested, id: input.name, location: input.location, userId: ctx.user.id })
    return accepted
  },
}
