import type { appContract } from '../../shared/contract/app'
import type { HandlersFor } from '../api/dispatch'
import { AppError } from '../api/app-error'
import { insertUser } from '../auth/users'
import { seedDemoDealership } from '../demo/seed'
import { discoverHosts } from '../host/discovery'
import { getSetting, setSetting } from '../settings/settings'
import type { Store } from '../store/open'

// First run: a new copy becomes a dealership's store (its first administrator), a demo
// dealership, or looks for the dealership's host on the LAN to become a terminal.

type SetupChannels = Pick<typeof appContract, Extract<keyof typeof appContract, `setup.${string}`>>

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

export const setupHandlers: HandlersFor<SetupChannels> = {
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
}
