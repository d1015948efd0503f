import { ATTACHMENT_OWNER_KINDS, ATTACHMENT_TYPES } from '../../domain/attachments'
import { col, type ExportTableSpec } from '../spec'

// The attachment store (migration 0021, schema version 3): which files are on which document.
// Only the list travels; the files' content stays with the dealership (and its backups).

export const attachments: ExportTableSpec = {
  name: 'attachments',
  description: 'Files (photos, scans) on documents: owner kind and id, name, type, size and SHA-256; the content itself is not exported. A removed file keeps its row with `removed_at`.',
  naturalKey: ['id'],
  updatedAt: 'changed_at',
  tracking: { kind: 'updated', column: 'changed_at' },
  since: 3,
  columns: [
    col.id(),
    col.oneOf('owner_kind', ATTACHMENT_OWNER_KINDS),
    col.int('owner_id'),
    col.text('file_name'),
    col.oneOf('mime_type', ATTACHMENT_TYPES),
    col.int('size_bytes'),
    col.text('sha256'),
    col.int('created_by'),
    col.at('created_at'),
    col.int('removed_by', true),
    col.at('removed_at', true),
    col.at('changed_at'),
  ],
}
