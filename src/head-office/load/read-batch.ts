import { createHash } from 'node:crypto'
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { FORMAT, Manifest, MANIFEST, SCHEMA_VERSION } from '../../shared/export/manifest'
import { applyModeOf, type ExportTableSpec } from '../../shared/export/spec'
import { BATCH_TABLES } from '../../shared/export/tables/all'
import { IN_MEMORY_BYTES } from './copy-rows'

// What the loader decides about a batch folder before touching the database: readable and
// whole (every file present with the manifest's size and SHA-256, declared as this loader knows
// the table), of a schema version it knows, or not. Row counts are checked while loading.

export type BatchCheck =
  | { kind: 'ok'; manifest: Manifest; manifestSha256: string; specs: ExportTableSpec[] }
  | { kind: 'newer'; reason: string; manifest: Partial<Manifest> }
  | { kind: 'refused'; reason: string; manifest: Partial<Manifest> | null }

const SPECS = new Map(BATCH_TABLES.map((s) => [s.name, s]))

/** A file of up to IN_MEMORY_BYTES is hashed from one read (a night's ~40 small files cost a stream each before). */
async function sha256Of(path: string, bytes: number): Promise<string> {
  const hash = createHash('sha256')
  if (bytes <= IN_MEMORY_BYTES) return hash.update(readFileSync(path)).digest('hex')
  await pipeline(createReadStream(path), hash)
  return hash.digest('hex')
}

function declaredAsKnown(spec: ExportTableSpec, f: Manifest['files'][number]): string | null {
  const parent = spec.tracking.kind === 'children' ? { table: spec.tracking.parent, column: spec.tracking.parentColumn } : null
  if (f.mode !== applyModeOf(spec)) return `${f.file}: mode ${f.mode}, the table is ${applyModeOf(spec)}`
  if (JSON.stringify(f.naturalKey) !== JSON.stringify(spec.naturalKey)) return `${f.file}: natural key ${f.naturalKey.join(',')} is not the table's`
  if (f.updatedAt !== spec.updatedAt) return `${f.file}: updatedAt ${f.updatedAt} is not the table's`
  if (JSON.stringify(f.parent) !== JSON.stringify(parent)) return `${f.file}: parent differs from the table's`
  if (f.file !== `${spec.name}.jsonl.gz`) return `${f.file}: not the file name of table ${spec.name}`
  return null
}

export async function checkBatch(dir: string): Promise<BatchCheck> {
  let raw: unknown
  let text: string
  try {
    text = readFileSync(join(dir, MANIFEST), 'utf8')
    raw = JSON.parse(text)
  } catch (error) {
    return { kind: 'refused', reason: `${MANIFEST} cannot be read: ${(error as Error).message}`, manifest: null }
  }
  const loose = (raw && typeof raw === 'object' ? raw : {}) as Partial<Manifest> & { schemaVersion?: unknown; format?: unknown }
  if (loose.format !== FORMAT) return { kind: 'refused', reason: `${MANIFEST}: format is not ${FORMAT}`, manifest: null }
  if (typeof loose.schemaVersion === 'number' && loose.schemaVersion > SCHEMA_VERSION) {
    const reason = `schema version ${loose.schemaVersion} is newer than this loader knows (${SCHEMA_VERSION}): upgrade the head-office loader, then it is applied`
    return { kind: 'newer', reason, manifest: loose }
  }
  const parsed = Manifest.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { kind: 'refused', reason: `${MANIFEST} invalid: ${issue ? `${issue.path.join('.')} ${issue.message}` : '?'}`, manifest: loose }
  }
  const manifest = parsed.data
  const specs: ExportTableSpec[] = []
  const seen = new Set<string>()
  for (const f of manifest.files) {
    const spec = SPECS.get(f.table)
    if (!spec || (spec.since ?? 1) > manifest.schemaVersion) {
      return { kind: 'refused', reason: `${f.file}: table ${f.table} is unknown at schema version ${manifest.schemaVersion}`, manifest }
    }
    if (seen.has(f.table)) return { kind: 'refused', reason: `${f.file}: listed twice`, manifest }
    const wrong = declaredAsKnown(spec, f)
    if (wrong) return { kind: 'refused', reason: wrong, manifest }
    if (spec.tracking.kind === 'children' && !seen.has(spec.tracking.parent) && manifest.files.some((g) => g.table === (spec.tracking as { parent: string }).parent)) {
      return { kind: 'refused', reason: `${f.file}: listed before its parent`, manifest }
    }
    seen.add(f.table)
    const path = join(dir, f.file)
    if (!existsSync(path)) return { kind: 'refused', reason: `${f.file}: missing`, manifest }
    const bytes = statSync(path).size
    if (bytes !== f.bytes) return { kind: 'refused', reason: `${f.file}: ${bytes} bytes, the manifest says ${f.bytes} (truncated or altered)`, manifest }
    if ((await sha256Of(path, bytes)) !== f.sha256) return { kind: 'refused', reason: `${f.file}: SHA-256 does not match the manifest (damaged or altered)`, manifest }
    specs.push(spec)
  }
  return { kind: 'ok', manifest, manifestSha256: createHash('sha256').update(text).digest('hex'), specs }
}
