import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import { SCHEMA_VERSION, type Manifest } from '../shared/export/manifest'
import { BATCH_TABLES } from '../shared/export/tables/all'
import { connect, refreshFigures } from './db'
import { defaultFolders, loadInbox, type PassResult } from './load/inbox'
import { migrate } from './schema/migrations'
import { groupStatus } from './status'
import { deliver, makeDealer, night, type Dealer } from './testing/dealers'
import type { PgCluster } from './testing/pg-cluster'
import { PG_BIN, withCluster } from './testing/pg-suite'

// The loader against a real PostgreSQL: three generated dealerships × several nights, delivered
// out of order, twice, damaged, without their predecessor, of a newer schema version; a loader
// killed in the middle of a batch; a dealership catching up after a week offline.

let cluster: PgCluster
let client: pg.Client

/** Rows left in a connection's session tables (stage_*, applied_*), or null when it made none. */
async function sessionRows(db: pg.ClientBase): Promise<number | null> {
  if ((await db.query("SELECT to_regclass('pg_temp.stage_repair_orders') AS t")).rows[0].t === null) return null
  const parents = [...new Set(BATCH_TABLES.flatMap((s) => (s.tracking.kind === 'children' ? [s.tracking.parent] : [])))]
  const tables = [...BATCH_TABLES.map((s) => `stage_${s.name}`), ...parents.map((p) => `applied_${p}`)]
  const r = await db.query(`SELECT ${tables.map((t) => `(SELECT count(*) FROM pg_temp."${t}")`).join(' + ')} AS n`)
  return Number(r.rows[0].n)
}
let work: string
const dealers: Dealer[] = []
const NIGHTS = ['2026-11-27T21:30:00+08:00', '2026-11-28T21:30:00+08:00', '2026-11-29T21:30:00+08:00']

/** Content of the whole warehouse: equal digests, equal data. */
async function warehouseDigest(): Promise<string> {
  const parts: string[] = []
  for (const spec of BATCH_TABLES) {
    const r = await client.query<{ d: string | null }>(`SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS d FROM warehouse."${spec.name}" t`)
    parts.push(`${spec.name}:${r.rows[0]?.d ?? ''}`)
  }
  return parts.join(',')
}

const count = async (table: string, dealer: string) =>
  Number((await client.query(`SELECT count(*) AS n FROM warehouse."${table}" WHERE dealer_code = $1`, [dealer])).rows[0].n)

/** The tables a later schema version added (rule parameters in 2, warranty and attachments in 3 …). */
const LATER_TABLES = new Set(BATCH_TABLES.filter((t) => (t.since ?? 1) > 1).map((t) => t.name))

/** A batch as a dealership on schema version 1 sends it: segments without the confirmation, none of the later tables. */
function asVersion1(dir: string) {
  const path = join(dir, 'manifest.json')
  const m = JSON.parse(readFileSync(path, 'utf8')) as Manifest
  const files = m.files.filter((f) => !LATER_TABLES.has(f.table))
  for (const f of m.files) if (LATER_TABLES.has(f.table)) rmSync(join(dir, f.file), { force: true })
  const segments = files.find((f) => f.table === 'job_time_segments')!
  const lines = gunzipSync(readFileSync(join(dir, segments.file)))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const { short_confirmed_by: _by, short_confirmed_at: _at, ...rest } = JSON.parse(l) as Record<string, unknown>
      return JSON.stringify(rest)
    })
  const gz = gzipSync(lines.map((l) => `${l}\n`).join(''))
  writeFileSync(join(dir, segments.file), gz)
  Object.assign(segments, { bytes: gz.length, sha256: createHash('sha256').update(gz).digest('hex') })
  writeFileSync(path, JSON.stringify({ ...m, schemaVersion: 1, files }))
}

function freshInbox(name: string) {
  const inbox = join(work, name)
  return { inbox, ...defaultFolders(inbox) }
}

async function resetWarehouse() {
  await client.query('DROP SCHEMA IF EXISTS warehouse, loader, figures CASCADE; DROP TABLE IF EXISTS public.ho_migrations')
  await migrate(client)
}

async function touchCustomer(d: Dealer) {
  const c = d.t.app.store.sqlite.prepare('SELECT id, version FROM customers ORDER BY id LIMIT 1').get() as { id: number; version: number }
  await d.t.call('customers.update', { id: c.id, version: c.version, note: `changed ${d.t.now().toISOString()}` })
}

