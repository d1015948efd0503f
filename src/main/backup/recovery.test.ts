import { spawn, type ChildProcess } from 'node:child_process'
import { closeSync, openSync, readdirSync, writeSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DB_FILE } from '../app'
import { demoApp, type DemoTestApp as TestApp } from '../test-support/test-app'
import { readBackupSettings } from './settings'
import { takeBackup } from './take'

// The host started on a damaged store: it says so, serves the recovery page on this PC only,
// restores the chosen backup (keeping the damaged files aside) and then starts normally.

let t: TestApp
let host: ChildProcess | null = null
beforeEach(async () => {
  t = await demoApp('2026-11-27T10:00:00+08:00', 'recovery-')
})
afterEach(async () => {
  // The host's jobs may still be writing a backup: wait for it to exit before removing the folder.
  const child = host
  host = null
  if (child && child.exitCode === null && child.signalCode === null) {
    await new Promise<void>((done) => {
      child.once('exit', () => done())
      child.kill('SIGTERM')
    })
  }
  t.close()
})

function startHost(dataDir: string) {
  const child = spawn(resolve('node_modules/.bin/tsx'), ['src/main/host/cli.ts', '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  const waiters: { pattern: RegExp; resolve: (m: RegExpMatchArray) => void }[] = []
  child.stdout!.on('data', (c: Buffer) => {
    out += c.toString()
    for (const w of [...waiters]) {
      const m = out.match(w.pattern)
      if (m) {
        waiters.splice(waiters.indexOf(w), 1)
        w.resolve(m)
      }
    }
  })
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolvePromise, reject) => {
      const m = out.match(pattern)
      if (m) return resolvePromise(m)
      waiters.push({ pattern, resolve: resolvePromise })
      child.on('exit', (code) => reject(new Error(`host exited (${code}): ${out}`)))
    })
  return { child, waitFor }
}

describe('recovery mode', () => {
  it('offers the backups on a damaged store, restores the chosen one, and then starts the app', async () => {
    const b = await takeBackup({
      store: t.app.store,
      dataDir: t.app.dataDir,
      clock: t.app.clock,
      timeZone: 'Asia/Shanghai',
      reason: 'manual',
      settings: readBackupSettings(t.app.store),
    })
    const dataDir = t.app.dataDir
    t.app.close()
    const fd = openSync(join(dataDir, DB_FILE), 'r+')
    writeSync(fd, Buffer.alloc(8192, 0x42), 0, 8192, 4096 * 4)
    closeSync(fd)

    const started = startHost(dataDir)
    host = started.child
    const [, url] = (await started.waitFor(/Recovery ready: (\S+)/)) as unknown as [string, string]
    const page = await (await fetch(url, { headers: { 'accept-language': 'en' } })).text()
    expect(page).toContain('The data file is damaged')
    expect(page).toContain(b.backup.name)
    const api = (await (await fetch(`${url}api/recovery`)).json()) as { damaged: boolean; backups: { name: string }[] }
    expect(api).toMatchObject({ damaged: true, backups: [{ name: b.backup.name }] })

    const form = (nonce: string) =>
      new URLSearchParams({ nonce, name: b.backup.name, location: 'primary' }).toString()
    const post = (body: string) =>
      fetch(`${url}recovery/restore`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expect((await post(form('forged'))).status).toBe(400)
    const nonce = /name="nonce" value="([0-9a-f]+)"/.exec(page)![1]!
    const done = await post(form(nonce))
    expect(done.status).toBe(200)

    const [, appUrl] = (await started.waitFor(/Host ready: (\S+)/)) as unknown as [string, string]
    const status = (await (await fetch(`${appUrl}api/setup.status`, { method: 'POST', body: '{}' })).json()) as {
      ok: boolean
      data: { dealerCode: string }
    }
    expect(status).toMatchObject({ ok: true, data: { dealerCode: 'DEMO01' } })
    const replaced = readdirSync(join(dataDir, 'replaced'))
    expect(replaced).toHaveLength(1)
    expect(readdirSync(join(dataDir, 'replaced', replaced[0]!))).toContain(DB_FILE)
    t.app = { close() {} } as typeof t.app
  }, 60_000)
})
