import { closeSync, existsSync, mkdirSync, openSync, readdirSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApp, DB_FILE } from '../app'
import { openStore } from '../store/open'
import { migrate } from '../store/migrate'
import { MIGRATIONS } from '../store/migrations'
import { digestFile } from '../files/durable-files'
import { demoApp, type DemoTestApp as TestApp } from '../test-support/test-app'
import { backupDirOf, listBackups } from './catalogue'
import { StoreDamagedError } from './integrity'
import { restoreOffline, RestoreError } from './restore'
import { readBackupSettings, writeBackupSettings } from './settings'
import { takeBackup } from './take'

let t: TestApp
beforeEach(async () => {
  t = await demoApp('2026-11-27T10:00:00+08:00', 'backup-')
})
afterEach(() => t.close())

const backup = (reason: 'auto' | 'manual' = 'auto') =>
  takeBackup({
    store: t.app.store,
    dataDir: t.app.dataDir,
    clock: t.app.clock,
    timeZone: 'Asia/Shanghai',
    reason,
    settings: readBackupSettings(t.app.store),
  })
const customers = (store = t.app.store) => (store.sqlite.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n

/** Overwrites a stretch of the file in the middle with noise, as a failing disk would. */
function damage(file: string, offset: number) {
  const fd = openSync(file, 'r+')
  writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, offset)
  closeSync(fd)
}

describe('online backups', () => {
  it('takes a checked, checksummed, self-contained copy while writes go on', async () => {
    const writes = (async () => {
      for (let i = 0; i < 20; i++) {
        await t.call('customers.create', { name: `客户${i}`, mobile: `1390000${String(i).padStart(4, '0')}` })
      }
    })()
    const [result] = await Promise.all([backup(), writes])
    const b = result.backup
    expect(b).toMatchObject({ reason: 'auto', check: 'ok', location: 'primary', createdAt: '2026-11-27T10:00:00+08:00' })
    expect(b.name).toBe('dealer-20261127-100000-auto.sqlite')
    expect((await digestFile(b.file)).sha256).toBe(b.sha256)
    expect(existsSync(`${b.file}-wal`)).toBe(false)
    const copy = openStore(b.file)
    expect(customers(copy)).toBeGreaterThanOrEqual(300)
    copy.close()
    expect(readdirSync(backupDirOf(t.app.dataDir)).filter((n) => n.startsWith('.'))).toEqual([])
  })

  it('puts a verified copy in the second destination, and says so when that one is unreachable', async () => {
    const second = join(t.dir, 'usb')
    mkdirSync(second)
    t.app.store.tx(() => writeBackupSettings(t.app.store, { secondDir: second }))
    const ok = await backup()
    expect(ok.secondError).toBeNull()
    expect(listBackups(second, 'second').map((b) => b.sha256)).toEqual([ok.backup.sha256])

    t.app.store.tx(() => writeBackupSettings(t.app.store, { secondDir: join(t.dir, 'unplugged') }))
    t.advance(60_000)
    const failed = await backup('manual')
    expect(failed.secondError).toMatch(/not reachable/)
    expect(failed.backup.check).toBe('ok')
    expect(existsSync(join(t.dir, 'unplugged'))).toBe(false)
  })

  it('backs the store up before migrating it, as the old version left it', async () => {
    const dir = join(t.dir, 'old')
    mkdirSync(dir)
    const old = openStore(join(dir, DB_FILE))
    await migrate(old, { migrations: MIGRATIONS.slice(0, 2) })
    old.close()
    const app = await createApp({ dataDir: dir, clock: t.app.clock })
    const backups = listBackups(backupDirOf(dir))
    expect(backups.map((b) => [b.reason, b.schema])).toEqual([['pre-migration', '0002-reception']])
    app.close()
    // Nothing pending, no backup: the next start takes none.
    ;(await createApp({ dataDir: dir, clock: t.app.clock })).close()
    expect(listBackups(backupDirOf(dir))).toHaveLength(1)
  })
})

describe('a damaged store', () => {
  it('is refused at start with the backups to offer, and a restore keeps the damaged file aside', async () => {
    const good = (await backup()).backup
    await t.call('customers.create', { name: '备份后客户' })
    const before = customers()
    const dataDir = t.app.dataDir
    t.app.close()
    const file = join(dataDir, DB_FILE)
    damage(file, 4096 * 5)

    const failure = await createApp({ dataDir, clock: t.app.clock }).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(StoreDamagedError)
    const damaged = failure as StoreDamagedError
    expect(damaged.problems.length).toBeGreaterThan(0)
    expect(damaged.backups.map((b) => b.name)).toEqual([good.name])

    const { savedIn } = await restoreOffline({ dataDir, dbFile: DB_FILE, from: good.file, clock: t.app.clock, timeZone: 'Asia/Shanghai' })
    expect(readdirSync(savedIn!)).toContain(DB_FILE)
    const app = await createApp({ dataDir, clock: t.app.clock })
    expect(customers(app.store)).toBe(before - 1)
    app.close()
    t.app = await createApp({ dataDir, clock: t.app.clock })
  })

  it('refuses a header that is not a database at all, and a backup whose checksum does not match', async () => {
    const good = (await backup()).backup
    const dataDir = t.app.dataDir
    t.app.close()
    damage(join(dataDir, DB_FILE), 0)
    await expect(createApp({ dataDir, clock: t.app.clock })).rejects.toBeInstanceOf(StoreDamagedError)
    damage(good.file, 4096 * 3)
    const refused = await restoreOffline({ dataDir, dbFile: DB_FILE, from: good.file, clock: t.app.clock, timeZone: 'Asia/Shanghai' }).catch(
      (e: unknown) => e,
    )
    expect(refused).toBeInstanceOf(RestoreError)
    expect((refused as RestoreError).messageKey).toBe('data.restore.checksum')
    // The damaged store was not touched by the refused restore.
    await expect(createApp({ dataDir, clock: t.app.clock })).rejects.toBeInstanceOf(StoreDamagedError)
    t.app = { close() {} } as typeof t.app
  })
})
