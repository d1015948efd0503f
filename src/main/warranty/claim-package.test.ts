import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ClaimPackage, PACKAGE_SHEETS } from '../../shared/domain/warranty-package'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { b64, PNG_1PX } from '../attachments/test-files'
import { claimInput, warrantyRo } from './test-warranty'

// The claim package for the maker's portal: written as XLSX and read back with exceljs, every
// sheet's columns exactly as documented and every value where its column says; the JSON parsed
// against its schema.

let t: TestApp
let claim: { id: number; number: string }

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'workshop_supervisor', 'parts_clerk', 'warranty_clerk', 'cashier', 'administrator'] })
  const ro = await warrantyRo(t)
  const built = await t.ok('warranty_clerk', 'warranty.claim.fromRo', { roId: ro.roId })
  const saved = await t.ok('warranty_clerk', 'warranty.claim.save', { ...claimInput(built), expenses: [{ kind: 'towing', description: '拖车 12 公里', amountFen: 18_000 }] })
  await t.ok('warranty_clerk', 'attachments.add', { ownerKind: 'warranty_claim', ownerId: saved.id, fileName: '故障照片.png', contentBase64: b64(PNG_1PX) })
  claim = saved
})
afterAll(() => t.close())

const exported = (format: 'xlsx' | 'json') => t.ok('warranty_clerk', 'warranty.package.export', { ids: [claim.id], format })

function sheetOf(workbook: ExcelJS.Workbook, name: string) {
  const sheet = workbook.getWorksheet(name)
  if (!sheet) throw new Error(`no sheet ${name}`)
  const rows: unknown[][] = []
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return { header: rows[0], rows: rows.slice(1) }
}

describe('the claim package', () => {
  it('writes an XLSX whose sheets and columns are as documented, with every value in its column', async () => {
    const file = await exported('xlsx')
    expect(file.fileName).toBe(`warranty-claim-${claim.number}.xlsx`)
    const c = await t.ok('warranty_clerk', 'warranty.claim.get', { id: claim.id })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
    expect(workbook.worksheets.map((s) => s.name)).toEqual(Object.keys(PACKAGE_SHEETS))
    for (const [name, columns] of Object.entries(PACKAGE_SHEETS)) expect(sheetOf(workbook, name).header, name).toEqual([...columns])

    const at = (sheet: keyof typeof PACKAGE_SHEETS, row: unknown[], column: string) => row[(PACKAGE_SHEETS[sheet] as readonly string[]).indexOf(column)]
    const [head] = sheetOf(workbook, 'claims').rows
    expect(sheetOf(workbook, 'claims').rows).toHaveLength(1)
    expect(at('claims', head!, 'claim_number')).toBe(c.number)
    expect(at('claims', head!, 'vin')).toBe(c.vehicle.vin)
    expect(at('claims', head!, 'ro_number')).toBe(c.ro.number)
    expect(at('claims', head!, 'mileage_km')).toBe(c.mileageKm)
    expect(at('claims', head!, 'concern')).toBe(c.concern)
    expect(at('claims', head!, 'cause')).toBe(c.cause)
    expect(at('claims', head!, 'correction')).toBe(c.correction)
    expect(at('claims', head!, 'causal_part_number')).toBe(c.causalPart?.partNumber)
    expect(at('claims', head!, 'other_yuan')).toBe(180)
    expect(at('claims', head!, 'total_yuan')).toBe(c.totalFen / 100)

    const labour = sheetOf(workbook, 'labour').rows
    expect(labour.map((r) => [at('labour', r, 'op_code'), at('labour', r, 'hours'), at('labour', r, 'amount_yuan')])).toEqual(
      c.labour.map((l) => [l.opCode, l.hoursMilli / 1000, l.amountFen / 100]),
    )
    const parts = sheetOf(workbook, 'parts').rows
    expect(parts.map((r) => [at('parts', r, 'part_number'), at('parts', r, 'quantity'), at('parts', r, 'unit_price_yuan')])).toEqual(
      c.parts.map((p) => [p.partNumber, p.quantityMilli / 1000, p.unitPriceFen / 100]),
    )
    expect(sheetOf(workbook, 'expenses').rows).toEqual([[c.number, 1, 'towing', '拖车 12 公里', 180]])
    const [file1] = sheetOf(workbook, 'attachments').rows
    expect([at('attachments', file1!, 'file_name'), at('attachments', file1!, 'mime_type'), at('attachments', file1!, 'size_bytes'), at('attachments', file1!, 'missing')]).toEqual([
      '故障照片.png',
      'image/png',
      PNG_1PX.length,
      false,
    ])
  })

  it('writes JSON that parses against its schema, money in fen', async () => {
    const file = await exported('json')
    const parsed = ClaimPackage.parse(JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8')))
    expect(parsed.claims).toHaveLength(1)
    expect(parsed.claims[0]).toMatchObject({ number: claim.number, otherFen: 18_000, expenses: [{ kind: 'towing', amountFen: 18_000 }] })
    expect(parsed.claims[0]!.attachments.map((a) => a.fileName)).toEqual(['故障照片.png'])
  })

  it('puts several claims ticked in the claim list in one package, in the order chosen, each line tied to its claim', async () => {
    const ro = await warrantyRo(t)
    const built = await t.ok('warranty_clerk', 'warranty.claim.fromRo', { roId: ro.roId })
    const second = await t.ok('warranty_clerk', 'warranty.claim.save', claimInput(built))
    const ids = [second.id, claim.id]
    const auditBefore = (t.app.store.sqlite.prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'warranty.package.export'`).get() as { n: number }).n
    const file = await t.ok('warranty_clerk', 'warranty.package.export', { ids, format: 'xlsx' })
    expect(file).toMatchObject({ claims: 2, fileName: 'warranty-claims-2026-11-27-2.xlsx' })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
    const claims = sheetOf(workbook, 'claims')
    expect(claims.rows.map((r) => r[0])).toEqual([second.number, claim.number])
    const labour = sheetOf(workbook, 'labour')
    const full = await Promise.all(ids.map((id) => t.ok('warranty_clerk', 'warranty.claim.get', { id })))
    expect(labour.rows.map((r) => [r[0], r[1]])).toEqual(full.flatMap((c) => c.labour.map((_, i) => [c.number, i + 1])))
    const json = await t.ok('warranty_clerk', 'warranty.package.export', { ids, format: 'json' })
    const parsed = ClaimPackage.parse(JSON.parse(Buffer.from(json.base64, 'base64').toString('utf8')))
    expect(parsed.claims.map((c) => [c.number, c.totalFen])).toEqual(full.map((c) => [c.number, c.totalFen]))
    // Each export is in the audit log (the dispatcher writes it for every `export` channel).
    const auditAfter = (t.app.store.sqlite.prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'warranty.package.export'`).get() as { n: number }).n
    expect(auditAfter).toBe(auditBefore + 2)
  })

  it('refuses a claim selected twice and one that does not exist', async () => {
    expect(await t.call('warranty_clerk', 'warranty.package.export', { ids: [claim.id, claim.id], format: 'json' })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await t.call('warranty_clerk', 'warranty.package.export', { ids: [999_999], format: 'json' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })
})
