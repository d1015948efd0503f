import type { appContract } from '../../shared/contract/app'
import { prepared, type HandlersFor } from '../api/dispatch'
import { run } from '../store/query'
import { completeChangePassword, completeLogin, prepareChangePassword, prepareLogin, withPermissions } from './login'
import { currentLockouts, unlock } from './lockouts'
import { endSession } from '../api/sessions'

// Signing in and out, the signed-in user's own account, and lifting lockouts.

type AuthChannels = Pick<typeof appContract, Extract<keyof typeof appContract, `auth.${string}`>>

export const authHandlers: HandlersFor<AuthChannels> = {
  'auth.login': prepared({ prepare: prepareLogin, run: (ctx, _input, row) => completeLogin(ctx, row) }),

  'auth.logout': (ctx) => {
    if (ctx.token) endSession(ctx.store, ctx.token)
    ctx.audit({ action: 'auth.logout', entity: 'user', entityId: ctx.user.id })
    return { ok: true as const }
  },

  'auth.me': (ctx) => withPermissions(ctx.user),

  'auth.setLocale': (ctx, input) => {
    run(ctx.store, ctx.store.db.updateTable('users').set({ locale: input.locale, updated_at: ctx.nowIso() }).where('id', '=', ctx.user.id))
    ctx.audit({ action: 'user.locale', entity: 'user', entityId: ctx.user.id, detail: { locale: input.locale } })
    return withPermissions({ ...ctx.user, locale: input.locale })
  },

  'auth.changePassword': prepared({
    prepare: prepareChangePassword,
    run: (ctx, _input, hash) => completeChangePassword(ctx, hash),
  }),

  'auth.lockouts': (ctx) => currentLockouts(ctx),

  'auth.unlock': (ctx, input) => unlock(ctx, input),
}
