import type { Store } from '../store/open'
import type { Role } from '../../shared/domain/roles'
import { fieldError } from '../api/app-error'
import { hashPassword } from './password'

export interface NewUser {
  username: string
  displayName: string
  role: Role
  password: string
}

export function insertUser(store: Store, user: NewUser, nowIso: string): number {
  const exists = store.prepare('SELECT 1 FROM users WHERE username = ?').get(user.username)
  if (exists) throw fieldError('DUPLICATE', 'username', 'error.DUPLICATE', { entity: 'entity.user', value: user.username })
  const result = store
    .prepare(
      'INSERT INTO users (username, display_name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(user.username, user.displayName, user.role, hashPassword(user.password), nowIso, nowIso)
  return Number(result.lastInsertRowid)
}

export interface UserRecord {
  id: number
  username: string
  displayName: string
  role: Role
  active: boolean
}

export function listUsers(store: Store): UserRecord[] {
  const rows = store
    .prepare('SELECT id, username, display_name, role, active FROM users ORDER BY role, display_name')
    .all() as { id: number; username: string; display_name: string; role: Role; active: number }[]
  return rows.map((r) => ({ id: r.id, username: r.username, displayName: r.display_name, role: r.role, active: r.active === 1 }))
}

export function getUser(store: Store, id: number): UserRecord | undefined {
  const r = store.prepare('SELECT id, username, display_name, role, active FROM users WHERE id = ?').get(id) as
    | { id: number; username: string; display_name: string; role: Role; active: number }
    | undefined
  return r && { id: r.id, username: r.username, displayName: r.display_name, role: r.role, active: r.active === 1 }
}
