import { execFile } from 'node:child_process'
import { appendFileSync, readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { outboxOf } from '../src/main/export/outbox'
import { jsonSchemaOf } from '../src/main/export/row-schema'
import { runExport } from '../src/main/export/service'
import { BATCH_TABLES } from '../src/main/export/tables/all'
import { demoApp, type DemoTestApp as TestApp } from '../src/main/test-support/test-app'

const run = promisify(execFile)
const verify = (dir: string) =>
  run(resolve('node_modules/.bin/tsx'), ['scripts/export-verify.ts', dir]).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
  )

let t: TestApp
let batches: string
const ids: string[] = []

beforeAll(async () => {
  t = await demoApp('2026-11-27T10:00:00+08:00', 'verify-')
  for (let day = 0; day < 3; day++) {
    t.advance(24 * 3600_000)
    await t.call('customers.create', { name: `客户${day}` })
    t.advance(1000)
    ids.push((await runExport({ store: t.app.store, dataDir: t.app.dataDir, clock: t.app.clock })).manifest.batchId)
  }
  batches = outboxOf(t.app.dataDir).batches
})
afterAll(() => t.close())

describe('npm run export:verify', () => {
  it('passes a good batch and a good chain', async () => {
    expect(await verify(join(batches, ids[0]!))).toMatchObject({ code: 0, out: expect.stringContaining('OK: 1 batch(es) verified') })
    expect(await verify(batches)).toMatchObject({ code: 0, out: expect.stringContaining('OK: 3 batch(es) verified') })
  })

  it('fails a file that changed after the manifest was written, and a chain with a batch missing', async () => {
    const middle = join(batches, ids[1]!)
    rmSync(join(middle, 'manifest.json'))
    const chain = await verify(batches)
    expect(chain.code).toBe(1)
    expect(chain.out).toContain(`previous batch is ${ids[1]}, expected ${ids[0]} (a batch is missing)`)

    appendFileSync(join(batches, ids[2]!, 'customers.jsonl.gz'), 'x')
    const tampered = await verify(join(batches, ids[2]!))
    expect(tampered.code).toBe(1)
    expect(tampered.out).toContain('customers.jsonl.gz: SHA-256 does not match the manifest')
  })
})

describe('the documented JSON Schemas', () => {
  it('match the table declarations (regenerate with npm run export:verify -- --write-schemas)', () => {
    for (const spec of BATCH_TABLES) {
      const documented = JSON.parse(readFileSync(resolve('docs/export-schemas', `${spec.name}.json`), 'utf8')) as unknown
      expect(documented, spec.name).toEqual(jsonSchemaOf(spec))
    }
  })
})
