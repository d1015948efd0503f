import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { verifyPath } from '../src/main/export/verify'
import { jsonSchemaOf } from '../src/main/export/row-schema'
import { BATCH_TABLES } from '../src/main/export/tables/all'

// `npm run export:verify <dir>`: checks one batch folder or a folder of batches (a chain):
// checksums, byte and row counts, every row against its table's schema, and the chain of
// previous batch ids. Exit code 0 when everything holds, 1 otherwise.
// `npm run export:verify -- --write-schemas [dir]` regenerates docs/export-schemas.

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'write-schemas': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
})

if (values['write-schemas']) {
  const dir = resolve(positionals[0] ?? 'docs/export-schemas')
  mkdirSync(dir, { recursive: true })
  for (const spec of BATCH_TABLES) {
    writeFileSync(join(dir, `${spec.name}.json`), JSON.stringify(jsonSchemaOf(spec), null, 2) + '\n')
  }
  console.log(`Wrote ${BATCH_TABLES.length} schemas to ${dir}`)
  process.exit(0)
}

const target = positionals[0]
if (!target) {
  console.error('Usage: npm run export:verify <batch folder | folder of batches> [--json]')
  process.exit(2)
}

const report = await verifyPath(resolve(target))
if (values.json) {
  console.log(JSON.stringify(report, null, 2))
} else {
  for (const b of report.batches) {
    const state = b.errors.length === 0 ? 'ok' : 'FAILED'
    console.log(`${state.padEnd(6)} ${b.batchId ?? b.dir}  seq ${b.seq ?? '?'}  ${b.rows} rows  previous ${b.previousBatchId ?? '-'}`)
    for (const e of b.errors) console.log(`       error: ${e}`)
    for (const w of b.warnings) console.log(`       warning: ${w}`)
  }
  for (const e of report.errors) console.log(`chain error: ${e}`)
  for (const w of report.warnings) console.log(`chain note: ${w}`)
  console.log(report.ok ? `OK: ${report.batches.length} batch(es) verified` : 'FAILED')
}
process.exit(report.ok ? 0 : 1)
