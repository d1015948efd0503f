import type { RoType } from '../../shared/domain/ro-type'
import { discoverHosts } from '../host/discovery'
import type { appContract } from '../../shared/contract/app'
import { prepared, type HandlersFor } from '../api/dispatch'
import { AppError, notFound } from '../api/app-error'
import { getSetting, readSettings, setSetting } from '../settings/settings'
import { seedDemoDealership } from '../demo/seed'
import { hashPassword } from './password'
import { completeChangePassword, completeLogin, prepareChangePassword, prepareLogin, withPermissions } from './login'
import { currentLockouts, unlock } from './lockouts'
import { endSession, endUserSessions, hashToken } from './sessions'
import { randomBytes } from 'node:crypto'
import { getUser, insertUser, listUsers } from './users'
import type { Store } from '../store/open'
import { all, insertId, run } from '../store/query'
import type { UsersTable } from '../store/schema'
import type { Updateable } from 'kysely'


function setupStatus(store: Store) {
  const initialised = getSetting(store, 'setup.initialised')
  return {
    initialised,
    dealerName: initialised ? getSetting(store, 'dealer.name') : null,
    dealerCode: initialised ? getSetting(store, 'dealer.code') : null,
    demo: getSetting(store, 'setup.demo'),
  }
}

function refuseIfInitialised(store: Store) {
  if (getSetting(store, 'setup.initialised')) throw new AppError('ALREADY_INITIALISED')
}

export const appHandlers: HandlersFor<typeof appContract> = {
  'setup.status': (ctx) => setupStatus(ctx.store),

  // Set-up only: once this copy is a dealership's store, it has no business probing the LAN.
  'setup.discoverHosts': async (ctx) => {
    refuseIfInitialised(ctx.store)
    return discoverHosts()
  },

  'setup.initialise': (ctx, input) => {
    refuseIfInitialised(ctx.store)
    const now = ctx.nowIso()
    const adminId = insertUser(ctx.store, { ...input.admin, role: 'administrator' }, now)
    setSetting(ctx.store, 'dealer.name', input.dealerName)
    setSetting(ctx.store, 'dealer.code', input.dealerCode.toUpperCase())
    setSetting(ctx.store, 'setup.initialised', true)
    ctx.audit({ action: 'setup.initialise', entity: 'dealer', entityId: input.dealerCode, detail: { adminId } })
    return setupStatus(ctx.store)
  },

  'setup.demo': (ctx, input) => {
    refuseIfInitialised(ctx.store)
    const { usernames } = seedDemoDealership(
      { store: ctx.store, clock: ctx.clock, timeZone: ctx.timeZone },
      { password: input.password, scale: input.scale },
    )
    ctx.audit({ action: 'setup.demo', entity: 'dealer', entityId: getSetting(ctx.store, 'dealer.code'), detail: { scale: input.scale } })
    return { ...setupStatus(ctx.store), usernames }
  },

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

  'devices.list': (ctx) =>
    all(ctx.store, ctx.store.db.selectFrom('devices').select(['id', 'name', 'created_at', 'revoked_at']).orderBy('id')).map((d) => ({ id: d.id, name: d.name, createdAt: d.created_at, revokedAt: d.revoked_at })),

  'devices.pair': (ctx, input) => {
    const token = randomBytes(24).toString('base64url')
    const id = insertId(
      ctx.store,
      ctx.store.db.insertInto('devices').values({ name: input.name, token_hash: hashToken(token), created_by: ctx.user.id, created_at: ctx.nowIso() }),
    )
    ctx.audit({ action: 'device.pair', entity: 'device', entityId: id, detail: { name: input.name } })
    return { id, name: input.name, token }
  },

  'devices.revoke': (ctx, input) => {
    const changed = run(
      ctx.store,
      ctx.store.db.updateTable('devices').set({ revoked_at: ctx.nowIso() }).where('id', '=', input.id).where('revoked_at', 'is', null),
    ).changes
    if (changed === 0) throw notFound('entity.device', input.id)
    ctx.audit({ action: 'device.revoke', entity: 'device', entityId: input.id })
    return { ok: true as const }
  },

  'settings.get': (ctx) => readSettings(ctx.store),

  'settings.update': (ctx, input) => {
    const before = readSettings(ctx.store)
    if (input.dealerName !== undefined) setSetting(ctx.store, 'dealer.name', input.dealerName)
    if (input.vatRateBp !== undefined) setSetting(ctx.store, 'vat.rateBp', input.vatRateBp)
    if (input.labourRateFen !== undefined) setSetting(ctx.store, 'labour.rateFen', input.labourRateFen)
    if (input.openingHours !== undefined) setSetting(ctx.store, 'appointments.openingHours', input.openingHours)
    if (input.clockMinSegmentMinutes !== undefined) setSetting(ctx.store, 'clock.minSegmentMinutes', input.clockMinSegmentMinutes)
    for (const [type, period] of Object.entries(input.repairWarranty ?? {}) as [RoType, { days: number; km: number } | undefined][]) {
      if (!period) continue
      setSetting(ctx.store, `repairWarranty.${type}.days`, period.days)
      setSetting(ctx.store, `repairWarranty.${type}.km`, period.km)
    }
    const after = readSettings(ctx.store)
    ctx.audit({ action: 'settings.update', entity: 'settings', entityId: 'dealer', detail: { before, after } })
    return after
  },
}
