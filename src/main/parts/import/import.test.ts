import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from '../../test-support/test-app'
import { dbFingerprint } from '../../test-support/fixtures'
import { addPart } from '../test-helpers'
import { parseCsv } from './csv'
import { decodeText } from './decode'

let t: TestApp
let existing: { id: number }

beforeAll(async () => {
  t = await makeTestApp({ roles: ['parts_clerk', 'parts_supervisor'] })
  existing = await addPart(t, { partNumber: '06L-115-562-B', name: '机油滤清器', bin: 'B-02-01', priceFen: 6_800, costFen: 4_000 })
  await t.ok('parts_supervisor', 'purchasing.suppliers.save', { code: 'FAW-VW', name: '一汽-大众', active: true })
})
afterAll(() => t.close())

// How a dealer's price list arrives: Excel's Chinese CSV (GBK), a title above the headings,
// a row number column, amounts with thousands separators and full-width digits.
const GBK_LIST = [
  '一汽-大众配件价格表,,,,,,,',
  '生效日期：2026年11月1日,,,,,,,',
  '序号,零件号,零件名称,品牌,单位,建议零售价,经销商价,供应商',
  '1,06L 115 562 B,机油滤清器,大众原厂,个,75.00,"4,100.00",FAW-VW',
  '2,５Ｑ０－６９８－１５１－Ｄ,前刹车片（套）,大众原厂,套,"1,280.50",￥９６０．００,一汽-大众',
  '3,G 052 195 M4,"发动机机油 5W-30, 1L",大众原厂,升,88,60元,',
  '4,,无零件号的行,,,10,5,',
  '5,1K0-129-620-D,空气滤清器滤芯,大众原厂,个,abc,30,',
  '6,5Q0698151D,重复的刹车片,,,1,1,',
  '7,WHT-005-000,密封圈,,,2.5,1.2,未知供应商',
  ',,,,,,,',
].join('\r\n')

/** The dry run, its messages in the default language (Simplified Chinese). */
async function preview(bytes: Buffer, fileName = '价格表.csv', extra: Record<string, unknown> = {}) {
  const envelope = await t.call('parts_supervisor', 'parts.import.preview', { fileName, contentBase64: bytes.toString('base64'), ...extra })
  if (!envelope.ok) throw new Error(envelope.message)
  return envelope.data
}

describe('reading price-list files', () => {
  it('tells GBK from UTF-8 with or without a BOM, and reads UTF-16 Unicode text', () => {
    expect(decodeText(iconv.encode('零件号,名称', 'gbk'), 'auto')).toEqual({ text: '零件号,名称', encoding: 'gb18030' })
    expect(decodeText(Buffer.from('\uFEFF零件号,名称', 'utf8'), 'auto')).toEqual({ text: '零件号,名称', encoding: 'utf-8' })
    expect(decodeText(Buffer.from('零件号,名称', 'utf8'), 'auto')).toEqual({ text: '零件号,名称', encoding: 'utf-8' })
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('零件号\t名称', 'utf16le')]), 'auto').text).toBe('零件号\t名称')
    expect(decodeText(iconv.encode('𠀀', 'gb18030'), 'gb18030').text).toBe('𠀀')
  })

  it('parses quoted CSV fields with commas, doubled quotes and line breaks, and guesses tabs', () => {
    expect(parseCsv('a,"b,1","c""d"\r\n"e\nf",g\n')).toEqual([['a', 'b,1', 'c"d'], ['e\nf', 'g']])
    expect(parseCsv('零件号\t名称\r\nA-1\t滤芯')).toEqual([['零件号', '名称'], ['A-1', '滤芯']])
  })
})

