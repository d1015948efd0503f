import pg from 'pg'

// The head office's connection: one client per process (the loader applies one batch at a time;
// PostgreSQL does the parallel work). bigint columns come back as numbers: every value the
// warehouse holds (fen, thousandths, ids) is far inside the safe-integer range.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v))
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v))

export async function connect(url: string): Promise<pg.Client> {
  // JIT off: the figures' one big query is estimated far above the JIT thresholds and compiling
  // it cost 20 s for a refresh that runs in under one; COPY and set-based applies gain nothing.
  const client = new pg.Client({ connectionString: url, application_name: 'head-office-loader', options: '-c jit=off' })
  await client.connect()
  return client
}

export async function refreshFigures(client: pg.ClientBase): Promise<void> {
  await client.query('REFRESH MATERIALIZED VIEW CONCURRENTLY figures.monthly')
  await client.query('UPDATE loader.figures_state SET refreshed_at = now()')
}

/** A batch applied after the last refresh (say the loader was killed between the two). */
export async function figuresStale(client: pg.ClientBase): Promise<boolean> {
  const r = await client.query<{ stale: boolean }>(
    `SELECT coalesce((SELECT max(applied_at) FROM loader.batches WHERE status = 'applied') > (SELECT refreshed_at FROM loader.figures_state), false) AS stale`,
  )
  return r.rows[0]?.stale ?? false
}
