import { randomBytes, createHash } from 'node:crypto'
import { createWriteStream, mkdirSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import Database from 'better-sqlite3'
import type { PersonalDataMode } from '../../shared/contract/data'
import { toLocalIso, type Clock } from '../../shared/domain/time'
import type { Store } from '../store/open'
import { digestFile, digestStream, fsyncDir, writeFileDurable, type Digest } from '../files/durable-files'
import { addDays, datesBetween } from './calendar'
import { queryChanges } from './changes'
import { computeKpis, kpiDaily, KPI_METRICS, type KpiMetric } from './kpi'
import { batchIdOf, FORMAT, MANIFEST, SCHEMA_VERSION, type Manifest, type ManifestFile, type Watermarks } from './manifest'
import { ensureOutbox, lastBatch, reconcileOutbox, recordBatch, type Outbox } from './outbox'
import { ruleParamRows } from './rule-params'
import { rowEncoder, type Row } from './rows'
import { applyModeOf, type ExportTableSpec } from './spec'
import { EXPORT_TABLES } from './tables'
import { ruleParams } from '../../shared/export/tables/rule-params'

export interface BuildOptions {
  store: Store
  outbox: Outbox
  clock: Clock
  timeZone: string
  dealerCode: string
  /** The last business day the batch covers (the scheduled day; a catch-up covers the missed ones too). */
  businessDate: string
  personalData: PersonalDataMode
  pseudonymKey: string
  /** Delivery targets the new batch is queued for. */
  targetIds: readonly string[]
  tables?: readonly ExportTableSpec[]
  kpis?: readonly KpiMetric[]
  /** Called after each file is on disk (tests use it to stop the process mid-batch). */
  afterFile?: (file: string) => void | Promise<void>
  /** Called once the batch is in the outbox but not yet recorded (tests stop the process there). */
  beforeRecord?: (dir: string) => void | Promise<void>
}

export interface BuiltBatch {
  manifest: Manifest
  dir: string
  manifestSha256: string
}

const CHUNK = 64 * 1024

/** Lines joined into ~64 KiB strings: fewer, larger writes into gzip. */
function* chunksOf(rows: Iterable<Row>, encode: (row: Row) => string, count: { rows: number }): Generator<string> {
  let parts: string[] = []
  let size = 0
  for (const row of rows) {
    const line = encode(row)
    parts.push(line)
    size += line.length + 1
    count.rows++
    if (size >= CHUNK) {
      yield parts.join('\n') + '\n'
      parts = []
      size = 0
    }
  }
  if (parts.length > 0) yield parts.join('\n') + '\n'
}

async function writeGzipLines(file: string, chunks: Iterable<string>): Promise<Digest> {
  const digest = digestStream()
  // flush: the file is fsynced before it is closed, so the rename that publishes it is safe.
  await pipeline(Readable.from(chunks), createGzip({ level: 6 }), digest.stream, createWriteStream(file, { flush: true }))
  return digest.result()
}

function snapshotHash(rows: Iterable<Row>, encode: (row: Row) => string): string {
  const hash = createHash('sha256')
  for (const row of rows) hash.update(encode(row)).update('\n')
  return hash.digest('hex')
}

/**
 * Builds the next batch: everything changed since the last one, read in one snapshot on a
 * separate read-only connection (the writer carries on meanwhile), streamed through gzip into a
 * hidden folder, manifest last, then renamed into the outbox and recorded with its watermarks
 * and delivery queue entries in one transaction.
 */
export async function buildBatch(o: BuildOptions): Promise<BuiltBatch> {
  const tables = o.tables ?? EXPORT_TABLES
  const byName = new Map(tables.map((t) => [t.name, t]))
  const now = o.clock.now()
  const nowIso = toLocalIso(now, o.timeZone)
  ensureOutbox(o.outbox)
  const { maxSeqOnDisk } = await reconcileOutbox(o.store, o.outbox, o.targetIds, nowIso, async (f) => (await digestFile(f)).sha256)

  const last = lastBatch(o.store)
  const previous: Watermarks = last ? (JSON.parse(last.watermarks) as Watermarks) : {}
  const seq = Math.max(last?.seq ?? 0, maxSeqOnDisk) + 1
  const batchId = batchIdOf(o.dealerCode, o.businessDate, seq)
  const afterLast = last ? addDays(last.business_date, 1) : o.businessDate
  const firstBusinessDate = afterLast <= o.businessDate ? afterLast : o.businessDate
  // Whole seconds: every row stamped before the cut-off second was committed before we look.
  const cutoff = toLocalIso(new Date(Math.floor(now.getTime() / 1000) * 1000), o.timeZone)

  const building = join(o.outbox.root, `.building-${batchId}-${randomBytes(4).toString('hex')}`)
  mkdirSync(building)
  const files: ManifestFile[] = []
  const watermarks: Watermarks = { ...previous }

  const reader = new Database(o.store.file, { readonly: true, fileMustExist: true })
  try {
    reader.pragma('busy_timeout = 5000')
    reader.exec('BEGIN')
    for (const spec of tables) {
      const encode = rowEncoder(spec, o.personalData, o.pseudonymKey)
      let query = queryChanges(reader, spec, byName, previous, cutoff)
      if (spec.tracking.kind === 'snapshot') {
        const hash = snapshotHash(query.rows, encode)
        const before = previous[spec.name]
        if (before && 'hash' in before && before.hash === hash) continue
        watermarks[spec.name] = { hash }
        query = queryChanges(reader, spec, byName, previous, cutoff)
      }
      const file = `${spec.name}.jsonl.gz`
      const count = { rows: 0 }
      const digest = await writeGzipLines(join(building, file), chunksOf(query.rows, encode, count))
      const mark = query.watermark()
      if (mark) watermarks[spec.name] = mark
      files.push(fileEntry(spec, file, count.rows, digest))
      await o.afterFile?.(file)
    }
    const kpiRows = computeKpis(reader, datesBetween(firstBusinessDate, o.businessDate), o.timeZone, cutoff, o.kpis ?? KPI_METRICS)
    const kpiFile = `${kpiDaily.name}.jsonl.gz`
    const encodeKpi = rowEncoder(kpiDaily, o.personalData, o.pseudonymKey)
    const count = { rows: 0 }
    const digest = await writeGzipLines(join(building, kpiFile), chunksOf(kpiRows as unknown as Row[], encodeKpi, count))
    files.push(fileEntry(kpiDaily, kpiFile, count.rows, digest))
    // The rule parameters the figures use: a snapshot, sent when it differs from the last batch's.
    const encodeRules = rowEncoder(ruleParams, o.personalData, o.pseudonymKey)
    const rules = ruleParamRows(reader) as unknown as Row[]
    const rulesHash = snapshotHash(rules, encodeRules)
    const sent = previous[ruleParams.name]
    if (!(sent && 'hash' in sent && sent.hash === rulesHash)) {
      const rulesFile = `${ruleParams.name}.jsonl.gz`
      const n = { rows: 0 }
      const d = await writeGzipLines(join(building, rulesFile), chunksOf(rules, encodeRules, n))
      files.push(fileEntry(ruleParams, rulesFile, n.rows, d))
      watermarks[ruleParams.name] = { hash: rulesHash }
    }
    reader.exec('COMMIT')
  } finally {
    reader.close()
  }

  const manifest: Manifest = {
    format: FORMAT,
    schemaVersion: SCHEMA_VERSION,
    batchId,
    seq,
    dealerCode: o.dealerCode,
    firstBusinessDate,
    businessDate: o.businessDate,
    previousBatchId: last?.id ?? null,
    createdAt: nowIso,
    cutoff,
    timeZone: o.timeZone,
    personalData: o.personalData,
    files,
    watermarks,
  }
  const text = JSON.stringify(manifest, null, 2) + '\n'
  writeFileDurable(join(building, MANIFEST), text)
  fsyncDir(building)
  const dir = join(o.outbox.batches, batchId)
  renameSync(building, dir)
  fsyncDir(o.outbox.batches)
  const manifestSha256 = createHash('sha256').update(text).digest('hex')
  await o.beforeRecord?.(dir)
  o.store.tx(() => recordBatch(o.store, manifest, manifestSha256, o.targetIds, nowIso, false))
  return { manifest, dir, manifestSha256 }
}

function fileEntry(spec: ExportTableSpec, file: string, rows: number, digest: Digest): ManifestFile {
  const t = spec.tracking
  return {
    table: spec.name,
    file,
    mode: applyModeOf(spec),
    naturalKey: [...spec.naturalKey],
    updatedAt: spec.updatedAt,
    parent: t.kind === 'children' ? { table: t.parent, column: t.parentColumn } : null,
    rows,
    bytes: digest.bytes,
    sha256: digest.sha256,
  }
}
