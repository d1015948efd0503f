import type { UserCtx } from '../api/context'
import { all } from '../store/query'
import { rolesWith } from '../../shared/domain/roles'
import type { Out } from './types'

/** The people a complaint can be given to: active users whose role works on complaints. */
export function careStaff(ctx: UserCtx): Out<'care.staff'> {
  const roles: string[] = rolesWith('care.complaints')
  return all(
    ctx.store,
    ctx.store.db.selectFrom('users').select(['id', 'display_name as name', 'role']).where('active', '=', 1).where('role', 'in', roles).orderBy('role').orderBy('display_name'),
  )
}
