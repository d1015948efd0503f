import { dirname } from 'node:path'
import type { InferResult } from 'kysely'
import type { Ctx, UserCtx } from '../api/context'
import { AppError, fieldError, notFound } from '../api/app-error'
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_OWNERS, sniffAttachmentType, type AttachmentOwnerKind } from '../../shared/domain/attachments'
import { roleHas } from '../../shared/domain/roles'
import { all, first, insertId, run } from '../store/query'
import type { Store } from '../store/open'
import { deleteContent, hasContent, putContent, readContent, sha256Of } from './file-store'
import type { In, Out } from './types'

// Files on documents. The content is written to the data folder before the row (a rolled-back
// add leaves at most an unreferenced file, which harms nothing and goes with the next removal of
// that hash); a missing file never refuses anything: it is listed as missing.

type Row = Out<'attachments.list'>[number]

const dataDirOf = (ctx: Ctx) => dirname(ctx.store.file)

const OWNER_TABLES = { warranty_claim: 'warranty_claims', fives_finding: 'fives_findings', training_session: 'training_sessions', insurance_claim: 'insurance_claims' } as const

const OWNER_ENTITY = { warranty_claim: 'entity.warrantyClaim', fives_finding: 'entity.fives_finding', training_session: 'audit.entity.training_session', insurance_claim: 'entity.insuranceClaim' } as const

/** The role must hold the document's own permission as well as the store's. */
function mayUse(ctx: UserCtx, kind: AttachmentOwnerKind, access: 'read' | 'write'): void {
  const permission = ATTACHMENT_OWNERS[kind][access]
  if (!roleHas(ctx.user.role, permission)) throw new AppError('FORBIDDEN', 'error.FORBIDDEN', { permission: `permission.${permission}` })
}

function ownerExists(ctx: Ctx, kind: AttachmentOwnerKind, id: number): void {
  const found = first(ctx.store, ctx.store.db.selectFrom(OWNER_TABLES[kind]).select('id').where('id', '=', id))
  if (!found) throw notFound(OWNER_ENTITY[kind], id)
}

const selectRows = (ctx: Ctx) =>
  ctx.store.db
    .selectFrom('attachments as a')
    .innerJoin('users as u', 'u.id', 'a.created_by')
    .select(['a.id', 'a.owner_kind', 'a.owner_id', 'a.file_name', 'a.mime_type', 'a.size_bytes', 'a.sha256', 'a.created_at', 'u.display_name'])
    .where('a.removed_at', 'is', null)

type Selected = InferResult<ReturnType<typeof selectRows>>[number]

const rowOut = (dataDir: string, r: Selected): Row => ({
  id: r.id,
  ownerKind: r.owner_kind,
  ownerId: r.owner_id,
  fileName: r.file_name,
  mimeType: r.mime_type,
  sizeBytes: r.size_bytes,
  sha256: r.sha256,
  createdAt: r.created_at,
  createdBy: r.display_name,
  missing: !hasContent(dataDir, r.sha256),
})

function loadRow(ctx: Ctx, id: number): Selected {
  const row = first(ctx.store, selectRows(ctx).where('a.id', '=', id))
  if (!row) throw notFound('entity.attachment', id)
  return row
}

/** The files on a document, oldest first (the order they were added). */
export function listAttachments(ctx: UserCtx, input: In<'attachments.list'>): Out<'attachments.list'> {
  mayUse(ctx, input.ownerKind, 'read')
  const dataDir = dataDirOf(ctx)
  return all(ctx.store, selectRows(ctx).where('a.owner_kind', '=', input.ownerKind).where('a.owner_id', '=', input.ownerId).orderBy('a.id')).map((r) => rowOut(dataDir, r))
}

/** How many files each document has (live ones), for lists that show a count beside each row. */
export function attachmentCounts(store: Store, kind: AttachmentOwnerKind, ownerIds: readonly number[]): Map<number, number> {
  if (ownerIds.length === 0) return new Map()
  const rows = all(
    store,
    store.db
      .selectFrom('attachments')
      .select((eb) => ['owner_id', eb.fn.countAll<number>().as('n')])
      .where('owner_kind', '=', kind)
      .where('owner_id', 'in', ownerIds)
      .where('removed_at', 'is', null)
      .groupBy('owner_id'),
  )
  return new Map(rows.map((r) => [r.owner_id, r.n]))
}

