import { z } from 'zod'
import type { ContractSection } from './types'

// Reading the audit trail and the login history. The trail is written by the dispatcher for every
// write; these channels are its only readers, each permissioned in the main process.

/** Documents with an activity feed in their own screen, and the entity rows each one gathers. */
export const DOCUMENT_KINDS = ['ro', 'settlement', 'po', 'stocktake'] as const
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]

export const AuditRowOut = z.object({
  id: z.number(),
  at: z.string(),
  userName: z.string().nullable(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  /** What changed, as stored (secrets redacted when written), shortened for the screen. */
  detail: z.string().nullable(),
})

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'validation.invalidFormat' })

const LogFilter = z.strictObject({
  userId: z.number().int().positive().optional(),
  entity: z.string().trim().min(1).max(40).regex(/^[a-z_]+$/).optional(),
  action: z.string().trim().min(1).max(60).optional(),
  from: Day.optional(),
  to: Day.optional(),
})

export const LoginEventOut = z.object({
  id: z.number(),
  at: z.string(),
  username: z.string(),
  userName: z.string().nullable(),
  outcome: z.enum(['success', 'failure', 'lockout', 'unlock']),
  scope: z.enum(['user', 'address']),
  address: z.string(),
  device: z.string().nullable(),
  lockedUntil: z.string().nullable(),
  byUserName: z.string().nullable(),
})

export const auditContract = {
  /** Who changed what on one document, newest first; for those who may see the document. */
  'audit.document': {
    input: z.strictObject({ kind: z.enum(DOCUMENT_KINDS), id: z.number().int().positive(), limit: z.number().int().min(1).max(500).default(200) }),
    output: z.array(AuditRowOut),
    access: 'session',
    kind: 'read',
  },
  'audit.log': {
    input: LogFilter.extend({ beforeId: z.number().int().positive().optional(), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.object({ rows: z.array(AuditRowOut), more: z.boolean() }),
    access: 'audit.read',
    kind: 'read',
  },
  /** The filtered log as an XLSX workbook (base64), up to 50,000 rows. */
  'audit.export': {
    input: LogFilter,
    output: z.object({ fileName: z.string(), base64: z.string(), rows: z.number() }),
    access: 'audit.read',
    kind: 'export',
  },
  'audit.logins': {
    input: z.strictObject({
      username: z.string().trim().min(1).max(32).optional(),
      outcome: z.enum(['success', 'failure', 'lockout', 'unlock']).optional(),
      from: Day.optional(),
      to: Day.optional(),
      limit: z.number().int().min(1).max(500).default(200),
    }),
    output: z.array(LoginEventOut),
    access: 'audit.read',
    kind: 'read',
  },
} as const satisfies ContractSection
