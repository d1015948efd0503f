import { execFile } from 'node:child_process'
import { closeSync, openSync, readdirSync, writeSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApp, DB_FILE } from '../src/main/app'
import { StoreDamagedError } from '../src/main/backup/integrity'
import { readBackupSettings } from '../src/main/backup/settings'
import { takeBackup } from '../src/main/backup/take'
import { demoApp, type DemoTestApp as TestApp } from '../src/main/test-support/test-app'

const run = promisify(execFile)
let t: TestApp
beforeEach(async () => {
  t = await demoApp('2026-11-27T10:00:00+08:00', 'restore-cli-')
})
afterEach(() => t.close())

describe('npm run restore', () => {
  it('restores a named backup over a damaged store and keeps the damaged files aside', async () => {
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
    writeSync(fd, Buffer.alloc(4096, 1), 0, 4096, 0)
    closeSync(fd)
    await expect(createApp({ dataDir })).rejects.toBeInstanceOf(StoreDamagedError)

    const listed = await run(resolve('node_modules/.bin/tsx'), ['scripts/restore.ts', '--data-dir', dataDir, '--lang', 'en']).catch(
      (e: { stdout: string }) => e,
    )
    expect(listed.stdout).toContain(b.backup.name)
    const { stdout } = await run(resolve('node_modules/.bin/tsx'), [
      'scripts/restore.ts', '--data-dir', dataDir, '--from', b.backup.name, '--lang', 'en',
    ])
    expect(stdout).toContain('Restored. The previous data files were moved to')
    expect(readdirSync(join(dataDir, 'replaced'))).toHaveLength(1)
    t.app = await createApp({ dataDir })
    expect(t.app.store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  }, 60_000)
})
