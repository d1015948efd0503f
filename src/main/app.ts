import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { contract } from '../shared/contract'
import { systemClock, type Clock } from '../shared/domain/time'
import { createDispatcher, type Dispatch } from './api/dispatch'
import { EventHub } from './api/events'
import { handlers } from './api/handlers'
import type { Store } from './store/open'
import type { Endpoint } from './api/context'
import { hostAddresses } from './host/lan-addresses'
import { openCheckedStore } from './backup/integrity'
import { backupBeforeMigration } from './backup/startup'
import { migrate } from './store/migrate'
import { getSetting } from './settings/settings'
import { evaluateForEvents } from './rules/engine'
import type { SecretBox } from './secrets/secret-box'
import { keyFileBox } from './secrets/key-file-box'
import { attachSecretBox } from './secrets/registry'
import { sealPlainSecrets } from './export/settings'

export interface AppOptions {
  dataDir: string
  /** Seals secrets at rest; the Electron shell passes safeStorage, else a key file in dataDir. */
  secrets?: SecretBox
  clock?: Clock
  log?: (message: string, error?: unknown) => void
  /** Check every answer against its contract (see `createDispatcher`); default: unless NODE_ENV=production. */
  checkOutputs?: boolean
}

/** The host's core: the store, the one dispatcher and the event hub. Transports wrap this. */
export interface App {
  dataDir: string
  store: Store
  hub: EventHub
  clock: Clock
  dispatch: Dispatch
  /** Set by the HTTP host while it listens (`startHttpHost`); null otherwise. */
  listening: Endpoint | null
  close(): void
}

export const DB_FILE = 'dealer.sqlite'

export async function createApp(options: AppOptions): Promise<App> {
  mkdirSync(options.dataDir, { recursive: true })
  const clock = options.clock ?? systemClock
  // Throws StoreDamagedError (with the backups to offer) instead of opening a damaged store.
  const store = openCheckedStore(join(options.dataDir, DB_FILE), options.dataDir)
  try {
    await migrate(store, { beforeFirst: () => backupBeforeMigration(store, options.dataDir, clock) })
  } catch (error) {
    store.close()
    throw error
  }
  attachSecretBox(store, options.secrets ?? keyFileBox(options.dataDir))
  sealPlainSecrets(store)
  const hub = new EventHub()
  // Filled in by the HTTP host once it listens; the dispatcher reads it at each call.
  const listening: { current: Endpoint | null } = { current: null }
  const dispatch = createDispatcher({
    contract,
    handlers,
    store,
    clock,
    hub,
    timeZone: () => getSetting(store, 'time.zone'),
    afterWrite: (ctx) => void evaluateForEvents(ctx, ctx.events.pending),
    hostAddresses: () => hostAddresses(listening.current),
    ...(options.log ? { log: options.log } : {}),
    checkOutputs: options.checkOutputs ?? process.env.NODE_ENV !== 'production',
  })
  return {
    dataDir: options.dataDir,
    store,
    hub,
    clock,
    dispatch,
    get listening() {
      return listening.current
    },
    set listening(value) {
      listening.current = value
    },
    close: () => store.close(),
  }
}
