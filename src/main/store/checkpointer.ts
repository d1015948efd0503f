import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type { Store } from './open'

// WAL checkpoints off the request path. By default SQLite checkpoints inside the commit that takes
// the log past 1,000 pages: that one write copies ~4 MB into the database and waits for its
// flush, so every few dozen ROs one counter click takes ten times as long as the others. The host
// turns that off on its connection and lets a worker thread with its own connection to the same
// file run PASSIVE checkpoints (which never wait for, nor block, the writer) once a second; the
// flush of the database file happens there, off the event loop. If the worker cannot start or
// dies, the connection checkpoints by itself again, so the log never grows without bound.

/** SQLite's default: checkpoint from the committing connection when the log passes this many pages. */
const AUTO_CHECKPOINT_PAGES = 1000

export interface CheckpointResult {
  /** Pages in the log, and how many of them are now in the database file. */
  logPages: number
  checkpointedPages: number
}

export interface Checkpointer {
  /** Resolves with the next checkpoint's result (tests and shutdown use it). */
  next(): Promise<CheckpointResult>
  stop(): Promise<void>
}

// The worker is plain CommonJS evaluated from this string, so it needs no build entry of its own;
// it loads the same better-sqlite3 the host uses, from the path resolved here.
// (`load`, not the word followed by a parenthesis: electron-vite's ESM shim looks for that word
// in the bundle and would insert its own lines into the wrong place of this string.)
const WORKER_SOURCE = `
const load = require
const { parentPort, workerData } = load('node:worker_threads')
const Database = load(workerData.driver)
const db = new Database(workerData.file, { fileMustExist: true })
db.pragma('synchronous = FULL')
db.pragma('busy_timeout = 0')
const tick = () => {
  try {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)')
    parentPort.postMessage({ logPages: row.log, checkpointedPages: row.checkpointed })
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) })
  }
}
const timer = setInterval(tick, workerData.everyMs)
parentPort.on('message', (m) => {
  if (m === 'now') tick()
  if (m === 'stop') { clearInterval(timer); db.close(); parentPort.close() }
})
`

export function startCheckpointer(store: Store, options: { everyMs?: number; log?: (message: string, error?: unknown) => void } = {}): Checkpointer {
  const log = options.log ?? ((message, error) => console.warn(`[store] ${message}`, error ?? ''))
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  const waiting: { resolve: (r: CheckpointResult) => void; reject: (e: Error) => void }[] = []
  const rejectWaiting = (why: string) => {
    for (const w of waiting.splice(0)) w.reject(new Error(why))
  }
  let stopped = false
  let worker: Worker | null = null
  const fallBack = (why: string, error?: unknown) => {
    if (!stopped && store.sqlite.open) store.sqlite.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`)
    if (!stopped) log(`background checkpoints stopped (${why}); the connection checkpoints by itself again`, error)
    worker = null
    rejectWaiting(why)
  }
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file: store.file, everyMs: options.everyMs ?? 1000 } })
    store.sqlite.pragma('wal_autocheckpoint = 0')
    worker.on('message', (m: CheckpointResult | { error: string }) => {
      if ('error' in m) return log(`checkpoint failed: ${m.error}`)
      for (const w of waiting.splice(0)) w.resolve(m)
    })
    worker.on('error', (error) => fallBack('worker error', error))
    worker.on('exit', (code) => {
      if (worker) fallBack(`worker exited with ${code}`)
    })
    worker.unref()
  } catch (error) {
    fallBack('worker did not start', error)
  }
  return {
    next() {
      return new Promise((resolve, reject) => {
        if (!worker) return reject(new Error('no background checkpointer'))
        waiting.push({ resolve, reject })
        worker.postMessage('now')
      })
    },
    async stop() {
      if (stopped) return
      stopped = true
      const w = worker
      worker = null
      rejectWaiting('stopped')
      if (store.sqlite.open) store.sqlite.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`)
      if (!w) return
      const exited = new Promise<void>((resolve) => w.once('exit', () => resolve()))
      w.postMessage('stop')
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000))])
      await w.terminate()
    },
  }
}