describe.skipIf(!PG_BIN)('head-office loader', () => {
  beforeAll(async () => {
    cluster = await withCluster()
    client = await connect(cluster.url)
    work = mkdtempSync(join(tmpdir(), 'ho-loader-'))
    for (const code of ['LOAD01', 'LOAD02', 'LOAD03']) dealers.push(await makeDealer(code))
    for (const at of NIGHTS) {
      for (const d of dealers) {
        await night(d, at)
        await touchCustomer(d)
      }
    }
  }, 240_000)
  afterAll(() => {
    for (const d of dealers) d.t.close()
    void client?.end()
    cluster?.stop()
    if (work) rmSync(work, { recursive: true, force: true })
  })

  let inOrder = ''
  it('applies three dealerships × three nights delivered out of order and twice, and a second pass changes nothing', async () => {
    await resetWarehouse()
    const folders = freshInbox('in-order')
    for (const d of dealers) for (const b of d.batches) deliver(b, folders.inbox)
    const first = await loadInbox(client, folders)
    expect(first.applied).toHaveLength(9)
    inOrder = await warehouseDigest()

    await resetWarehouse()
    const shuffled = freshInbox('shuffled')
    // Newest first, and the middle night twice (a re-sent batch under another folder name).
    for (const d of dealers) for (const b of [...d.batches].reverse()) deliver(b, shuffled.inbox)
    for (const d of dealers) deliver(d.batches[1]!, shuffled.inbox, `${d.batches[1]!.split('/').at(-1)}-resent`)
    // Three connections at once: dealers' chains in parallel give the same warehouse.
    const workers = [client, await connect(cluster.url), await connect(cluster.url)]
    const r = await loadInbox(client, { ...shuffled, workers })
    // Each connection's staging and applied tables were emptied by the batches it applied.
    const used = await Promise.all(workers.map(sessionRows))
    expect(used.filter((n) => n !== null).length).toBeGreaterThan(0)
    expect(used.filter((n) => n !== null && n > 0)).toEqual([])
    await Promise.all(workers.slice(1).map((w) => w.end()))
    expect(r.applied).toHaveLength(9)
    expect(r.duplicates).toHaveLength(3)
    expect(r.quarantined).toEqual([])
    expect(await warehouseDigest()).toBe(inOrder)

    for (const d of dealers) {
      for (const table of ['repair_orders', 'ro_lines', 'customers', 'stock_moves', 'ro_jobs', 'job_time_segments']) {
        const own = (d.t.app.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
        expect(await count(table, d.code), `${d.code} ${table}`).toBe(own)
      }
      const c = d.t.app.store.sqlite.prepare('SELECT id, version FROM customers ORDER BY id LIMIT 1').get() as { id: number; version: number }
      const held = await client.query('SELECT version FROM warehouse.customers WHERE dealer_code = $1 AND id = $2', [d.code, c.id])
      // The last night's change is in the last batch; the one after it waits for tomorrow's.
      expect(Number(held.rows[0].version)).toBe(c.version - 1)
    }

    for (const d of dealers) for (const b of d.batches) deliver(b, shuffled.inbox)
    const again = await loadInbox(client, shuffled)
    expect(again.applied).toEqual([])
    expect(again.duplicates).toHaveLength(9)
    expect(await warehouseDigest()).toBe(inOrder)
    expect(readdirSync(shuffled.inbox).filter((n) => !n.startsWith('.'))).toEqual([])
  })

  it('holds a batch whose predecessor has not arrived, and applies both when it comes', async () => {
    await resetWarehouse()
    const folders = freshInbox('gap')
    const [a] = dealers as [Dealer]
    deliver(a.batches[0]!, folders.inbox)
    deliver(a.batches[2]!, folders.inbox)
    const first = await loadInbox(client, folders)
    expect(first.applied).toEqual([a.batches[0]!.split('/').at(-1)])
    expect(first.held[0]?.reason).toMatch(/waiting for LOAD01-20261128-000002/)
    const status = await groupStatus(client)
    expect(status.dealers[0]).toMatchObject({ dealerCode: 'LOAD01', missingSeqs: [2], held: [{ batchId: 'LOAD01-20261129-000003' }] })
    deliver(a.batches[1]!, folders.inbox)
    const second = await loadInbox(client, folders)
    expect(second.applied).toEqual(['LOAD01-20261128-000002', 'LOAD01-20261129-000003'])
    expect((await groupStatus(client)).dealers[0]).toMatchObject({ lastBatchId: 'LOAD01-20261129-000003', missingSeqs: [], held: [] })
  })

  it('refuses truncated, altered and miscounted batches with the reason and moves them to quarantine', async () => {
    await resetWarehouse()
    const folders = freshInbox('damaged')
    const [a, b, c] = dealers as [Dealer, Dealer, Dealer]
    const truncated = deliver(a.batches[0]!, folders.inbox)
    truncateSync(join(truncated, 'repair_orders.jsonl.gz'), 100)
    const altered = deliver(b.batches[0]!, folders.inbox)
    const file = join(altered, 'customers.jsonl.gz')
    const bytes = readFileSync(file)
    bytes[bytes.length - 12] = bytes[bytes.length - 12]! ^ 0xff
    writeFileSync(file, bytes)
    // A manifest edited to match its files' checksums but not their rows: caught while loading.
    const miscounted = deliver(c.batches[0]!, folders.inbox)
    const manifest = JSON.parse(readFileSync(join(miscounted, 'manifest.json'), 'utf8')) as { files: { table: string; rows: number }[] }
    manifest.files.find((f) => f.table === 'ro_lines')!.rows += 1
    writeFileSync(join(miscounted, 'manifest.json'), JSON.stringify(manifest))
    const r: PassResult = await loadInbox(client, folders)
    expect(r.applied).toEqual([])
    const reasons = Object.fromEntries(r.quarantined.map((q) => [q.folder.slice(0, 6), q.reason]))
    expect(reasons.LOAD01).toMatch(/repair_orders.jsonl.gz: 100 bytes, the manifest says \d+ \(truncated or altered\)/)
    expect(reasons.LOAD02).toMatch(/customers.jsonl.gz: SHA-256 does not match/)
    expect(reasons.LOAD03).toMatch(/ro_lines.jsonl.gz: \d+ rows, the manifest says \d+/)
    expect(readdirSync(folders.quarantine).sort()).toEqual(dealers.map((d) => d.batches[0]!.split('/').at(-1)).sort())
    for (const d of dealers) expect(await count('repair_orders', d.code)).toBe(0)
    expect((await groupStatus(client)).dealers.map((d) => d.quarantined.length)).toEqual([1, 1, 1])
    // The good copies sent again are applied.
    for (const d of dealers) deliver(d.batches[0]!, folders.inbox)
    expect((await loadInbox(client, folders)).applied).toHaveLength(3)
  })

  it('holds a batch of a newer schema version with a message saying to upgrade the loader', async () => {
    await resetWarehouse()
    const folders = freshInbox('newer')
    const dir = deliver(dealers[0]!.batches[0]!, folders.inbox)
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { schemaVersion: number }
    manifest.schemaVersion = SCHEMA_VERSION + 1
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest))
    const r = await loadInbox(client, folders)
    const newer = new RegExp(`schema version ${SCHEMA_VERSION + 1} is newer than this loader knows \\(${SCHEMA_VERSION}\\): upgrade`)
    expect(r.held).toEqual([{ batchId: 'LOAD01-20261127-000001', reason: expect.stringMatching(newer) }])
    expect(existsSync(dir)).toBe(true)
  })

  it('applies batches of schema version 1 (segments without their confirmation: NULL) and of the current version', async () => {
    await resetWarehouse()
    const folders = freshInbox('versions')
    // LOAD01 as a dealership that has not upgraded: its batches rewritten as version 1 sends them.
    for (const b of dealers[0]!.batches) asVersion1(deliver(b, folders.inbox))
    for (const b of dealers[1]!.batches) deliver(b, folders.inbox)
    const r = await loadInbox(client, folders)
    expect(r.quarantined).toEqual([])
    expect(r.applied).toHaveLength(6)
    const segments = async (dealer: string) =>
      (
        await client.query<{ n: number; confirmed: number }>(
          'SELECT count(*)::int AS n, count(short_confirmed_at)::int AS confirmed FROM warehouse.job_time_segments WHERE dealer_code = $1',
          [dealer],
        )
      ).rows[0]!
    const v1 = await segments('LOAD01')
    expect(v1.n).toBeGreaterThan(0)
    expect(v1.confirmed).toBe(0)
    expect((await segments('LOAD02')).n).toBeGreaterThan(0)
    // Version 2 and later bring the dealership's rule parameters; version 1 none (its figures use the defaults).
    expect(await count('rule_params', 'LOAD01')).toBe(0)
    expect(await count('rule_params', 'LOAD02')).toBeGreaterThan(0)
    // A version 1 batch cannot hold a table version 2 added.
    const bad = freshInbox('versions-bad')
    const dir = deliver(dealers[2]!.batches[0]!, bad.inbox)
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { schemaVersion: number }
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, schemaVersion: 1 }))
    const refused = (await loadInbox(client, bad)).quarantined
    expect(refused).toEqual([{ folder: expect.any(String), reason: expect.stringMatching(/^\w+\.jsonl\.gz: table \w+ is unknown at schema version 1$/) }])
    // The table named is one a later version added.
    expect(LATER_TABLES.has(/table (\w+) is unknown/.exec(refused[0]!.reason)![1]!)).toBe(true)
  })

  it('keeps personal data as pseudonymised as the dealership sent it', async () => {
    const folders = freshInbox('pii')
    await resetWarehouse()
    deliver(dealers[0]!.batches[0]!, folders.inbox)
    await loadInbox(client, folders)
    const sent = gunzipSync(readFileSync(join(dealers[0]!.batches[0]!, 'customers.jsonl.gz')))
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { id: number; name: string; mobile: string | null; address: string | null })
    const held = (await client.query('SELECT id, name, mobile, address FROM warehouse.customers WHERE dealer_code = $1 ORDER BY id', ['LOAD01'])).rows
    expect(held.map((r) => ({ ...r, id: Number(r.id) }))).toEqual(sent.map(({ id, name, mobile, address }) => ({ id, name, mobile, address })).sort((x, y) => x.id - y.id))
    expect(held.some((r) => /^p_[0-9a-f]{24}$/.test(String(r.mobile)))).toBe(true)
    expect(held.every((r) => r.address === null)).toBe(true)
  })

  it('holds one warehouse table per declared table, with its columns, keyed by dealer and natural key', async () => {
    await resetWarehouse()
    const columns = await client.query<{ table_name: string; cols: string[] }>(
      `SELECT table_name, array_agg(column_name::text ORDER BY ordinal_position) AS cols FROM information_schema.columns
        WHERE table_schema = 'warehouse' GROUP BY table_name`,
    )
    const held = Object.fromEntries(columns.rows.map((r) => [r.table_name, r.cols]))
    expect(held).toEqual(Object.fromEntries(BATCH_TABLES.map((t) => [t.name, ['dealer_code', ...t.columns.map((c) => c.name)]])))
    const keys = await client.query<{ table_name: string; cols: string[] }>(
      `SELECT tc.table_name, array_agg(k.column_name::text ORDER BY k.ordinal_position) AS cols
         FROM information_schema.table_constraints tc JOIN information_schema.key_column_usage k USING (constraint_schema, constraint_name)
        WHERE tc.table_schema = 'warehouse' AND tc.constraint_type = 'PRIMARY KEY' GROUP BY tc.table_name`,
    )
    expect(Object.fromEntries(keys.rows.map((r) => [r.table_name, r.cols]))).toEqual(
      Object.fromEntries(BATCH_TABLES.map((t) => [t.name, ['dealer_code', ...t.naturalKey]])),
    )
  })

  it('brings a warehouse released before the clock minimum to the declared tables and the same figures as a new one', async () => {
    const load = async (name: string) => {
      const folders = freshInbox(name)
      for (const d of dealers) for (const b of d.batches) deliver(b, folders.inbox)
      expect((await loadInbox(client, folders)).applied).toHaveLength(9)
      await refreshFigures(client)
      const figures = await client.query<{ d: string }>(`SELECT md5(string_agg(m::text, '|' ORDER BY m::text)) AS d FROM figures.monthly m`)
      return { warehouse: await warehouseDigest(), figures: figures.rows[0]!.d }
    }
    await resetWarehouse()
    const fresh = await load('upgrade-fresh')

    await client.query('DROP SCHEMA IF EXISTS warehouse, loader, figures CASCADE; DROP TABLE IF EXISTS public.ho_migrations')
    expect(await migrate(client, 4)).toEqual([1, 2, 3, 4])
    // As first released: segments without their confirmation, slow-moving kept per batch.
    await client.query('ALTER TABLE warehouse.job_time_segments DROP COLUMN short_confirmed_by, DROP COLUMN short_confirmed_at')
    // … and the child tables indexed dealer first.
    await client.query('DROP INDEX warehouse.ro_lines_parent_key; CREATE INDEX ro_lines_parent ON warehouse.ro_lines (dealer_code, ro_id)')
    expect((await client.query(`SELECT to_regclass('figures.slow_moving_by_month') AS t`)).rows[0].t).not.toBeNull()
    expect(await migrate(client)).toEqual([5, 6, 7, 8, 9, 10, 11])
    const indexes = await client.query<{ i: string }>(`SELECT indexname AS i FROM pg_indexes WHERE schemaname = 'warehouse' AND tablename = 'ro_lines' ORDER BY 1`)
    expect(indexes.rows.map((r) => r.i)).toEqual(['ro_lines_parent_key', 'ro_lines_pkey'])
    expect((await client.query(`SELECT to_regclass('figures.slow_moving_by_month') AS t`)).rows[0].t).toBeNull()
    const upgraded = await load('upgrade-old')
    expect(upgraded).toEqual(fresh)
    expect(fresh.figures).not.toBeNull()
  }, 120_000)
})
