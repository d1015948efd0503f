import type { Envelope } from '../../shared/contract/errors'
import type { LiveEvent } from '../../shared/contract/types'
import { asLocale, translate } from '../../shared/i18n'
import type { CallMeta } from '../api/dispatch'
import type { TerminalBackend } from '../host/terminal'
import type { SecretBox } from '../secrets/secret-box'
import { forgetTerminalConfig, loadTerminalConfig, terminalConfigPath, type LoadedTerminalConfig, type TerminalConfig } from './config-file'
import { existsSync } from 'node:fs'

/** What the command line or environment asked for (`--host-url` + token), if anything. */
export type FlagChoice = { mode: 'terminal'; hostUrl: string; deviceToken: string } | { mode: 'host' }

export type Startup =
  | { mode: 'terminal'; hostUrl: string; deviceToken: string; source: 'flags' }
  | { mode: 'terminal'; hostUrl: string; deviceToken: string; source: 'saved'; config: TerminalConfig }
  /** `problem`: a saved configuration that could not be used; the set-up screen explains it. */
  | { mode: 'host'; problem: Extract<LoadedTerminalConfig, { status: 'problem' }> | null }

/**
 * Flags and environment override the saved configuration; a saved one makes this PC a terminal;
 * a damaged one leaves it on the set-up screen (host mode, local store not set up) with the reason.
 * The box is asked for only when there is a file to open (a key file is not made for nothing).
 */
export function chooseStartup(flags: FlagChoice, dataDir: string, box: () => SecretBox): Startup {
  if (flags.mode === 'terminal') return { ...flags, source: 'flags' }
  if (!existsSync(terminalConfigPath(dataDir))) return { mode: 'host', problem: null }
  const loaded = loadTerminalConfig(dataDir, box)
  if (loaded.status === 'ok') return { mode: 'terminal', hostUrl: loaded.config.hostUrl, deviceToken: loaded.config.deviceToken, source: 'saved', config: loaded.config }
  return { mode: 'host', problem: loaded.status === 'problem' ? loaded : null }
}

export interface LocalChannelOptions {
  dataDir: string
  /** The saved configuration in use, or null when flags chose the host. */
  saved: TerminalConfig | null
  /** After the saved configuration is deleted: the shell relaunches into set-up. */
  onForgotten?: () => void
}

type Dispatch = (channel: string, input: unknown, meta?: CallMeta) => Promise<Envelope<unknown>>

/**
 * A terminal forwards every call to the host except the two about this PC's own configuration.
 * Forgetting it needs someone who manages the host's workstations, unless the host cannot vouch
 * any more (unreachable, or this PC revoked) — then whoever is at the PC may start over.
 */
export function withLocalChannels(backend: TerminalBackend, options: LocalChannelOptions): TerminalBackend {
  const dispatch: Dispatch = async (channel, input, meta = {}) => {
    const locale = asLocale(meta.locale)
    if (channel === 'setup.terminalStatus') {
      const saved = options.saved
      return {
        ok: true,
        data: {
          mode: 'terminal',
          saved: saved ? { hostUrl: saved.hostUrl, dealerName: saved.dealerName, deviceName: saved.deviceName, savedAt: saved.savedAt } : null,
          problem: null,
        },
      }
    }
    if (channel === 'setup.forgetTerminal') {
      if (!options.saved) return { ok: false, code: 'INVALID_STATE', message: translate(locale, 'terminalSetup.startedByFlags') }
      const me = await backend.dispatch('auth.me', {}, meta)
      const hostVouches = me.ok || (me.code !== 'OFFLINE' && me.code !== 'FORBIDDEN')
      const mayManage = me.ok && Array.isArray((me.data as { permissions?: unknown }).permissions) && (me.data as { permissions: string[] }).permissions.includes('users.manage')
      if (hostVouches && !mayManage) return { ok: false, code: 'FORBIDDEN', message: translate(locale, 'terminalSetup.forgetNeedsAdmin') }
      forgetTerminalConfig(options.dataDir)
      if (options.onForgotten) setTimeout(options.onForgotten, 300).unref?.()
      return { ok: true, data: { ok: true, relaunching: options.onForgotten !== undefined } }
    }
    return backend.dispatch(channel, input, meta)
  }
  return {
    dispatch,
    subscribe: (listener: (event: LiveEvent) => void) => backend.subscribe(listener),
    onStatus: (listener: (connected: boolean) => void) => backend.onStatus(listener),
    get streaming() {
      return backend.streaming
    },
    close: () => backend.close(),
  }
}
