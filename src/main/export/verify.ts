import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { createReadStream } from 'node:fs'
import { createGunzip } from 'node:zlib'
import { digestFile } from '../files/durable-files'
import { MANIFEST, type Manifest } from './manifest'
import { readManifestStrict } from './read-manifest'
import { rowProblems } from './row-schema'
import { specAt, type ExportTableSpec } from './spec'
import { BATCH_TABLES } from './tables/all'

// Checks what head office receives: each batch against its manifest (files present, byte counts,
// SHA-256, row counts, every row against its table's schema), and a chain of batches against
// each other (same dealer, increasing sequence, each naming the one before it).

export interface BatchReport {
  dir: string
  batchId: string | null
  seq: number | null
  previousBatchId: string | null
  dealerCode: string | null
  rows: number
  errors: string[]
  warnings: string[]
}

export interface ChainReport {
  batches: BatchReport[]
  errors: string[]
  warnings: string[]
  ok: boolean
}

const MAX_ROW_ERRORS = 5

async function checkFileRows(file: string, spec: ExportTableSpec | undefined, errors: string[]): Promise<number> {
  let rows = 0
  let reported = 0
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity })
  for await (const line of lines) {
    rows++
    let problems: string[]
    try {
      const row: unknown = JSON.parse(line)
      problems = spec ? rowProblems(spec, row) : []
    } catch {
      problems = ['is not JSON']
    }
    if (problems.length > 0 && reported++ < MAX_ROW_ERRORS) errors.push(`${file}: row ${rows} ${problems.join('; ')}`)
  }
  return rows
}

export async function verifyBatch(dir: string, specs: readonly ExportTableSpec[] = BATCH_TABLES): Promise<BatchReport> {
  const report: BatchReport = { dir, batchId: null, seq: null, previousBatchId: null, dealerCode: null, rows: 0, errors: [], warnings: [] }
  let manifest: Manifest
  try {
    manifest = readManifestStrict(dir)
  } catch (error) {
    report.errors.push(`${MANIFEST}: ${(error as Error).message}`)
    return report
  }
  Object.assign(report, {
    batchId: manifest.batchId,
    seq: manifest.seq,
    previousBatchId: manifest.previousBatchId,
    dealerCode: manifest.dealerCode,
  })
  const byName = new Map(specs.map((s) => [s.name, s]))
  const listed = new Set([MANIFEST])
  for (const f of manifest.files) {
    listed.add(f.file)
    const path = join(dir, f.file)
    if (!existsSync(path)) {
      report.errors.push(`${f.file}: missing`)
      continue
    }
    const digest = await digestFile(path)
    if (digest.bytes !== f.bytes) report.errors.push(`${f.file}: ${digest.bytes} bytes, manifest says ${f.bytes}`)
    if (digest.sha256 !== f.sha256) report.errors.push(`${f.file}: SHA-256 does not match the manifest`)
    // Rows are checked as the batch's schema version declares its tables (a v1 batch lacks later columns).
    const known = byName.get(f.table)
    const spec = known && (known.since ?? 1) <= manifest.schemaVersion ? specAt(known, manifest.schemaVersion) : undefined
    if (!spec) report.warnings.push(`${f.file}: table ${f.table} is unknown to this verifier; rows not checked`)
    try {
      const rows = await checkFileRows(path, spec, report.errors)
      if (rows !== f.rows) report.errors.push(`${f.file}: ${rows} rows, manifest says ${f.rows}`)
      report.rows += rows
    } catch (error) {
      report.errors.push(`${f.file}: cannot be read (${(error as Error).message})`)
    }
  }
  for (const name of readdirSync(dir)) if (!listed.has(name)) report.warnings.push(`${name}: not in the manifest`)
  return report
}

function isBatchDir(dir: string): boolean {
  return existsSync(join(dir, MANIFEST))
}

/** A batch folder, or a folder of batch folders (a chain). Hidden folders (in transit) are skipped. */
export async function verifyPath(path: string, specs: readonly ExportTableSpec[] = BATCH_TABLES): Promise<ChainReport> {
  const dirs = isBatchDir(path)
    ? [path]
    : readdirSync(path)
        .filter((name) => !name.startsWith('.') && statSync(join(path, name)).isDirectory())
        .map((name) => join(path, name))
  const batches: BatchReport[] = []
  for (const dir of dirs) batches.push(await verifyBatch(dir, specs))
  return checkChain(batches)
}

export function checkChain(batches: BatchReport[]): ChainReport {
  const errors: string[] = []
  const warnings: string[] = []
  const good = batches.filter((b) => b.seq !== null).sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))
  if (batches.length === 0) errors.push('no batches found')
  const ids = new Set<string>()
  for (const [i, b] of good.entries()) {
    if (b.batchId && ids.has(b.batchId)) errors.push(`${b.batchId}: appears twice`)
    if (b.batchId) ids.add(b.batchId)
    if (b.batchId && !b.dir.endsWith(b.batchId)) warnings.push(`${b.dir}: folder name differs from batch id ${b.batchId}`)
    const prev = good[i - 1]
    if (!prev) {
      if (b.previousBatchId) warnings.push(`chain starts at ${b.batchId}, after ${b.previousBatchId} (not in this folder)`)
      continue
    }
    if (b.dealerCode !== prev.dealerCode) errors.push(`${b.batchId}: dealer ${b.dealerCode} differs from ${prev.dealerCode}`)
    if (b.seq === prev.seq) errors.push(`${b.batchId}: same sequence ${b.seq} as ${prev.batchId}`)
    else if (b.previousBatchId !== prev.batchId) {
      errors.push(`${b.batchId}: previous batch is ${b.previousBatchId ?? 'none'}, expected ${prev.batchId} (a batch is missing)`)
    }
  }
  const ok = errors.length === 0 && batches.every((b) => b.errors.length === 0)
  return { batches, errors, warnings, ok }
}
