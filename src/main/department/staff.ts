import type { Ctx } from '../api/context'
import { departmentOf } from '../../shared/domain/department'
import { ROLES, type Role } from '../../shared/domain/roles'
import { all } from '../store/query'
import type { Out } from './types'

// The staff list the department works with: active users in a role, ordered by department and name.

type Member = Out<'department.staff'>[number]

const isRole = (role: string): role is Role => (ROLES as readonly string[]).includes(role)

/** Roles whose people own ROs, so a business-volume or production target can be split to them. */
export const RO_OWNER_ROLES: readonly Role[] = ['service_advisor', 'front_desk_supervisor']
export const TECHNICIAN_ROLES: readonly Role[] = ['technician']
/** The parts counter's people: each has a card of the requests they handled, their counts and sales. */
export const PARTS_ROLES: readonly Role[] = ['parts_supervisor', 'parts_clerk']

export function staffList(ctx: Pick<Ctx, 'store'>, roles?: readonly Role[]): Member[] {
  const rows = all(
    ctx.store,
    ctx.store.db
      .selectFrom('users')
      .select(['id', 'display_name', 'role'])
      .where('active', '=', 1)
      .where('role', '<>', 'administrator')
      .$if(roles !== undefined, (q) => q.where('role', 'in', roles!))
      .orderBy('display_name')
      .orderBy('id'),
  )
  return rows.flatMap((r) => (isRole(r.role) ? [{ userId: r.id, name: r.display_name, role: r.role, department: departmentOf(r.role) }] : []))
}

export function staffMember(ctx: Pick<Ctx, 'store'>, userId: number): Member | undefined {
  const r = ctx.store.db.selectFrom('users').select(['id', 'display_name', 'role']).where('id', '=', userId)
  const row = all(ctx.store, r)[0]
  return row && isRole(row.role) ? { userId: row.id, name: row.display_name, role: row.role, department: departmentOf(row.role) } : undefined
}
