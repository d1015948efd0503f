import type { Updateable } from 'kysely'
import type { appContract } from '../../shared/contract/app'
import type { HandlersFor } from '../api/dispatch'
import { notFound } from '../api/app-error'
import { run } from '../store/query'
import type { UsersTable } from '../store/schema'
import { hashPassword } from './password'
import { endUserSessions } from '../api/sessions'
import { getUser, insertUser, listUsers } from './users'

// Staff accounts: those who manage staff see and change them; the front desk sees only the
// names of the service advisors it can book an appointment with.

type UserChannels = Pick<typeof appContract, Extract<keyof typeof appContract, `users.${string}`> | 'appointments.advisors'>

export const userHandlers: HandlersFor<UserChannels> = {
  'appointments.advisors': (ctx) =>
    listUsers(ctx.store)
      .filter((u) => u.active && u.role === 'service_advisor')
      .map((u) => ({ id: u.id, displayName: u.displayName })),

  'users.list': (ctx) => listUsers(ctx.store),

  'users.create': (ctx, input) => {
    const id = insertUser(ctx.store, input, ctx.nowIso())
    ctx.audit({ action: 'user.create', entity: 'user', entityId: id, detail: { username: input.username, role: input.role } })
    return getUser(ctx.store, id)!
  },

  'users.update': (ctx, input) => {
    const before = getUser(ctx.store, input.id)
    if (!before) throw notFound('entity.user', input.id)
    const now = ctx.nowIso()
    const s = ctx.store
    const update = (set: Updateable<UsersTable>) => run(s, s.db.updateTable('users').set({ ...set, updated_at: now }).where('id', '=', input.id))
    if (input.displayName !== undefined) update({ display_name: input.displayName })
    if (input.role !== undefined) update({ role: input.role })
    if (input.active !== undefined) update({ active: input.active ? 1 : 0 })
    if (input.password !== undefined) update({ password_hash: hashPassword(input.password) })
    // A changed role, a deactivation or a reset password ends that user's sessions.
    if (input.role !== undefined || input.active === false || input.password !== undefined) endUserSessions(s, input.id)
    const after = getUser(s, input.id)!
    ctx.audit({ action: 'user.update', entity: 'user', entityId: input.id, detail: { before, after, passwordReset: input.password !== undefined } })
    return after
  },
}
