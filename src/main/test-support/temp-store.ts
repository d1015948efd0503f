import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStore, type Store } from '../store/open'
import { migrate } from '../store/migrate'

/** A migrated store in a throw-away folder, for tests of one module below the API. */
export interface TempStore {
  readonly dir: string
  readonly store: Store
  /** Closes the store and removes its folder. */
  close(): void
}

export async function migratedTempStore(name: string): Promise<TempStore> {
  const dir = mkdtempSync(join(tmpdir(), `${name}-`))
  const store = openStore(join(dir, `${name}.sqlite`))
  await migrate(store)
  return {
    dir,
    store,
    close() {
      store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
