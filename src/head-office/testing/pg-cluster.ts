import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// A throw-away PostgreSQL cluster for tests and the bench: initdb in a temp folder, started with
// pg_ctl on a free port and a unix socket in that folder, stopped and removed after. PostgreSQL
// refuses to run as root, so under root the folder is handed to the `postgres` (or `nobody`) user.

export interface PgCluster {
  url: string
  dir: string
  stop(): void
}

/** The folder holding initdb/pg_ctl: Debian's /usr/lib/postgresql/<n>/bin, newest first, or PATH. */
export function findPgBin(): string | null {
  const root = '/usr/lib/postgresql'
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl')))
      .sort((a, b) => Number(b) - Number(a))
    if (versions[0]) return join(root, versions[0], 'bin')
  }
  const which = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' })
  const path = which.stdout.trim()
  return which.status === 0 && path ? path.replace(/\/pg_ctl$/, '') : null
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

function runAsUser(): string | null {
  if (process.getuid?.() !== 0) return null
  const has = (user: string) => spawnSync('id', ['-u', user]).status === 0
  return has('postgres') ? 'postgres' : 'nobody'
}

/** `extra`: more server options (`-c name=value …`), e.g. the bench's pg_stat_statements. */
export async function startPgCluster(extra = ''): Promise<PgCluster> {
  const bin = findPgBin()
  if (!bin) throw new Error('no PostgreSQL server binaries (initdb, pg_ctl) found')
  const dir = mkdtempSync(join(tmpdir(), 'ho-pg-'))
  const data = join(dir, 'data')
  const user = runAsUser()
  if (user) {
    const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim())
    const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim())
    chownSync(dir, uid, gid)
    chmodSync(dir, 0o755)
  }
  const run = (cmd: string, args: string[]) => {
    const [file, argv] = user ? ['runuser', ['-u', user, '--', join(bin, cmd), ...args]] : [join(bin, cmd), args]
    execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir })
  }
  run('initdb', ['-D', data, '-U', 'ho', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync'])
  const port = await freePort()
  // Durability is the server's job in production; a throw-away test cluster trades it for speed.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off ${extra}`
  run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', options, '-w', 'start'])
  let stopped = false
  return {
    url: `postgres://ho@127.0.0.1:${port}/postgres`,
    dir,
    stop() {
      if (stopped) return
      stopped = true
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
