import { dirname } from 'node:path'
import type { Store } from '../store/open'
import type { SecretBox } from '../secrets/secret-box'
import { secretBoxOf } from '../secrets/registry'

/**
 * What the set-up channels of an un-set-up copy need beyond its store: where to save the
 * workstation configuration, the box that seals its token, and what the shell does next. The
 * Electron shell attaches its own (safeStorage, relaunch); the plain-Node host uses the defaults
 * (the store's folder and key-file box, no relaunch: the person starts the app again).
 */
export interface TerminalSetupDeps {
  dataDir: string
  box: SecretBox
  /** Called once the configuration is saved and the answer is on its way (the shell relaunches). */
  onJoined?: () => void
  fetch?: typeof fetch
}

const attached = new WeakMap<Store, Partial<TerminalSetupDeps>>()

export function attachTerminalSetup(store: Store, deps: Partial<TerminalSetupDeps>): void {
  attached.set(store, deps)
}

export function terminalSetupOf(store: Store): TerminalSetupDeps {
  const deps = attached.get(store) ?? {}
  return {
    ...deps,
    dataDir: deps.dataDir ?? dirname(store.file),
    box: deps.box ?? secretBoxOf(store),
  }
}
