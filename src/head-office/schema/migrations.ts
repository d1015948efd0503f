import type pg from 'pg'
import { BATCH_TABLES } from '../../shared/export/tables/all'
import { createTableSql, parentIndexSql, pgType, q, tableOf, WAREHOUSE } from './ddl'
import { FIGURES_SQL_V1 } from '../figures/views-v1'
import { DEALER_RULES_SQL, FIGURES_11, monthlySql } from '../figures/views'

// The head-office database's own migrations, applied in order, each in its own transaction and
// recorded in loader.migrations. Migration 2 creates the warehouse tables from the export's
// declarations of schema version 1; a later schema version adds a migration of its own (never
// edits this one), and the drift test checks the tables still match the declarations.
// Migration 2 reads today's declarations, so a column added to them later is created by it on a
// new database and by its own migration (ADD COLUMN IF NOT EXISTS) on an existing one: both end
// with the same tables. Migration 3's figures are frozen in views-v1.ts; later rules replace
// figures.monthly in a migration of their own. A table declared later (`since`) is made by the
// migration of its schema version only.

const tablesSince = (version: number) => BATCH_TABLES.filter((s) => (s.since ?? 1) === version)

/** Columns declared after the warehouse's first release, per table: added by migration 5. */
const ADDED_IN_5: Record<string, readonly string[]> = { job_time_segments: ['short_confirmed_by', 'short_confirmed_at'] }

function addColumnsSql(added: Record<string, readonly string[]>): string {
  return Object.entries(added)
    .map(([table, names]) => {
      const spec = BATCH_TABLES.find((s) => s.name === table)!
      const columns = names.map((n) => spec.columns.find((c) => c.name === n)!)
      return `ALTER TABLE ${tableOf(spec)} ${columns.map((c) => `ADD COLUMN IF NOT EXISTS ${q(c.name)} ${pgType(c.type)}`).join(', ')}`
    })
    .join(';\n')
}

interface Migration {
  id: number
  name: string
  sql: () => string
}

