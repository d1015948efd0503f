import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { warrantyRo } from '../warranty/test-warranty'
import { contentPath } from '../attachments/file-store'
import { b64, PDF_SMALL, PNG_1PX } from '../attachments/test-files'
import { deleteBackup, listBackups } from './catalogue'
import { filesDirOf } from './attachment-copies'
import { restoreLive } from './restore'
import { readBackupSettings, writeBackupSettings } from './settings'
import { takeBackup } from './take'

// Backups carry the attachments their database refers to, and a restore brings them back: a photo
// removed (its file deleted) after the backup is there again, with its content, after restoring.

let t: TestApp
let claimId: number

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'workshop_supervisor', 'parts_clerk', 'warranty_clerk', 'administrator'] })
  claimId = (await t.ok('warranty_clerk', 'warranty.claim.fromRo', { roId: (await warrantyRo(t)).roId })).id
})
afterAll(() => t.close())

const backup = () =>
  takeBackup({ store: t.app.store, dataDir: t.app.dataDir, clock: t.app.clock, timeZone: 'Asia/Shanghai', reason: 'manual', settings: readBackupSettings(t.app.store) })
const add = (fileName: string, content: Buffer) =>
  t.ok('warranty_clerk', 'attachments.add', { ownerKind: 'warranty_claim', ownerId: claimId, fileName, contentBase64: b64(content) })
const listed = () => t.ok('warranty_clerk', 'attachments.list', { ownerKind: 'warranty_claim', ownerId: claimId })

describe('attachments in backups', () => {
  it('carries the files of a backup beside it, and a restore brings removed and lost files back', async () => {
    const second = join(t.dir, 'usb')
    mkdirSync(second)
    t.app.store.tx(() => writeBackupSettings(t.app.store, { secondDir: second }))
    const photo = await add('故障部位.png', PNG_1PX)
    const scan = await add('维修记录.pdf', PDF_SMALL)
    const taken = await backup()
    expect(taken.secondError).toBeNull()
    expect(taken.backup.attachments).toEqual({ files: 2, bytes: PNG_1PX.length + PDF_SMALL.length, missing: 0 })
    expect(existsSync(join(filesDirOf(taken.backup.file), photo.sha256))).toBe(true)
    expect(existsSync(join(filesDirOf(join(second, taken.backup.name)), scan.sha256))).toBe(true)

    await t.ok('warranty_clerk', 'attachments.remove', { id: photo.id })
    rmSync(contentPath(t.app.dataDir, scan.sha256))
    expect((await listed()).map((a) => [a.fileName, a.missing])).toEqual([['维修记录.pdf', true]])

    t.clock.advance(60_000)
    const restored = await restoreLive({ store: t.app.store, dataDir: t.app.dataDir, from: taken.backup.file, clock: t.app.clock, timeZone: 'Asia/Shanghai', settings: readBackupSettings(t.app.store) })
    expect(restored.attachments).toEqual({ restored: 2, damaged: 0 })
    const back = await listed()
    expect(back.map((a) => [a.fileName, a.missing])).toEqual([['故障部位.png', false], ['维修记录.pdf', false]])
    expect((await t.ok('warranty_clerk', 'attachments.get', { id: photo.id })).contentBase64).toBe(b64(PNG_1PX))
  })

  it('deletes a backup’s files with the backup', async () => {
    await add('再一张.png', PNG_1PX)
    t.clock.advance(60_000)
    const taken = (await backup()).backup
    expect(existsSync(filesDirOf(taken.file))).toBe(true)
    deleteBackup(taken)
    expect(existsSync(filesDirOf(taken.file))).toBe(false)
    expect(listBackups(join(t.app.dataDir, 'backups')).map((b) => b.name)).not.toContain(taken.name)
  })
})
