import { spawn } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApp } from '../app'
import { outboxOf } from './outbox'
import { runExport } from './service'
import { demoApp, type DemoTestApp as TestApp } from '../test-support/test-app'
import { verifyPath } from './verify'

// A batch being written when the process dies (power cut, task manager) must never be visible
// as a batch, and must not break the chain or the next batch.

const CHILD = resolve('src/main/export/fixtures/build-child.ts')

let t: TestApp
let dataDir: string
beforeEach(async () => {
  t = await demoApp('2026-11-27T10:00:00+08:00', 'kill-')
  dataDir = t.app.dataDir
  t.app.close()
})
afterEach(() => t.close())

/**
 * Runs the child until a line matching `stopAt` appears, then kills it with SIGKILL.
 * Node itself runs the child (tsx as a loader, not the tsx launcher): killing the launcher would
 * leave its node grandchild still writing the batch the test then inspects.
 */
function runAndKill(nowIso: string, stopAt: (line: string) => boolean): Promise<string[]> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, nowIso], { stdio: ['ignore', 'pipe', 'pipe'] })
    const lines: string[] = []
    let buffered = ''
    let stderr = ''
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString()
      const parts = buffered.split('\n')
      buffered = parts.pop() ?? ''
      for (const line of parts) {
        lines.push(line)
        if (stopAt(line)) child.kill('SIGKILL')
      }
    })
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolvePromise(lines)
      else reject(new Error(`child ended (${code}) before it was killed: ${lines.join(' | ')} ${stderr}`))
    })
  })
}

const visibleBatches = () => readdirSync(outboxOf(dataDir).batches).filter((n) => !n.startsWith('.'))

describe('a process killed while writing a batch', () => {
  it('leaves no half batch visible, and the next run builds a whole one in its place', async () => {
    const lines = await runAndKill('2026-11-27T21:31:00+08:00', (line) => line === 'file repair_orders.jsonl.gz')
    expect(lines.at(-1)).toBe('file repair_orders.jsonl.gz')
    expect(visibleBatches()).toEqual([])
    expect(readdirSync(outboxOf(dataDir).root).some((n) => n.startsWith('.building-'))).toBe(true)

    t.app = await createApp({ dataDir, clock: { now: () => new Date('2026-11-27T21:32:00+08:00') } })
    const built = await runExport({ store: t.app.store, dataDir, clock: t.app.clock })
    expect(built.manifest.seq).toBe(1)
    expect(readdirSync(outboxOf(dataDir).root).filter((n) => n.startsWith('.'))).toEqual([])
    expect((await verifyPath(outboxOf(dataDir).batches)).ok).toBe(true)
  })

  it('adopts a batch that reached the outbox but not the database, so its id is never issued twice', async () => {
    await runAndKill('2026-11-27T21:31:00+08:00', (line) => line === 'renamed')
    const [orphan] = visibleBatches()
    expect(orphan).toBe('DEMO01-20261127-000001')
    expect((await verifyPath(join(outboxOf(dataDir).batches, orphan!))).ok).toBe(true)

    t.app = await createApp({ dataDir, clock: { now: () => new Date('2026-11-28T21:31:00+08:00') } })
    const next = await runExport({ store: t.app.store, dataDir, clock: t.app.clock })
    expect(next.manifest).toMatchObject({ seq: 2, previousBatchId: orphan })
    const recorded = t.app.store.sqlite.prepare('SELECT id, adopted FROM export_batches ORDER BY seq').all()
    expect(recorded).toEqual([
      { id: orphan, adopted: 1 },
      { id: next.manifest.batchId, adopted: 0 },
    ])
    // The adopted batch's watermarks count: nothing it held is sent again.
    expect(next.manifest.files.find((f) => f.table === 'repair_orders')?.rows).toBe(0)
    expect((await verifyPath(outboxOf(dataDir).batches)).ok).toBe(true)
    expect(existsSync(join(outboxOf(dataDir).batches, orphan!, 'manifest.json'))).toBe(true)
  })
})
