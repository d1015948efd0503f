import { findPgBin, startPgCluster, type PgCluster } from './pg-cluster'

// Head-office tests need a real PostgreSQL server. Without server binaries they are skipped with
// a message saying so (CI installs Debian's postgresql, so there they always run).

export const PG_BIN = findPgBin()
if (!PG_BIN) console.warn('head-office tests skipped: no PostgreSQL server binaries (initdb, pg_ctl) found; install postgresql')

export async function withCluster(): Promise<PgCluster> {
  return startPgCluster()
}