describe('importing an OEM price list', () => {
  it('dry-runs a GBK CSV: finds the headings, shows additions, changes and every bad row with its reason', async () => {
    const p = await preview(iconv.encode(GBK_LIST, 'gbk'))
    expect(p).toMatchObject({ format: 'csv', encoding: 'gb18030', headerRow: 3, totalRows: 7, add: 2, change: 1, unchanged: 0 })
    expect(p.mapping).toMatchObject({ partNumber: 1, name: 2, brand: 3, unit: 4, price: 5, cost: 6, supplier: 7, bin: null })
    const byNumber = Object.fromEntries(p.rows.map((r) => [r.row.partNumber, r]))
    expect(byNumber['06L 115 562 B']).toMatchObject({ action: 'change', row: { priceFen: 7_500, costFen: 410_000 }, before: { priceFen: 6_800, costFen: 4_000, brand: null } })
    expect(byNumber['5Q0-698-151-D']).toMatchObject({ action: 'add', row: { name: '前刹车片（套）', priceFen: 128_050, costFen: 96_000, supplier: '一汽-大众' } })
    expect(byNumber['G 052 195 M4']).toMatchObject({ action: 'add', row: { name: '发动机机油 5W-30, 1L', priceFen: 8_800, costFen: 6_000, unit: '升' } })
    expect(p.errors).toEqual([
      { line: 7, field: 'partNumber', message: '缺少零件号' },
      { line: 8, field: 'price', message: '金额无法识别：abc' },
      { line: 9, field: 'partNumber', message: '零件号在文件中重复（首次出现在第 5 行）' },
      { line: 10, field: 'supplier', message: '未知的供应商：未知供应商' },
    ])
  })

  it('imports nothing while any row is bad, and nothing when the catalogue changed since the dry run', async () => {
    const p = await preview(iconv.encode(GBK_LIST, 'gbk'))
    const before = dbFingerprint(t.app.store)
    const bad = [...p.rows.map((r) => r.row), { line: 99, partNumber: 'NEW-1' }]
    const refused = await t.call('parts_supervisor', 'parts.import.apply', { fileName: 'x.csv', rows: bad, expect: { add: 3, change: 1 } }, { locale: 'en' })
    expect(refused).toMatchObject({ ok: false, code: 'VALIDATION', message: '1 row cannot be imported; nothing was imported' })
    const stale = await t.call('parts_supervisor', 'parts.import.apply', { fileName: 'x.csv', rows: p.rows.map((r) => r.row), expect: { add: 2, change: 0 } })
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect({ ...dbFingerprint(t.app.store), sessions: '' }).toEqual({ ...before, sessions: '' })
  })

  it('imports exactly what the dry run showed, in one go, and the new parts are searchable', async () => {
    const p = await preview(iconv.encode(GBK_LIST, 'gbk'))
    const done = await t.ok('parts_supervisor', 'parts.import.apply', { fileName: '价格表.csv', rows: p.rows.map((r) => r.row), expect: { add: p.add, change: p.change } })
    expect(done).toEqual({ added: 2, changed: 1, unchanged: 0 })
    const updated = await t.ok('parts_clerk', 'parts.get', { id: existing.id, moves: 1 })
    expect(updated.part).toMatchObject({ priceFen: 7_500, costFen: 410_000, brand: '大众原厂', supplierName: '一汽-大众', bin: 'B-02-01' })
    const pads = await t.ok('parts_clerk', 'parts.search', { q: '刹车片', limit: 5 })
    expect(pads.map((x) => [x.partNumber, x.priceFen, x.supplierName])).toEqual([['5Q0-698-151-D', 128_050, '一汽-大众']])
    const again = await preview(iconv.encode(GBK_LIST, 'gbk'))
    expect(again).toMatchObject({ add: 0, change: 0, unchanged: 3 })
  })

  it('reads a UTF-8 CSV with a BOM and an explicit column mapping', async () => {
    const csv = '\uFEFF编码;描述;价格\nA-9;测试件;"1.234,00"\nA-10;测试件二;12\n'
    const p = await preview(Buffer.from(csv, 'utf8'), 'list.csv', { headerRow: 1, mapping: { partNumber: 0, name: 1, price: 2 } })
    expect(p.encoding).toBe('utf-8')
    expect(p.errors).toEqual([{ line: 2, field: 'price', message: '金额无法识别：1.234,00' }])
    expect(p.rows.map((r) => r.row)).toEqual([{ line: 3, partNumber: 'A-10', name: '测试件二', priceFen: 1_200 }])
  })

  it('reads an XLSX price list written by a spreadsheet program, numbers as numbers', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('价格表')
    ws.addRow(['Part No.', 'Description', 'Retail Price', 'Dealer Net', 'Bin', 'Status'])
    ws.addRow(['8W0-407-151-A', '控制臂', 1234.5, 0.1 + 0.2, 'E-01-01', '有效'])
    ws.addRow([4_000_123, '螺栓', 12.3, 5, 'E-01-02', '停用'])
    ws.addRow(['8W0 407 151 A', '重复', 1, 1, '', ''])
    const bytes = Buffer.from(await wb.xlsx.writeBuffer())
    const p = await preview(bytes, 'list.xlsx')
    expect(p).toMatchObject({ format: 'xlsx', sheet: '价格表', headerRow: 1, add: 2 })
    expect(p.rows.map((r) => r.row)).toEqual([
      { line: 2, partNumber: '8W0-407-151-A', name: '控制臂', priceFen: 123_450, costFen: 30, bin: 'E-01-01', active: true },
      { line: 3, partNumber: '4000123', name: '螺栓', priceFen: 1_230, costFen: 500, bin: 'E-01-02', active: false },
    ])
    expect(p.errors.map((e) => e.line)).toEqual([4])
  })

  it('says so when no heading row can be found', async () => {
    const p = await preview(Buffer.from('a,b\n1,2\n'), 'x.csv')
    expect(p.errors).toEqual([{ line: 0, field: 'partNumber', message: '未找到表头行（须包含“零件号”等列名），请指定表头行和列对应' }])
  })
})
