// The declaration of one exported table. An area that adds tables to the head-office export adds
// one `ExportTableSpec` to `tables/index.ts`; the batch builder, the verifier, the JSON Schemas in
// docs/export-schemas and the reference loader in the tests all work from these declarations.

export type ColumnType = 'integer' | 'text' | 'datetime' | 'date' | 'boolean'

/**
 * Personal data in a column, and so how the `export.personalData` setting treats it:
 * - name: masked to its first character (`张**`) when pseudonymised;
 * - phone, plate: replaced by a keyed token (`p_…`, same value → same token, not reversible
 *   without the dealer's key) when pseudonymised;
 * - address, note: dropped (null) when pseudonymised.
 * With `none` every personal column is null; with `full` they go as stored.
 */
export type PiiKind = 'name' | 'phone' | 'plate' | 'address' | 'note'

export interface ExportColumn {
  name: string
  type: ColumnType
  nullable?: boolean
  pii?: PiiKind
  enum?: readonly string[]
  /** SQL expression over the table alias `t`; default `t.<name>`. */
  sql?: string
  description?: string
  /** The schema version that added the column (default 1); a batch of an older version lacks it. */
  since?: number
}

/**
 * How the builder finds what changed since the last batch, and so how head office applies it:
 * - updated: rows with (updated column, id) after the watermark; upsert by natural key when
 *   the incoming `updatedAt` is not older than what head office holds. The column is an exported
 *   column (its `sql` is used, so a table without `updated_at` can name the latest of its own
 *   life-cycle times); `tieBreak` orders rows stamped in the same second where the table has no
 *   rowid (WITHOUT ROWID tables), default `t.rowid`;
 * - append: rows with id after the watermark (the table is never updated); insert if absent.
 *   `column` replaces the rowid for WITHOUT ROWID tables whose rows are all written with the
 *   row they hang off (e.g. inspection items with their inspection), so an increasing parent id
 *   is as good a watermark;
 * - children: every row of the parents that are in this batch, as a complete set: head office
 *   replaces the parent's children when it applies the parent row;
 * - snapshot: the whole table whenever its content changed (small tables without timestamps);
 *   head office replaces all its rows of that table for the dealer.
 */
export type Tracking =
  | { kind: 'updated'; column: string; tieBreak?: string }
  | { kind: 'append'; column?: string }
  | { kind: 'children'; parent: string; parentColumn: string }
  | { kind: 'snapshot' }

export interface ExportTableSpec {
  /** Name in the batch (`<name>.jsonl.gz`) and in head office's warehouse. */
  name: string
  /** Store table read; default `name`. */
  from?: string
  description: string
  /** Identifies a row within one dealer (head office prefixes the dealer code). */
  naturalKey: readonly string[]
  /** The exported column that orders versions of a row (null: rows never change). */
  updatedAt: string | null
  tracking: Tracking
  columns: readonly ExportColumn[]
  /** The schema version that added the table (default 1). */
  since?: number
}

const atVersion = new Map<number, WeakMap<ExportTableSpec, ExportTableSpec>>()

/**
 * The table as a batch of schema version `version` holds it: without the columns added later
 * (always nullable ones; head office stores them as NULL). The same object for the same version.
 */
export function specAt(spec: ExportTableSpec, version: number): ExportTableSpec {
  if (spec.columns.every((c) => (c.since ?? 1) <= version)) return spec
  let cache = atVersion.get(version)
  if (!cache) atVersion.set(version, (cache = new WeakMap()))
  let older = cache.get(spec)
  if (!older) cache.set(spec, (older = { ...spec, columns: spec.columns.filter((c) => (c.since ?? 1) <= version) }))
  return older
}

export type ApplyMode = 'upsert' | 'append' | 'replace-children' | 'snapshot'

export function applyModeOf(spec: ExportTableSpec): ApplyMode {
  switch (spec.tracking.kind) {
    case 'updated':
      return 'upsert'
    case 'append':
      return 'append'
    case 'children':
      return 'replace-children'
    case 'snapshot':
      return 'snapshot'
  }
}

/** Column helpers keep the declarations short. */
export const col = {
  id: (name = 'id', description?: string): ExportColumn => ({ name, type: 'integer', ...(description ? { description } : {}) }),
  int: (name: string, nullable = false): ExportColumn => ({ name, type: 'integer', nullable }),
  text: (name: string, nullable = false): ExportColumn => ({ name, type: 'text', nullable }),
  at: (name: string, nullable = false): ExportColumn => ({ name, type: 'datetime', nullable }),
  date: (name: string, nullable = false): ExportColumn => ({ name, type: 'date', nullable }),
  bool: (name: string): ExportColumn => ({ name, type: 'boolean' }),
  oneOf: (name: string, values: readonly string[], nullable = false): ExportColumn => ({
    name,
    type: 'text',
    enum: values,
    nullable,
  }),
  pii: (name: string, pii: PiiKind): ExportColumn => ({ name, type: 'text', nullable: true, pii }),
}
