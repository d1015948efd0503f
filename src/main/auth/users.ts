import type { Store } from '../store/open'
import { all, first, insertId } from '../store/query'
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
  const exists = first(store, store.db.selectFrom('users').select('id').where('username', '=', user.username))
  if (exists) throw fieldError('DUPLICATE', 'username', 'error.DUPLICATE', { entity: 'entity.user', value: user.username })
  return insertId(
    store,
    store.db.insertInto('users').values({
      username: user.username,
      display_name: user.displayName,
      role: user.role,
      password_hash: hashPassword(user.password),
      created_at: nowIso,
      updated_at: nowIso,
    }),
  )
}

export interface UserRecord {
  id: number
  username: string
  displayName: string
  role: Role
  active: boolean
}

const selectUsers = (store: Store) =>
  store.db.selectFrom('users').select(['id', 'username', 'display_name', 'role', 'active']).$narrowType<{ role: Role }>()

export function listUsers(store: Store): UserRecord[] {
  const rows = all(store, selectUsers(store).orderBy('role').orderBy('display_name'))
  return rows.map((r) => ({ id: r.id, username: r.username, displayName: r.display_name, role: r.role, active: r.active === 1 }))
}

export function getUser(store: Store, id: number): UserRecord | undefined {
  const r = first(store, selectUsers(store).where('id', '=', id))
  return r && { id: r.id, username: r.username, displayName: r.display_name, role: r.role, active: r.active === 1 }
}
