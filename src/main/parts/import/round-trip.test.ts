import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from '../../test-support/test-app'

// A price list imported twice is unchanged the second time, in every file format a dealer gets:
// names keep their full-width punctuation byte for byte (（朗逸）, 【原厂】, ：, ，), and only the
// matching keys (part number, supplier) are folded.

let t: TestApp
beforeAll(async () => {
  t = await makeTestApp({ roles: ['parts_clerk', 'parts_supervisor'] })
  await t.ok('parts_supervisor', 'purchasing.suppliers.save', { code: 'FAW-VW', name: '一汽（大众）华南', active: true })
})
afterAll(() => t.close())

const NAMES = ['前保险杠（朗逸）', '机油滤清器【原厂】', '火花塞：铱金，4 支装', '雨刮片“静音”版', '刹车片 — 前轮']
const rows = (prefix: string) => NAMES.map((name, i) => [`${prefix}-${i + 1}`, name, '个', `${(i + 1) * 10}.00`, '一汽(大众)华南'])
const HEAD = ['零件号', '零件名称', '单位', '建议零售价', '供应商']
const csv = (lines: string[][]) => lines.map((l) => l.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n')

async function xlsx(lines: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('价格表')
  for (const l of lines) ws.addRow(l)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

async function preview(bytes: Buffer, fileName: string) {
  return t.ok('parts_supervisor', 'parts.import.preview', { fileName, contentBase64: bytes.toString('base64') })
}

const storedName = (partNumber: string) =>
  (t.app.store.prepare('SELECT name, hex(name) AS hex FROM parts WHERE part_number = ?').get(partNumber) as { name: string; hex: string } | undefined)

describe('importing the same price list twice', () => {
  const files: [string, string, () => Promise<Buffer>][] = [
    ['GBK CSV', 'gbk.csv', async () => iconv.encode(csv([HEAD, ...rows('GBK')]), 'gbk')],
    ['UTF-8 CSV', 'utf8.csv', async () => Buffer.from(`\uFEFF${csv([HEAD, ...rows('UTF')])}`, 'utf8')],
    ['XLSX', 'list.xlsx', () => xlsx([HEAD, ...rows('XLS')])],
  ]
  for (const [format, fileName, bytes] of files) {
    it(`${format}: stores every name byte for byte as the file has it, and the second import finds all rows unchanged`, async () => {
      const prefix = fileName.startsWith('gbk') ? 'GBK' : fileName.startsWith('utf8') ? 'UTF' : 'XLS'
      const first = await preview(await bytes(), fileName)
      expect(first.errors).toEqual([])
      expect(first).toMatchObject({ add: NAMES.length, change: 0 })
      expect(first.rows.map((r) => r.row.name)).toEqual(NAMES)
      await t.ok('parts_supervisor', 'parts.import.apply', { fileName, rows: first.rows.map((r) => r.row), expect: { add: first.add, change: first.change } })
      NAMES.forEach((name, i) => {
        const stored = storedName(`${prefix}-${i + 1}`)!
        expect(stored.name).toBe(name)
        expect(stored.hex).toBe(Buffer.from(name, 'utf8').toString('hex').toUpperCase())
      })
      const second = await preview(await bytes(), fileName)
      expect(second).toMatchObject({ add: 0, change: 0, unchanged: NAMES.length })
      const parts = await t.ok('parts_clerk', 'parts.search', { q: prefix, limit: 10 })
      expect(parts.every((p) => p.supplierName === '一汽（大众）华南')).toBe(true)
    })
  }

  it('shows a name that was folded to ASCII punctuation as changed, and restores the file’s text', async () => {
    t.app.store.prepare(`UPDATE parts SET name = '前保险杠(朗逸)' WHERE part_number = 'GBK-1'`).run()
    const p = await preview(iconv.encode(csv([HEAD, ...rows('GBK')]), 'gbk'), 'gbk.csv')
    expect(p).toMatchObject({ add: 0, change: 1, unchanged: NAMES.length - 1 })
    expect(p.rows.find((r) => r.action === 'change')).toMatchObject({ row: { partNumber: 'GBK-1', name: '前保险杠（朗逸）' }, before: { name: '前保险杠(朗逸)' } })
  })

  it('finds a part typed with full-width letters and keeps the typed supplier name as saved', async () => {
    const hits = await t.ok('parts_clerk', 'parts.search', { q: 'ＧＢＫ－１', limit: 5 })
    expect(hits.map((h) => h.partNumber)).toContain('GBK-1')
    const byName = await t.ok('parts_clerk', 'parts.search', { q: '保险杠(朗逸', limit: 5 })
    expect(byName.map((h) => h.partNumber)).toContain('GBK-1')
    const supplier = t.app.store.prepare(`SELECT name FROM suppliers WHERE code = 'FAW-VW'`).get() as { name: string }
    expect(supplier.name).toBe('一汽（大众）华南')
  })
})
