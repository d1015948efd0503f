import { ROLES } from '../../domain/roles'
import { col, type ExportTableSpec } from '../spec'

// The foundation's tables (migration 0001) that head office needs: who did what.

/** Staff, never their password hashes. */
export const users: ExportTableSpec = {
  name: 'users',
  description: 'Staff accounts and roles (no credentials).',
  naturalKey: ['id'],
  updatedAt: 'updated_at',
  tracking: { kind: 'updated', column: 'updated_at' },
  columns: [
    col.id(),
    col.text('username'),
    col.text('display_name'),
    col.oneOf('role', ROLES),
    col.bool('active'),
    col.at('created_at'),
    col.at('updated_at'),
  ],
}

/** The audit trail; its detail can quote what people typed, so it is a note. */
export const auditLog: ExportTableSpec = {
  name: 'audit_log',
  description: 'Audit trail of every write (who, when, which channel, which record).',
  naturalKey: ['id'],
  updatedAt: null,
  tracking: { kind: 'append' },
  columns: [
    col.id(),
    col.at('at'),
    col.int('user_id', true),
    col.text('channel'),
    col.text('action'),
    col.text('entity', true),
    col.text('entity_id', true),
    col.pii('detail', 'note'),
  ],
}
