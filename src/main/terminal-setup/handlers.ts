import type { terminalSetupContract } from '../../shared/contract/terminal-setup'
import { prepared, type HandlersFor } from '../api/dispatch'
import { AppError } from '../api/app-error'
import type { Ctx } from '../api/context'
import { hashToken } from '../auth/sessions'
import { getSetting } from '../settings/settings'
import { first } from '../store/query'
import { forgetTerminalConfig, loadTerminalConfig, saveTerminalConfig } from './config-file'
import { terminalSetupOf } from './registry'
import { verifyHost, type VerifiedHost } from './verify-host'

const LOOPBACK = /^(local|127\.\d+\.\d+\.\d+|::1)$/

/**
 * Only a copy that is not a dealership's store may become a workstation, and only from its own
 * screen: another PC on the LAN must not point this one at a host of its choosing.
 */
function refuseUnlessLocalSetUp(ctx: Ctx) {
  if (getSetting(ctx.store, 'setup.initialised')) throw new AppError('ALREADY_INITIALISED')
  if (!LOOPBACK.test(ctx.client?.address ?? 'local')) throw new AppError('FORBIDDEN', 'terminalSetup.localOnly')
}

/** After the answer is on its way: the shell relaunches in its new mode. */
const soon = (fn: (() => void) | undefined) => {
  if (fn) setTimeout(fn, 300).unref?.()
}

export const terminalSetupHandlers: HandlersFor<typeof terminalSetupContract> = {
  // The host's side: a paired, unrevoked device's code gets the names the new PC will show.
  'devices.hello': (ctx, input) => {
    if (!getSetting(ctx.store, 'setup.initialised')) throw new AppError('NOT_INITIALISED')
    const device = first(
      ctx.store,
      ctx.store.db.selectFrom('devices').select(['id', 'name']).where('token_hash', '=', hashToken(input.pairingCode)).where('revoked_at', 'is', null),
    )
    if (!device) throw new AppError('FORBIDDEN', 'terminalSetup.wrongCode')
    return { deviceId: device.id, deviceName: device.name, dealerName: getSetting(ctx.store, 'dealer.name'), dealerCode: getSetting(ctx.store, 'dealer.code') }
  },

  'setup.joinHost': prepared({
    // The network check runs before the write transaction opens.
    prepare: async (ctx, input): Promise<VerifiedHost> => {
      refuseUnlessLocalSetUp(ctx)
      const deps = terminalSetupOf(ctx.store)
      return verifyHost({ hostUrl: input.hostUrl, code: input.pairingCode, locale: ctx.locale, ...(deps.fetch ? { fetch: deps.fetch } : {}) })
    },
    run: (ctx, input, host) => {
      const deps = terminalSetupOf(ctx.store)
      saveTerminalConfig(deps.dataDir, deps.box, {
        hostUrl: host.hostUrl,
        dealerName: host.dealerName,
        dealerCode: host.dealerCode,
        deviceId: host.deviceId,
        deviceName: host.deviceName,
        deviceToken: input.pairingCode,
        savedAt: ctx.nowIso(),
      })
      ctx.audit({ action: 'terminal.join', entity: 'terminal', entityId: host.deviceId, detail: { hostUrl: host.hostUrl, dealerName: host.dealerName, deviceName: host.deviceName } })
      soon(deps.onJoined)
      return { hostUrl: host.hostUrl, dealerName: host.dealerName, deviceName: host.deviceName, relaunching: deps.onJoined !== undefined }
    },
  }),

  'setup.terminalStatus': (ctx) => {
    // A dealership's own store has no workstation configuration to show.
    if (getSetting(ctx.store, 'setup.initialised')) return { mode: 'host' as const, saved: null, problem: null }
    const deps = terminalSetupOf(ctx.store)
    const loaded = loadTerminalConfig(deps.dataDir, deps.box)
    if (loaded.status === 'ok') {
      const { hostUrl, dealerName, deviceName, savedAt } = loaded.config
      return { mode: 'host' as const, saved: { hostUrl, dealerName, deviceName, savedAt }, problem: null }
    }
    return { mode: 'host' as const, saved: null, problem: loaded.status === 'problem' ? loaded.problem : null }
  },

  'setup.forgetTerminal': (ctx) => {
    refuseUnlessLocalSetUp(ctx)
    const deps = terminalSetupOf(ctx.store)
    const removed = forgetTerminalConfig(deps.dataDir)
    ctx.audit({ action: 'terminal.forget', entity: 'terminal', entityId: 'this-pc', detail: { removed } })
    return { ok: true as const, relaunching: false }
  },
}
