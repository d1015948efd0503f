import { createRng } from '../src/main/demo/random'
import type { BenchArea } from './lib/area'
import { openDataset } from './lib/dataset'
import { peakRssMb, type Metric } from './lib/metric'
import { formatJson, formatTable } from './lib/table'
import { receptionBench } from './reception'
import { partsBench } from './parts'
import { workshopBench } from './workshop'
import { rulesBench } from './rules'
import { exportBench } from './export'
import { authBench } from './auth'
import { headOfficeBench } from './head-office'
import { terminalsBench } from './terminals'
import { deskBench } from './desk'
import { departmentBench } from './department'
import { careBench } from './care'
import { warrantyBench } from './warranty'

// `npm run bench [-- --json] [--scale <fraction>] [--fresh] [--only <area>]`
// Builds (or reuses) a generated dealership of `scale` × 150k customers / 200k vehicles /
// 100k repair orders / 100k parts, runs every area's measurements and prints the figures.
// Areas add themselves to AREAS.

// The bench measures what production runs: no contract check of every answer (see createDispatcher).
process.env.NODE_ENV ??= 'production'

const AREAS: readonly BenchArea[] = [receptionBench, deskBench, workshopBench, partsBench, rulesBench, exportBench, authBench, terminalsBench, headOfficeBench, departmentBench, careBench, warrantyBench]

interface Options {
  json: boolean
  scale: number
  fresh: boolean
  only: string | null
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { json: false, scale: 1, fresh: false, only: null }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--json') options.json = true
    else if (arg === '--fresh') options.fresh = true
    else if (arg === '--scale') options.scale = Number(argv[++i])
    else if (arg === '--only') options.only = argv[++i] ?? null
    else throw new Error(`Unknown option ${arg}. Use --json, --scale <fraction>, --fresh, --only <area>.`)
  }
  if (!(options.scale > 0 && options.scale <= 10)) throw new Error('--scale must be a number in (0, 10]')
  return options
}

async function main() {
  const options = parseArgs(process.argv.slice(2))
  // Progress goes to stderr so `--json` leaves stdout to the one JSON object.
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`)
  const metrics: Metric[] = []
  const dataset = await openDataset(options.scale, { fresh: options.fresh, log })
  try {
    if (dataset.generatedMs !== null) {
      // Set-up cost, not a target of the issues: shown without a pass/fail mark.
      metrics.push({ name: 'dataset.generate', ms: Math.round(dataset.generatedMs) })
    }
    for (const area of AREAS) {
      if (options.only && area.name !== options.only) continue
      log(`area ${area.name}`)
      metrics.push(...(await area.run({ app: dataset.app, scale: options.scale, rng: createRng(7), log })))
    }
  } finally {
    await dataset.close()
  }
  metrics.push({ name: 'peak_rss_mb', peak_rss_mb: peakRssMb() })
  process.stdout.write(`${options.json ? formatJson(metrics) : formatTable(metrics)}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
