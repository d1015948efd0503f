import { dirname } from 'node:path'
import type { dataContract } from '../../shared/contract/data'
import { DATA_EVENTS } from '../../shared/contract/data'
import type { HandlersFor } from '../api/dispatch'
import type { Ctx } from '../api/context'
import { notFound } from '../api/app-error'
import { getSetting } from '../settings/settings'
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

interface DeliveryRow {
  batch_id: string
  target_id: string
  status: 'pending' | 'delivered'
  attempts: number
  next_attempt_at: string | null
  last_attempt_at: string | null
  last_error: string | null
  delivered_at: string | null
}

function batchesOut(ctx: Ctx, rows: BatchRecord[]) {
  const deliveries = ctx.store.prepare('SELECT * FROM export_deliveries WHERE batch_id = ? ORDER BY target_id')
  return rows.map((b) => ({
    id: b.id,
    seq: b.seq,
    firstBusinessDate: b.first_business_date,
    businessDate: b.business_date,
    previousId: b.previous_id,
    createdAt: b.created_at,
    rows: b.rows,
    bytes: b.bytes,
    deliveries: (deliveries.all(b.id) as DeliveryRow[]).map((d) => ({
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
  const queued = ctx.store
    .prepare(`SELECT DISTINCT target_id FROM export_deliveries WHERE status = 'pending'`)
    .all() as { target_id: string }[]
  const ids = [...new Set([...configured.keys(), ...queued.map((q) => q.target_id)])]
  const head = ctx.store.prepare(
    `SELECT d.batch_id, d.next_attempt_at, d.last_error FROM export_deliveries d JOIN export_batches b ON b.id = d.batch_id
     WHERE d.target_id = ? AND d.status = 'pending' ORDER BY b.seq LIMIT 1`,
  )
  const count = ctx.store.prepare(`SELECT count(*) AS n FROM export_deliveries WHERE target_id = ? AND status = 'pending'`)
  return ids.map((id) => {
    const first = head.get(id) as { batch_id: string; next_attempt_at: string | null; last_error: string | null } | undefined
    return {
      targetId: id,
      label: configured.get(id) ?? id,
      pending: (count.get(id) as { n: number }).n,
      oldestPendingBatch: first?.batch_id ?? null,
      nextAttemptAt: first?.next_attempt_at ?? null,
      lastError: first?.last_error ?? null,
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
    const rows = ctx.store
      .prepare('SELECT * FROM export_batches WHERE seq < ? ORDER BY seq DESC LIMIT ?')
      .all(input.beforeSeq ?? Number.MAX_SAFE_INTEGER, input.limit) as BatchRecord[]
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
    const jobs = ctx.store.prepare('SELECT * FROM job_runs ORDER BY id DESC LIMIT 30').all() as {
      id: number
      job: string
      started_at: string
      finished_at: string
      ok: number
      message: string
    }[]
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
