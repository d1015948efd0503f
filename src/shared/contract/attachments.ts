import { z } from 'zod'
import { ATTACHMENT_MAX_BASE64, ATTACHMENT_OWNER_KINDS, ATTACHMENT_TYPES } from '../domain/attachments'
import type { ContractSection } from './types'

// The attachment store shared by every area: files added to a document (owner kind + id), listed
// by document, read one at a time and removed. The channels' own permissions let a role near the
// store at all; the owner kind's permissions (domain/attachments.ts) decide per document. Writes
// emit `attachments.changed` with the owner.

const Id = z.number().int().positive()
const Owner = { ownerKind: z.enum(ATTACHMENT_OWNER_KINDS), ownerId: Id }

export const AttachmentRow = z.object({
  id: z.number(),
  ownerKind: z.enum(ATTACHMENT_OWNER_KINDS),
  ownerId: z.number(),
  fileName: z.string(),
  mimeType: z.enum(ATTACHMENT_TYPES),
  sizeBytes: z.number(),
  sha256: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  /** The file is not in the data folder (lost or not restored): shown as missing, never an error. */
  missing: z.boolean(),
})

export const attachmentsContract = {
  'attachments.list': {
    input: z.strictObject(Owner),
    output: z.array(AttachmentRow),
    access: 'attachments.read',
    kind: 'read',
  },
  /** One file with its content (null when the file is missing). */
  'attachments.get': {
    input: z.strictObject({ id: Id }),
    output: AttachmentRow.extend({ contentBase64: z.string().nullable() }),
    access: 'attachments.read',
    kind: 'read',
  },
  /** Adds a file; its type is told by its first bytes. The same content twice is stored once. */
  'attachments.add': {
    input: z.strictObject({
      ...Owner,
      fileName: z.string().trim().min(1).max(120),
      contentBase64: z
        .string()
        .min(1)
        .max(ATTACHMENT_MAX_BASE64, { error: 'attachments.tooLarge' })
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'attachments.notBase64' }),
    }),
    output: AttachmentRow,
    access: 'attachments.write',
    kind: 'write',
  },
  /** Takes a file off its document (audited); the file goes once no document refers to it. */
  'attachments.remove': {
    input: z.strictObject({ id: Id }),
    output: z.object({ id: z.number(), fileDeleted: z.boolean() }),
    access: 'attachments.write',
    kind: 'write',
  },
} as const satisfies ContractSection
