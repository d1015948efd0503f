import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BATCH_TABLES } from '../shared/export/tables/all'
import { connect } from './db'
import { applyStatements } from './load/apply-modes'
import { createSessionTablesSql, stagingOf } from './schema/ddl'
import { migrate } from './schema/migrations'
import { PG_BIN, withCluster } from './testing/pg-suite'
import type { PgCluster } from './testing/pg-cluster'

// The replace-children delete of a dealer the statistics do not know yet (its first nights after
// the last ANALYZE) is planned on the child table's parent index, not on the primary key that
// also leads with the dealer code (which read all the dealer's rows once per parent).

let cluster: PgCluster
let client: pg.Client

describe.skipIf(!PG_BIN)('the replace-children lookup', () => {
  beforeAll(async () => {
    cluster = await withCluster()
    client = await connect(cluster.url)
    await migrate(client)
    await client.query(createSessionTablesSql(BATCH_TABLES))
    // Three dealers of 20,000 settlements each (four per RO), analysed; then a fourth arrives.
    await client.query(`INSERT INTO warehouse.settlements (dealer_code, id, ro_id, kind, gross_fen, discount_fen, reason, user_id, at)
      SELECT 'D' || d, i, i / 4, 'settle', 100, 0, '', 1, '2026-11-01T10:00:00+08:00' FROM generate_series(1, 3) d, generate_series(1, 20000) i`)
    await client.query('ANALYZE warehouse.settlements')
    await client.query(`INSERT INTO warehouse.settlements (dealer_code, id, ro_id, kind, gross_fen, discount_fen, reason, user_id, at)
      SELECT 'NEW', i, i / 4, 'settle', 100, 0, '', 1, '2026-11-01T10:00:00+08:00' FROM generate_series(1, 20000) i`)
  }, 120_000)
  afterAll(async () => {
    await client?.end()
    cluster?.stop()
  })

  it('finds the children of each applied parent through the parent index, for a dealer the statistics do not know', async () => {
    const spec = BATCH_TABLES.find((t) => t.name === 'settlements')!
    const [del] = applyStatements({
      spec,
      file: {
        table: 'settlements',
        file: 'settlements.jsonl.gz',
        mode: 'replace-children',
        naturalKey: ['id'],
        updatedAt: null,
        parent: { table: 'repair_orders', column: 'ro_id' },
        rows: 0,
        bytes: 0,
        sha256: '0'.repeat(64),
      },
      staging: stagingOf(spec),
      dealer: client.escapeLiteral('NEW'),
      isParent: false,
    })
    await client.query('BEGIN')
    try {
      await client.query('INSERT INTO applied_repair_orders (id) SELECT generate_series(1, 600)')
      const plan = (await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${del!.sql}`)).rows.map((r) => r['QUERY PLAN']).join('\n')
      expect(plan).toMatch(/Index (Only )?Scan using settlements_parent_key on settlements/)
      expect(plan).not.toMatch(/settlements_pkey/)
      // The delete does what it says: the 600 parents' children, no others.
      expect((await client.query(del!.sql)).rowCount).toBe(2400)
    } finally {
      await client.query('ROLLBACK')
    }
  })
})
