import { createReadStream } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { createGunzip } from 'node:zlib'
import { digestFile } from '../files/durable-files'
import type { ManifestFile } from './manifest'
import { readManifestStrict } from './read-manifest'

// Head office's side of the contract, as small as it can be: how a warehouse applies batches so
// that applying one twice, or an older one after a newer one, does no harm. Tests use it; the
// rules are the ones docs/export-format.md states.

type Row = Record<string, unknown>

async function readRows(file: string): Promise<Row[]> {
  const rows: Row[] = []
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity })
  for await (const line of lines) rows.push(JSON.parse(line) as Row)
  return rows
}

const keyOf = (row: Row, key: readonly string[]) => JSON.stringify(key.map((k) => row[k]))
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

export class ReferenceWarehouse {
  /** table → natural key → row, for one dealer. */
  readonly tables = new Map<string, Map<string, Row>>()
  /** Rows inserted, replaced or deleted by the last `apply`. */
  changes = 0

  table(name: string): Map<string, Row> {
    let t = this.tables.get(name)
    if (!t) this.tables.set(name, (t = new Map()))
    return t
  }

  async apply(dir: string): Promise<number> {
    const manifest = readManifestStrict(dir)
    for (const f of manifest.files) {
      if ((await digestFile(join(dir, f.file))).sha256 !== f.sha256) throw new Error(`${f.file}: checksum mismatch`)
    }
    this.changes = 0
    /** Parent ids whose row from this batch was applied (not older than what we hold). */
    const appliedParents = new Map<string, Set<unknown>>()
    for (const f of manifest.files) {
      const rows = await readRows(join(dir, f.file))
      switch (f.mode) {
        case 'upsert':
          appliedParents.set(f.table, this.upsert(f, rows))
          break
        case 'append':
          for (const row of rows) {
            const t = this.table(f.table)
            const k = keyOf(row, f.naturalKey)
            if (!t.has(k)) {
              t.set(k, row)
              this.changes++
            }
          }
          break
        case 'replace-children':
          this.replaceChildren(f, rows, appliedParents.get(f.parent?.table ?? '') ?? new Set())
          break
        case 'snapshot': {
          const next = new Map(rows.map((r) => [keyOf(r, f.naturalKey), r]))
          if (!same([...this.table(f.table)], [...next])) this.changes += next.size
          this.tables.set(f.table, next)
        }
      }
    }
    return this.changes
  }

  private upsert(f: ManifestFile, rows: Row[]): Set<unknown> {
    const t = this.table(f.table)
    const applied = new Set<unknown>()
    for (const row of rows) {
      const k = keyOf(row, f.naturalKey)
      const held = t.get(k)
      const at = f.updatedAt
      // Not older: equal stamps are the same version again (a re-sent batch).
      if (held && at && String(row[at]) < String(held[at])) continue
      applied.add(row.id)
      if (held && same(held, row)) continue
      t.set(k, row)
      this.changes++
    }
    return applied
  }

  private replaceChildren(f: ManifestFile, rows: Row[], parents: Set<unknown>) {
    if (!f.parent) throw new Error(`${f.table}: replace-children without a parent`)
    const column = f.parent.column
    const t = this.table(f.table)
    const incoming = rows.filter((r) => parents.has(r[column]))
    const before = [...t.values()].filter((r) => parents.has(r[column]))
    const sorted = (list: Row[]) => list.map((r) => keyOf(r, f.naturalKey) + JSON.stringify(r)).sort()
    if (same(sorted(before), sorted(incoming))) return
    for (const r of before) t.delete(keyOf(r, f.naturalKey))
    for (const r of incoming) t.set(keyOf(r, f.naturalKey), r)
    this.changes += before.length + incoming.length
  }
}
