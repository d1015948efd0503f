import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore, type Store } from './open'
import { startCheckpointer } from './checkpointer'

// A real store file and a real worker thread: the log is checkpointed by the worker while the
// connection keeps writing, every row survives, and a failed worker gives checkpoints back to
// the connection.

let dir: string
let store: Store

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'checkpointer-'))
  store = openStore(join(dir, 'store.sqlite'))
  store.sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB NOT NULL)')
})
afterEach(() => {
  store.close()
  rmSync(dir, { recursive: true, force: true })
})

const autoPages = () => Number(store.sqlite.pragma('wal_autocheckpoint', { simple: true }))
const walBytes = () => statSync(`${store.file}-wal`).size
/** `n` transactions of one 4 KiB row each: well past the 1,000 pages of SQLite's own checkpoint. */
function write(n: number) {
  const insert = store.sqlite.prepare('INSERT INTO t (body) VALUES (randomblob(4096))')
  for (let i = 0; i < n; i++) store.tx(() => insert.run())
}

describe('background checkpoints', () => {
  it('take checkpoints off the connection: the log waits for the worker, which copies all of it', async () => {
    // A long interval: only `next()` asks the worker for a checkpoint here.
    const cp = startCheckpointer(store, { everyMs: 60_000, log: () => {} })
    try {
      expect(autoPages()).toBe(0)
      write(1500)
      // Nobody checkpointed during the writes: the log holds all of them.
      expect(walBytes()).toBeGreaterThan(1500 * 4096)
      const result = await cp.next()
      expect(result.logPages).toBeGreaterThan(1500)
      expect(result.checkpointedPages).toBe(result.logPages)
      // The next write starts the log again from its beginning instead of growing it.
      const before = walBytes()
      write(10)
      expect(walBytes()).toBe(before)
      expect((await cp.next()).checkpointedPages).toBeLessThan(100)
    } finally {
      await cp.stop()
    }
    expect(autoPages()).toBe(1000)
    expect((store.sqlite.prepare('SELECT COUNT(*) AS n FROM t').get() as { n: number }).n).toBe(1510)
  })

  it('checkpoint while the connection writes, and every row is there after reopening', async () => {
    const cp = startCheckpointer(store, { everyMs: 5, log: () => {} })
    const results: number[] = []
    try {
      for (let round = 0; round < 20; round++) {
        write(100)
        results.push((await cp.next()).checkpointedPages)
      }
    } finally {
      await cp.stop()
    }
    expect(results.every((pages) => pages > 0)).toBe(true)
    store.close()
    store = openStore(join(dir, 'store.sqlite'))
    expect((store.sqlite.prepare('SELECT COUNT(*) AS n FROM t').get() as { n: number }).n).toBe(2000)
    expect(store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('gives checkpoints back to the connection when the worker cannot open the store', async () => {
    const logged: string[] = []
    const broken = { ...store, file: join(dir, 'missing.sqlite') } as Store
    const cp = startCheckpointer(broken, { everyMs: 50, log: (m) => logged.push(m) })
    try {
      await expect(cp.next()).rejects.toThrow()
      expect(autoPages()).toBe(1000)
      expect(logged.join('\n')).toMatch(/background checkpoints stopped/)
    } finally {
      await cp.stop()
    }
  })
})
