import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runExport } from './service'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { verifyPath } from './verify'
import { SCHEMA_VERSION } from '../../shared/export/manifest'
import { ReferenceWarehouse } from './reference-loader'
import { claimInput, warrantyRo } from '../warranty/test-warranty'
import { b64, PNG_1PX } from '../attachments/test-files'

// Schema version 3 in the batch: a warranty claim with its lines, status log and the old part
// kept for it, and the attachment list, verify against their schemas and apply; a file added
// later travels in the next batch (its row, not its content).

let t: TestApp
beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'workshop_supervisor', 'parts_clerk', 'warranty_clerk', 'cashier', 'administrator'] })
})
afterAll(() => t.close())

const exportNow = () => runExport({ store: t.app.store, dataDir: t.app.dataDir, clock: t.clock })

describe('the warranty desk and attachments in the head-office batch', () => {
  it('exports the warranty tables and the attachment list, which verify and apply', async () => {
    const ro = await warrantyRo(t)
    const built = await t.ok('warranty_clerk', 'warranty.claim.fromRo', { roId: ro.roId })
    const claim = await t.ok('warranty_clerk', 'warranty.claim.save', { ...claimInput(built), expenses: [{ kind: 'towing', description: '拖车', amountFen: 10_000 }] })
    const [part] = (await t.ok('warranty_clerk', 'warranty.parts.shelf', { state: 'pending' })).filter((p) => p.roId === ro.roId)
    await t.ok('warranty_clerk', 'warranty.parts.keep', { id: part!.id, version: part!.version, claimId: claim.id, place: 'A-01', handling: 'return' })
    await t.ok('warranty_clerk', 'warranty.claim.check', { id: claim.id, version: claim.version, overrides: [] }).catch(() => null)
    t.clock.advance(60_000)
    const first = await exportNow()
    const rows = Object.fromEntries(first.manifest.files.map((f) => [f.table, f.rows]))
    expect(first.manifest.schemaVersion).toBe(SCHEMA_VERSION)
    expect(rows).toMatchObject({ warranty_claims: 1, warranty_claim_labour: 1, warranty_claim_parts: 1, warranty_claim_expenses: 1, warranty_old_parts: 1 })
    const report = await verifyPath(first.dir)
    expect(report.batches[0]?.errors).toEqual([])

    await t.ok('warranty_clerk', 'attachments.add', { ownerKind: 'warranty_claim', ownerId: claim.id, fileName: '照片.png', contentBase64: b64(PNG_1PX) })
    t.clock.advance(60_000)
    const next = await exportNow()
    expect(next.manifest.files.find((f) => f.table === 'attachments')?.rows).toBe(1)
    expect((await verifyPath(next.dir)).ok).toBe(true)
    const warehouse = new ReferenceWarehouse()
    await warehouse.apply(first.dir)
    await warehouse.apply(next.dir)
    expect(warehouse.table('attachments').size).toBe(1)
    expect(warehouse.table('warranty_claim_expenses').size).toBe(1)
    expect(await warehouse.apply(next.dir)).toBe(0)
  })
})
