import pg from 'pg'

// The head office's connection: one client per process (the loader applies one batch at a time;
// PostgreSQL does the parallel work). bigint columns come back as numbers: every value the
// warehouse holds (fen, thousandths, ids) is far inside the safe-integer range.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v))
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v))

export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: 'head-office-loader' })
  await client.connect()
  return client
}

export async function refreshFigures(client: pg.ClientBase): Promise<void> {
  await client.query('REFRESH MATERIALIZED VIEW CONCURRENTLY figures.monthly')
}
