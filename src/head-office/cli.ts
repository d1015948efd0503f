import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { connect, figuresStale, refreshFigures } from './db'
import { defaultFolders, loadInbox } from './load/inbox'
import { migrate } from './schema/migrations'
import { formatStatus, groupStatus } from './status'

// npm run head-office -- --database-url postgres://… --inbox <folder> [--watch] [--interval 30]
// npm run head-office -- report --month 2026-11 [--out report.xlsx] --database-url …
// npm run head-office -- status --database-url …

const USAGE = `usage:
  head-office --database-url <url> --inbox <folder> [--watch] [--interval <s>] [--jobs <n>] [--quarantine <folder>] [--archive <folder>]
  head-office report --month YYYY-MM [--out <file.xlsx>] --database-url <url>
  head-office status --database-url <url>`

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'database-url': { type: 'string', default: process.env.DATABASE_URL },
      inbox: { type: 'string' },
      quarantine: { type: 'string' },
      archive: { type: 'string' },
      watch: { type: 'boolean', default: false },
      interval: { type: 'string', default: '30' },
      jobs: { type: 'string', default: '1' },
      month: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  })
  const url = values['database-url']
  const command = positionals[0] ?? 'load'
  if (values.help || !url || !['load', 'report', 'status'].includes(command)) {
    console.error(USAGE)
    return values.help ? 0 : 2
  }
  let client = await connect(url)
  try {
    await migrate(client)
    if (command === 'status') {
      console.log(formatStatus(await groupStatus(client)))
      return 0
    }
    if (command === 'report') {
      if (!values.month || !/^\d{4}-\d\d$/.test(values.month)) {
        console.error('report needs --month YYYY-MM')
        return 2
      }
      // Loaded only for the report: the loader's memory stays its own.
      const { formatReport, monthFigures, writeReport } = await import('./report')
      const started = performance.now()
      const figures = await monthFigures(client, values.month)
      const out = resolve(values.out ?? `group-figures-${values.month}.xlsx`)
      await writeReport(figures, values.month, out)
      console.log(formatReport(figures, values.month))
      console.log(`\nwritten ${out} in ${Math.round(performance.now() - started)} ms`)
      return 0
    }
    if (!values.inbox) {
      console.error(USAGE)
      return 2
    }
    const inbox = resolve(values.inbox)
    const folders = defaultFolders(inbox)
    // --jobs: dealers applied at once, one connection each (PostgreSQL does the parallel work).
    const jobs = Math.max(1, Math.min(32, Number(values.jobs) || 1))
    const options = {
      inbox,
      quarantine: values.quarantine ? resolve(values.quarantine) : folders.quarantine,
      archive: values.archive ? resolve(values.archive) : folders.archive,
      log: (line: string) => console.log(line),
    }
    const pass = async () => {
      const workers = [client]
      for (let i = 1; i < jobs; i++) workers.push(await connect(url))
      try {
        const r = await loadInbox(client, { ...options, workers })
        if (r.applied.length > 0 || (await figuresStale(client))) {
          const started = performance.now()
          await refreshFigures(client)
          console.log(`figures refreshed in ${Math.round(performance.now() - started)} ms`)
        }
        console.log(`pass: ${r.applied.length} applied (${r.rows} rows in ${Math.round(r.ms)} ms), ${r.held.length} held, ${r.quarantined.length} refused, ${r.duplicates.length} duplicates`)
        return r
      } finally {
        await Promise.all(workers.slice(1).map((w) => w.end().catch(() => undefined)))
      }
    }
    const first = await pass()
    const cpu = process.cpuUsage()
    console.log(`loader cpu: ${Math.round(cpu.user / 1000)} ms user, ${Math.round(cpu.system / 1000)} ms system`)
    if (!values.watch) return first.quarantined.length > 0 ? 1 : 0
    await client.end()
    const seconds = Math.max(1, Number(values.interval) || 30)
    console.log(`watching ${inbox} every ${seconds} s`)
    // Each pass on fresh connections: a server restart or a dropped network costs one pass, not the watcher.
    for (;;) {
      await new Promise((r) => setTimeout(r, seconds * 1000))
      try {
        client = await connect(url)
        await pass()
      } catch (error) {
        console.error(`pass failed (${(error as Error).message}); next try in ${seconds} s`)
      } finally {
        await client.end().catch(() => undefined)
      }
    }
  } finally {
    await client.end().catch(() => undefined)
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`head-office: ${(error as Error).message}`)
    process.exit(1)
  },
)
