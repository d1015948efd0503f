import { existsSync, rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ATTACHMENT_MAX_BYTES } from '../../shared/domain/attachments'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { claimInput, warrantyRo } from '../warranty/test-warranty'
import { contentPath, sha256Of } from './file-store'
import { b64, PDF_SMALL, PNG_1PX, TEXT_FILE } from './test-files'

// The attachment store through the real dispatcher: files on a warranty claim added, listed, read
// and removed; the type told by the content, the size limit in both languages, one file per
// content, a missing file listed as missing, and the claim's own permissions deciding.

let t: TestApp
let claimId: number

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'workshop_supervisor', 'parts_clerk', 'warranty_clerk', 'cashier', 'administrator'] })
  const ro = await warrantyRo(t)
  claimId = (await t.ok('warranty_clerk', 'warranty.claim.fromRo', { roId: ro.roId })).id
})
afterAll(() => t.close())

const onClaim = (fileName: string, content: Buffer) => ({ ownerKind: 'warranty_claim' as const, ownerId: claimId, fileName, contentBase64: b64(content) })
const listed = () => t.ok('warranty_clerk', 'attachments.list', { ownerKind: 'warranty_claim', ownerId: claimId })

describe('attachments on a document', () => {
  it('adds, lists, reads back and removes a photo, with the audit trail', async () => {
    const added = await t.ok('warranty_clerk', 'attachments.add', onClaim('左前门.png', PNG_1PX))
    expect(added).toMatchObject({ fileName: '左前门.png', mimeType: 'image/png', sizeBytes: PNG_1PX.length, sha256: sha256Of(PNG_1PX), missing: false })
    expect(existsSync(contentPath(t.app.dataDir, added.sha256))).toBe(true)
    expect((await listed()).map((a) => a.id)).toEqual([added.id])
    const read = await t.ok('warranty_clerk', 'attachments.get', { id: added.id })
    expect(Buffer.from(read.contentBase64!, 'base64').equals(PNG_1PX)).toBe(true)

    const removed = await t.ok('warranty_clerk', 'attachments.remove', { id: added.id })
    expect(removed).toEqual({ id: added.id, fileDeleted: true })
    expect(await listed()).toEqual([])
    expect(existsSync(contentPath(t.app.dataDir, added.sha256))).toBe(false)
    const trail = t.app.store.sqlite.prepare("SELECT action FROM audit_log WHERE action LIKE 'attachment.%' ORDER BY id").all() as { action: string }[]
    expect(trail.map((r) => r.action)).toEqual(['attachment.add', 'attachment.remove'])
    expect(await t.call('warranty_clerk', 'attachments.get', { id: added.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('keeps one file for the same content, and deletes it only with its last reference', async () => {
    const a = await t.ok('warranty_clerk', 'attachments.add', onClaim('扫描1.pdf', PDF_SMALL))
    const b = await t.ok('warranty_clerk', 'attachments.add', onClaim('扫描-副本.pdf', PDF_SMALL))
    expect(b.sha256).toBe(a.sha256)
    expect(a.mimeType).toBe('application/pdf')
    expect(await t.ok('warranty_clerk', 'attachments.remove', { id: a.id })).toEqual({ id: a.id, fileDeleted: false })
    expect(existsSync(contentPath(t.app.dataDir, a.sha256))).toBe(true)
    expect((await t.ok('warranty_clerk', 'attachments.get', { id: b.id })).contentBase64).toBe(b64(PDF_SMALL))
    expect(await t.ok('warranty_clerk', 'attachments.remove', { id: b.id })).toEqual({ id: b.id, fileDeleted: true })
    expect(existsSync(contentPath(t.app.dataDir, a.sha256))).toBe(false)
  })

  it('refuses a file over the limit and a type it does not accept, in both languages, storing nothing', async () => {
    const big = Buffer.alloc(ATTACHMENT_MAX_BYTES + 1, 0)
    PNG_1PX.copy(big)
    const zh = await t.call('warranty_clerk', 'attachments.add', onClaim('大图.png', big))
    expect(zh).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(zh.ok === false && zh.message).toMatch(/8 MB/)
    const en = await t.call('warranty_clerk', 'attachments.add', onClaim('big.png', big), { locale: 'en' })
    expect(en.ok === false && en.message).toMatch(/too large.*8 MB/)

    const text = await t.call('warranty_clerk', 'attachments.add', onClaim('备注.png', TEXT_FILE))
    expect(text.ok === false && text.message).toMatch(/“备注.png”不是可接受的文件类型/)
    const textEn = await t.call('warranty_clerk', 'attachments.add', onClaim('note.png', TEXT_FILE), { locale: 'en' })
    expect(textEn.ok === false && textEn.message).toMatch(/not an accepted type/)
    expect(await listed()).toEqual([])
  })

  it('lists a file missing from the data folder as missing and still lets the claim be saved', async () => {
    const added = await t.ok('warranty_clerk', 'attachments.add', onClaim('丢失.png', PNG_1PX))
    rmSync(contentPath(t.app.dataDir, added.sha256))
    expect((await listed()).map((a) => [a.fileName, a.missing])).toEqual([['丢失.png', true]])
    expect(await t.ok('warranty_clerk', 'attachments.get', { id: added.id })).toMatchObject({ missing: true, contentBase64: null })
    const claim = await t.ok('warranty_clerk', 'warranty.claim.get', { id: claimId })
    const saved = await t.call('warranty_clerk', 'warranty.claim.save', claimInput(claim))
    expect(saved.ok).toBe(true)
    await t.ok('warranty_clerk', 'attachments.remove', { id: added.id })
  })

  it('lets only roles that may read or edit the document near its files, and refuses a document that does not exist', async () => {
    const added = await t.ok('warranty_clerk', 'attachments.add', onClaim('权限.png', PNG_1PX))
    // The workshop supervisor holds the store's permissions (5S, training) but not the warranty desk's.
    expect(await t.call('workshop_supervisor', 'attachments.list', { ownerKind: 'warranty_claim', ownerId: claimId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await t.call('workshop_supervisor', 'attachments.get', { id: added.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await t.call('cashier', 'attachments.list', { ownerKind: 'warranty_claim', ownerId: claimId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await t.call('warranty_clerk', 'attachments.add', { ...onClaim('x.png', PNG_1PX), ownerId: 999_999 })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    await t.ok('warranty_clerk', 'attachments.remove', { id: added.id })
  })
})
