import { spawn } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DB_FILE } from '../app'
import { openCheckedStore } from './integrity'
import { backupDirOf, listBackups } from './catalogue'
import { checkCopy } from './take'
import { demoApp, type DemoTestApp as TestApp } from '../test-support/test-app'

// Power cuts, in software: a host writing as fast as it can (and taking backups meanwhile) is
// killed with SIGKILL at random moments, 50 times. After every kill the store must pass
// integrity_check and hold every write the host acknowledged, and every listed backup must pass
// its check.

const RUNS = 50
const CHILD = resolve('src/main/backup/fixtures/crash-child.ts')
let t: TestApp
let dataDir: string
let command: { bin: string; args: string[] }
const bundleDir = resolve('node_modules/.cache', `crash-child-${process.pid}`)

/** Bundled once, the child starts in a third of the time tsx needs, which keeps 50 runs short. */
async function childCommand(): Promise<{ bin: string; args: string[] }> {
  try {
    const { build } = await import('esbuild')
    mkdirSync(bundleDir, { recursive: true })
    const outfile = join(bundleDir, 'child.mjs')
    await build({
      entryPoints: [CHILD],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile,
      external: ['better-sqlite3'],
      logLevel: 'error',
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    })
    return { bin: process.execPath, args: [outfile] }
  } catch {
    // The loader, not the tsx launcher: SIGKILL must reach the process that writes.
    return { bin: process.execPath, args: ['--import', 'tsx', CHILD] }
  }
}

/** A small seeded generator: a failing run can be repeated. */
function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

beforeAll(async () => {
  t = await demoApp('2026-11-27T10:00:00+08:00', 'crash-')
  dataDir = t.app.dataDir
  t.app.close()
  command = await childCommand()
})
afterAll(() => {
  rmSync(bundleDir, { recursive: true, force: true })
  t.close()
})

function runUntilKilled(run: number, random: () => number, acked: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command.bin, [...command.args, dataDir, String(run), 'demo-pass-1'], { stdio: ['ignore', 'pipe', 'pipe'] })
    const kill = () => child.kill('SIGKILL')
    // One run in ten dies while starting (opening, checking, migrating, logging in).
    const early = random() < 0.1
    if (early) setTimeout(kill, Math.floor(random() * 300))
    // The others die a few acknowledged writes after starting (counted, not timed, so a busy
    // machine changes when the kill lands, not whether writes were made), mid-way into the next.
    let killAfter = Infinity
    let guard: ReturnType<typeof setTimeout> | undefined
    let delay = 0
    let buffered = ''
    let stderr = ''
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString()
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) {
        if (line.startsWith('ack ')) {
          acked.push(line.slice(4))
          if (--killAfter === 0) setTimeout(kill, delay)
        } else if (line === 'ready' && !early) {
          killAfter = 1 + Math.floor(random() * 15)
          delay = Math.floor(random() * 6)
          // Writes that stop coming must not hang the run.
          guard = setTimeout(kill, 10_000)
        }
      }
    })
    child.on('exit', (code, signal) => {
      clearTimeout(guard)
      if (signal === 'SIGKILL') done()
      else fail(new Error(`run ${run} ended by itself (${code}): ${stderr}`))
    })
  })
}

describe('killing the host again and again during writes', () => {
  it(`keeps a sound store and every acknowledged write through ${RUNS} kills with SIGKILL`, async () => {
    const random = rng(20261127)
    const acked: string[] = []
    for (let run = 1; run <= RUNS; run++) {
      await runUntilKilled(run, random, acked)
      const store = openCheckedStore(join(dataDir, DB_FILE), dataDir)
      try {
        expect(store.sqlite.pragma('integrity_check', { simple: true }), `run ${run}`).toBe('ok')
        const names = new Set(
          (store.sqlite.prepare(`SELECT name FROM customers WHERE name LIKE 'crash-%'`).all() as { name: string }[]).map((r) => r.name),
        )
        const lost = acked.filter((name) => !names.has(name))
        expect(lost, `run ${run}: acknowledged writes lost`).toEqual([])
      } finally {
        store.close()
      }
      for (const b of listBackups(backupDirOf(dataDir))) expect(checkCopy(b.file).check, `${b.name} after run ${run}`).toBe('ok')
    }
    expect(acked.length).toBeGreaterThan(RUNS * 5)
    console.info(`${RUNS} kills with SIGKILL, ${acked.length} acknowledged writes, none lost`)
  }, 150_000)
})
