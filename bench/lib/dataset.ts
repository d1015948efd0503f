import { createHash } from 'node:crypto'
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startCheckpointer } from '../../src/main/store/checkpointer'
import { createApp, DB_FILE, type App } from '../../src/main/app'
import { seedDemoDealership, type DemoSize } from '../../src/main/demo/seed'
import { getSetting } from '../../src/main/settings/settings'

// Generated dealerships are expensive at full size, so each scale is built once into
// .bench-data/scale-<f>/pristine and every run works on a fresh copy of it: measurements that
// write (check-ins) then never accumulate from one run to the next.

export const FULL_SIZE = { customers: 150_000, vehicles: 200_000, repairOrders: 100_000, parts: 100_000 } as const
export const BENCH_PASSWORD = 'bench-pass-1'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const DATA_ROOT = join(ROOT, '.bench-data')

export function sizeFor(scale: number): DemoSize {
  const n = (full: number) => Math.max(1, Math.round(full * scale))
  return {
    customers: n(FULL_SIZE.customers),
    vehicles: n(FULL_SIZE.vehicles),
    repairOrders: n(FULL_SIZE.repairOrders),
    parts: n(FULL_SIZE.parts),
    users: { advisors: 8, technicians: 12 },
  }
}

/** Changes to the generator or the schema make a cached data set stale. */
function generatorFingerprint(): string {
  const hash = createHash('sha256')
  for (const dir of ['src/main/demo', 'src/main/store/migrations']) {
    for (const file of readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort()) {
      hash.update(file).update(readFileSync(join(ROOT, dir, file)))
    }
  }
  return hash.digest('hex').slice(0, 16)
}

interface Meta {
  size: DemoSize
  fingerprint: string
  generatedMs: number
  generatedAt: string
}

export interface Dataset {
  app: App
  size: DemoSize
  /** Set when this run generated the data set (not reused from the cache). */
  generatedMs: number | null
  timeZone: string
  close(): Promise<void>
}

export async function openDataset(scale: number, options: { fresh?: boolean; log: (line: string) => void }): Promise<Dataset> {
  const size = sizeFor(scale)
  const dir = join(DATA_ROOT, `scale-${scale}`)
  const pristine = join(dir, 'pristine')
  const metaFile = join(dir, 'meta.json')
  const fingerprint = generatorFingerprint()
  const meta = existsSync(metaFile) ? (JSON.parse(readFileSync(metaFile, 'utf8')) as Meta) : null
  const reusable =
    !options.fresh && meta?.fingerprint === fingerprint && JSON.stringify(meta.size) === JSON.stringify(size) && existsSync(join(pristine, DB_FILE))

  let generatedMs: number | null = null
  if (!reusable) {
    rmSync(dir, { recursive: true, force: true })
    options.log(`generating ${size.customers} customers / ${size.vehicles} vehicles / ${size.repairOrders} ROs / ${size.parts} parts …`)
    const app = await createApp({ dataDir: pristine })
    try {
      const timeZone = getSetting(app.store, 'time.zone')
      const start = performance.now()
      seedDemoDealership({ store: app.store, clock: app.clock, timeZone }, { password: BENCH_PASSWORD, scale: size })
      generatedMs = performance.now() - start
      // A self-contained file to copy: everything moved out of the WAL.
      app.store.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    } finally {
      app.close()
    }
    const written: Meta = { size, fingerprint, generatedMs, generatedAt: new Date().toISOString() }
    writeFileSync(metaFile, JSON.stringify(written, null, 2))
    options.log(`generated in ${(generatedMs / 1000).toFixed(1)} s`)
  } else {
    options.log(`reusing the data set generated at ${meta?.generatedAt}`)
  }

  const work = join(dir, 'run')
  rmSync(work, { recursive: true, force: true })
  mkdirSync(work, { recursive: true })
  copyFileSync(join(pristine, DB_FILE), join(work, DB_FILE))
  // Flush the copy now: otherwise the kernel writes its hundreds of megabytes back during the
  // measurements and every commit's fsync waits behind it.
  const fd = openSync(join(work, DB_FILE), 'r+')
  fsyncSync(fd)
  closeSync(fd)
  const app = await createApp({ dataDir: work })
  // As the host runs it (jobs/runner.ts): checkpoints in a worker thread, not inside commits.
  const checkpointer = startCheckpointer(app.store)
  return {
    app,
    size,
    generatedMs,
    timeZone: getSetting(app.store, 'time.zone'),
    async close() {
      await checkpointer.stop()
      app.close()
    },
  }
}

/** Logs in through the dispatcher, as a desk PC would. */
export async function login(app: App, username: string): Promise<string> {
  const envelope = await app.dispatch('auth.login', { username, password: BENCH_PASSWORD })
  if (!envelope.ok) throw new Error(`login ${username} failed: ${envelope.message}`)
  return (envelope.data as { token: string }).token
}
