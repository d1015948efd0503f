import { z } from 'zod'
import type { ContractSection } from './types'

// Data administration: the nightly head-office export (batches, delivery queue, re-send) and
// backups (list, take now, restore). Work that touches files or the network runs in the jobs
// runner, not in the channel: these channels record the request and the runner picks it up.

export const PERSONAL_DATA_MODES = ['full', 'pseudonymised', 'none'] as const
export type PersonalDataMode = (typeof PERSONAL_DATA_MODES)[number]

const TargetId = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[a-z0-9-]+$/, { message: 'data.field.targetIdFormat' })
const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'data.field.timeFormat' })

export const FolderTargetIn = z.strictObject({
  id: TargetId,
  kind: z.literal('folder'),
  label: z.string().trim().max(60).default(''),
  /** A folder the host can write, e.g. a mapped head-office share. */
  path: z.string().trim().min(1).max(400),
})

export const HttpsTargetIn = z.strictObject({
  id: TargetId,
  kind: z.literal('https'),
  label: z.string().trim().max(60).default(''),
  url: z.url({ protocol: /^https?$/, message: 'data.field.urlFormat' }).max(400),
  /** Left out on update: the stored token stays. */
  token: z.string().min(8).max(400).optional(),
  /** PEM of head office's certificate or CA, when it is not publicly trusted. */
  caPem: z.string().max(20_000).optional(),
  /** Plain http only when explicitly allowed (a LAN relay, or tests). */
  allowHttp: z.boolean().default(false),
})

export const TargetIn = z.discriminatedUnion('kind', [FolderTargetIn, HttpsTargetIn])
export type TargetConfigIn = z.input<typeof TargetIn>

export const TargetOut = z.object({
  id: z.string(),
  kind: z.enum(['folder', 'https']),
  label: z.string(),
  /** The folder, or the endpoint URL. */
  where: z.string(),
  hasToken: z.boolean(),
  /** The token's last four characters behind dots; the token itself never leaves the host. */
  tokenHint: z.string().nullable().optional(),
  hasCa: z.boolean(),
  allowHttp: z.boolean(),
})

export const ExportSettingsOut = z.object({
  enabled: z.boolean(),
  timeOfDay: z.string(),
  personalData: z.enum(PERSONAL_DATA_MODES),
  targets: z.array(TargetOut),
})

export const DeliveryOut = z.object({
  targetId: z.string(),
  status: z.enum(['pending', 'delivered']),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: z.string().nullable(),
})

export const BatchOut = z.object({
  id: z.string(),
  seq: z.number(),
  firstBusinessDate: z.string(),
  businessDate: z.string(),
  previousId: z.string().nullable(),
  createdAt: z.string(),
  rows: z.number(),
  bytes: z.number(),
  deliveries: z.array(DeliveryOut),
})

export const QueueOut = z.object({
  targetId: z.string(),
  label: z.string(),
  pending: z.number(),
  oldestPendingBatch: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /** The target is no longer configured: its pending batches wait until it is again. */
  removed: z.boolean(),
})

export const ExportStatusOut = z.object({
  settings: ExportSettingsOut,
  dealerCode: z.string(),
  lastBatch: BatchOut.nullable(),
  nextRunAt: z.string().nullable(),
  queue: z.array(QueueOut),
})

export const BACKUP_REASONS = ['auto', 'manual', 'pre-migration', 'pre-export', 'pre-restore'] as const

export const BackupOut = z.object({
  name: z.string(),
  location: z.enum(['primary', 'second']),
  createdAt: z.string(),
  reason: z.enum(BACKUP_REASONS),
  bytes: z.number(),
  sha256: z.string(),
  check: z.string(),
})

export const BackupSettingsOut = z.object({
  intervalMinutes: z.number(),
  keepRecent: z.number(),
  keepDaily: z.number(),
  keepMonthly: z.number(),
  secondDir: z.string().nullable(),
})

export const JobRunOut = z.object({
  id: z.number(),
  job: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  ok: z.boolean(),
  message: z.string(),
})

const Accepted = z.object({ accepted: z.literal(true) })
const Empty = z.strictObject({})

export const dataContract = {
  'data.export.status': { input: Empty, output: ExportStatusOut, access: 'data.export', kind: 'read' },
  'data.export.batches': {
    input: z.strictObject({
      limit: z.number().int().min(1).max(200).default(50),
      beforeSeq: z.number().int().positive().optional(),
    }),
    output: z.array(BatchOut),
    access: 'data.export',
    kind: 'read',
  },
  'data.export.settings': {
    input: z.strictObject({
      enabled: z.boolean().optional(),
      timeOfDay: TimeOfDay.optional(),
      personalData: z.enum(PERSONAL_DATA_MODES).optional(),
      targets: z.array(TargetIn).max(8).optional(),
    }),
    output: ExportSettingsOut,
    access: 'data.export',
    kind: 'write',
  },
  /** Builds a batch now (of everything changed since the last one), then delivers. */
  'data.export.run': { input: Empty, output: Accepted, access: 'data.export', kind: 'write' },
  'data.export.resend': {
    input: z.strictObject({ batchId: z.string().min(1).max(80), targetId: TargetId.optional() }),
    output: Accepted,
    access: 'data.export',
    kind: 'write',
  },
  'data.backup.status': {
    input: Empty,
    output: z.object({
      settings: BackupSettingsOut,
      backups: z.array(BackupOut),
      lastBackupAt: z.string().nullable(),
      jobs: z.array(JobRunOut),
    }),
    access: 'data.backup',
    kind: 'read',
  },
  'data.backup.settings': {
    input: z.strictObject({
      intervalMinutes: z.number().int().min(5).max(24 * 60).optional(),
      keepRecent: z.number().int().min(1).max(500).optional(),
      keepDaily: z.number().int().min(0).max(366).optional(),
      keepMonthly: z.number().int().min(0).max(120).optional(),
      secondDir: z.string().trim().max(400).nullable().optional(),
    }),
    output: BackupSettingsOut,
    access: 'data.backup',
    kind: 'write',
  },
  'data.backup.run': { input: Empty, output: Accepted, access: 'data.backup', kind: 'write' },
  /** Replaces the store with a listed backup; the current store is backed up first. */
  'data.backup.restore': {
    input: z.strictObject({
      name: z.string().regex(/^[A-Za-z0-9._-]+\.sqlite$/, { message: 'data.field.backupName' }),
      location: z.enum(['primary', 'second']).default('primary'),
    }),
    output: Accepted,
    access: 'data.backup',
    kind: 'write',
  },
} as const satisfies ContractSection

/** Live events the jobs runner reacts to (requests) and publishes (results). */
export const DATA_EVENTS = {
  exportRequested: 'data.export.requested',
  resendRequested: 'data.export.resend',
  backupRequested: 'data.backup.requested',
  restoreRequested: 'data.restore.requested',
  exportBuilt: 'data.export.built',
  deliveryChanged: 'data.delivery.changed',
  backupDone: 'data.backup.done',
  restored: 'data.restored',
  jobFailed: 'data.job.failed',
} as const