/** Every file of documents, for the services that list them with their documents (claim package). */
export function attachmentsOf(ctx: Ctx, kind: AttachmentOwnerKind, ownerIds: readonly number[]): Row[] {
  if (ownerIds.length === 0) return []
  const dataDir = dataDirOf(ctx)
  return all(ctx.store, selectRows(ctx).where('a.owner_kind', '=', kind).where('a.owner_id', 'in', ownerIds).orderBy('a.id')).map((r) => rowOut(dataDir, r))
}

export function getAttachment(ctx: UserCtx, input: In<'attachments.get'>): Out<'attachments.get'> {
  const row = loadRow(ctx, input.id)
  mayUse(ctx, row.owner_kind, 'read')
  const dataDir = dataDirOf(ctx)
  const content = readContent(dataDir, row.sha256)
  return { ...rowOut(dataDir, row), missing: content === null, contentBase64: content ? content.toString('base64') : null }
}

export function addAttachment(ctx: UserCtx, input: In<'attachments.add'>): Out<'attachments.add'> {
  mayUse(ctx, input.ownerKind, 'write')
  ownerExists(ctx, input.ownerKind, input.ownerId)
  const content = Buffer.from(input.contentBase64, 'base64')
  if (content.length === 0) throw fieldError('VALIDATION', 'contentBase64', 'attachments.empty')
  if (content.length > ATTACHMENT_MAX_BYTES) throw fieldError('VALIDATION', 'contentBase64', 'attachments.tooLarge')
  const mimeType = sniffAttachmentType(content)
  if (!mimeType) throw fieldError('VALIDATION', 'contentBase64', 'attachments.typeRefused', { name: input.fileName })
  const sha256 = sha256Of(content)
  putContent(dataDirOf(ctx), sha256, content)
  const now = ctx.nowIso()
  const id = insertId(
    ctx.store,
    ctx.store.db.insertInto('attachments').values({
      owner_kind: input.ownerKind,
      owner_id: input.ownerId,
      file_name: input.fileName,
      mime_type: mimeType,
      size_bytes: content.length,
      sha256,
      created_by: ctx.user.id,
      created_at: now,
      changed_at: now,
    }),
  )
  ctx.audit({ action: 'attachment.add', entity: input.ownerKind, entityId: input.ownerId, detail: { attachmentId: id, fileName: input.fileName, mimeType, sizeBytes: content.length, sha256 } })
  ctx.events.emit({ type: 'attachments.changed', id: input.ownerId, ownerKind: input.ownerKind })
  return rowOut(dataDirOf(ctx), loadRow(ctx, id))
}

/** Whether any live row still refers to the content. */
const referenced = (ctx: Ctx, sha256: string) =>
  first(ctx.store, ctx.store.db.selectFrom('attachments').select('id').where('sha256', '=', sha256).where('removed_at', 'is', null)) !== undefined

export function removeAttachment(ctx: UserCtx, input: In<'attachments.remove'>): Out<'attachments.remove'> {
  const row = loadRow(ctx, input.id)
  mayUse(ctx, row.owner_kind, 'write')
  const now = ctx.nowIso()
  run(ctx.store, ctx.store.db.updateTable('attachments').set({ removed_by: ctx.user.id, removed_at: now, changed_at: now }).where('id', '=', row.id))
  ctx.audit({ action: 'attachment.remove', entity: row.owner_kind, entityId: row.owner_id, detail: { attachmentId: row.id, fileName: row.file_name, sizeBytes: row.size_bytes, sha256: row.sha256 } })
  ctx.events.emit({ type: 'attachments.changed', id: row.owner_id, ownerKind: row.owner_kind })
  // The file goes with its last reference. Deleted inside the transaction: should the commit
  // fail afterwards, the row stays live with its file missing, which lists as missing.
  const fileDeleted = !referenced(ctx, row.sha256)
  if (fileDeleted) deleteContent(dataDirOf(ctx), row.sha256)
  return { id: row.id, fileDeleted }
}

/** Takes every file off a document that is deleted itself (a draft claim). */
export function removeAttachmentsOf(ctx: UserCtx, kind: AttachmentOwnerKind, ownerId: number): void {
  const ids = all(ctx.store, ctx.store.db.selectFrom('attachments').select('id').where('owner_kind', '=', kind).where('owner_id', '=', ownerId).where('removed_at', 'is', null))
  for (const { id } of ids) removeAttachment(ctx, { id })
}