const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'loader bookkeeping',
    sql: () => `
      CREATE SCHEMA loader;
      CREATE TABLE loader.dealers (
        dealer_code text PRIMARY KEY,
        last_batch_id text NOT NULL,
        last_seq integer NOT NULL,
        last_business_date date NOT NULL,
        last_cutoff text NOT NULL,
        time_zone text NOT NULL,
        personal_data text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE loader.batches (
        batch_id text PRIMARY KEY,
        dealer_code text NOT NULL,
        seq integer NOT NULL,
        previous_batch_id text,
        first_business_date date NOT NULL,
        business_date date NOT NULL,
        cutoff text NOT NULL,
        status text NOT NULL CHECK (status IN ('applied', 'held', 'quarantined')),
        reason text,
        rows bigint NOT NULL DEFAULT 0,
        manifest_sha256 text NOT NULL,
        first_seen_at timestamptz NOT NULL DEFAULT now(),
        applied_at timestamptz,
        load_ms integer
      );
      CREATE INDEX batches_dealer ON loader.batches (dealer_code, seq);
      -- Batches whose manifest could not even be read have no dealer: known by folder name.
      CREATE TABLE loader.refused_folders (
        folder text NOT NULL,
        reason text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );`,
  },
  {
    id: 2,
    name: 'warehouse tables (export schema version 1)',
    sql: () => [`CREATE SCHEMA ${WAREHOUSE}`, ...tablesSince(1).map(createTableSql)].join(';\n'),
  },
  { id: 3, name: 'group figures', sql: () => FIGURES_SQL_V1 },
  {
    id: 4,
    name: 'when the figures were refreshed',
    sql: () => `CREATE TABLE loader.figures_state (id integer PRIMARY KEY CHECK (id = 1), refreshed_at timestamptz NOT NULL);
      INSERT INTO loader.figures_state VALUES (1, now())`,
  },
  {
    // The dashboard's slow-moving share is now rebuilt as of each month's end from the ledger
    // (no more per-batch snapshot), and jobs with an unconfirmed short clock segment are held
    // out of hours sold and efficiency: both need the exported segment confirmation.
    id: 5,
    name: 'figures as of month end; short clock segments held',
    sql: () =>
      [addColumnsSql(ADDED_IN_5), 'DROP MATERIALIZED VIEW figures.monthly', 'DROP TABLE IF EXISTS figures.slow_moving_by_month', monthlySql(false)].join(';\n'),
  },
  {
    // Export schema version 2: each dealership's rule parameters (rule_params), and the figures
    // computed with them instead of the manual's defaults for everyone.
    id: 6,
    name: 'export schema version 2: rule parameters per dealership',
    sql: () => [...tablesSince(2).map(createTableSql), DEALER_RULES_SQL, 'DROP MATERIALIZED VIEW figures.monthly', monthlySql(true)].join(';\n'),
  },
  {
    // The insurance collection figure sums each invoice's payments: without an index on the
    // invoice that read all the dealer's payments once per invoice (a third of a refresh).
    id: 7,
    name: 'payments by invoice',
    sql: () => 'CREATE INDEX payments_invoice ON warehouse.payments (dealer_code, invoice_id)',
  },
  {
    // Export schema version 3: the attachment list (the files stay with the dealership) and the
    // warranty desk's claims, lines, status log, payments, write-offs, shipments and old parts.
    id: 8,
    name: 'export schema version 3: attachments and warranty',
    sql: () => tablesSince(3).map(createTableSql).join(';\n'),
  },
  {
    // Export schema version 4: the care desk's follow-ups (the follow-up rate within 3 days).
    id: 9,
    name: 'export schema version 4: care follow-ups',
    sql: () => tablesSince(4).map(createTableSql).join(';\n'),
  },
  {
    // The replace-children lookups planned on the primary key for a dealer the statistics did not
    // know (ddl.ts, parentIndexSql): each child table's parent index made parent first, in a form
    // the primary key cannot stand in for. A database made after this has them from its own
    // migrations (IF NOT EXISTS), where the old (dealer, parent) index was never made.
    id: 10,
    name: 'child tables indexed by parent, then dealer',
    sql: () =>
      BATCH_TABLES.filter((s) => s.tracking.kind === 'children')
        .flatMap((s) => [`DROP INDEX IF EXISTS ${WAREHOUSE}.${q(`${s.name}_parent`)}`, parentIndexSql(s, true)])
        .join(';\n'),
  },
  {
    // The warranty desk's first-submission pass rate and the care desk's follow-ups done in time
    // (export schema versions 3 and 4); the slow-moving share computed from each part's months
    // with moves (the grid's joins were planned on the dealer alone: most of a refresh's time).
    id: 11,
    name: 'warranty and care figures; slow-moving share without the grid joins',
    sql: () =>
      [
        `INSERT INTO figures.targets VALUES ${FIGURES_11.map((f) => `('${f.key}', '${f.unit}', ${f.min ?? 'NULL'}, ${f.max ?? 'NULL'})`).join(', ')}`,
        'DROP MATERIALIZED VIEW figures.monthly',
        monthlySql(true, true),
      ].join(';\n'),
  },
]

/** Applies the migrations not yet applied, up to `upTo` (default: all); returns the ids applied. */
export async function migrate(client: pg.ClientBase, upTo = Number.POSITIVE_INFINITY): Promise<number[]> {
  await client.query('CREATE TABLE IF NOT EXISTS public.ho_migrations (id integer PRIMARY KEY, name text NOT NULL, at timestamptz NOT NULL DEFAULT now())')
  // One migrator at a time (a watcher and a one-off run started together).
  await client.query('SELECT pg_advisory_lock(7415001)')
  try {
    const done = new Set((await client.query<{ id: number }>('SELECT id FROM public.ho_migrations')).rows.map((r) => r.id))
    const applied: number[] = []
    for (const m of MIGRATIONS) {
      if (m.id > upTo) break
      if (done.has(m.id)) continue
      await client.query('BEGIN')
      try {
        await client.query(m.sql())
        await client.query('INSERT INTO public.ho_migrations (id, name) VALUES ($1, $2)', [m.id, m.name])
        await client.query('COMMIT')
      } catch (error) {
        await client.query('ROLLBACK')
        throw error
      }
      applied.push(m.id)
    }
    return applied
  } finally {
    await client.query('SELECT pg_advisory_unlock(7415001)')
  }
}
