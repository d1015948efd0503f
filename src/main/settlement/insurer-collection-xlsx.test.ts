import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { readyRo } from '../rules/test-helpers'

// The insurers' month-end collection list as XLSX, read back and compared cell by cell with the
// rows `insurance.receivables` answers for the same day.

let t: TestApp

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'cashier', 'front_desk_supervisor', 'technician'] })
})
afterAll(() => t.close())

const claim = (insurer: string, reportNo: string) => ({ insurer, policyNo: `P-${reportNo}`, reportNo, insuredName: '王先生', reportedOn: '2026-11-25', arrivedOn: '2026-11-26', assessedOn: '2026-11-27' })

async function settledInsuranceRo(insurer: string, reportNo: string, amountFen: number) {
  const ro = await readyRo(t, { type: 'insurance', lines: [{ payer: 'insurance', amountFen }] })
  await t.ok('service_advisor', 'insurance.save', { roId: ro.id, version: 0, ...claim(insurer, reportNo), lines: [{ lineId: (await t.ok('service_advisor', 'insurance.get', { roId: ro.id })).lines[0]!.lineId, assessedFen: amountFen }] })
  const view = await t.ok('cashier', 'settlement.get', { roId: ro.id })
  return t.ok('cashier', 'settlement.settle', { roId: ro.id, version: view.ro.version })
}

async function xlsx(who: 'front_desk_supervisor' | 'cashier', asOf: string | undefined, locale: 'zh-CN' | 'en') {
  const answer = await t.call(who, 'insurance.collection.xlsx', asOf ? { asOf } : {}, { locale })
  if (!answer.ok) throw new Error(answer.message)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(answer.data.base64, 'base64') as unknown as ArrayBuffer)
  return { file: answer.data, workbook }
}

const cells = (sheet: ExcelJS.Worksheet) => {
  const rows: unknown[][] = []
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return rows
}

describe('the month-end collection list as XLSX', () => {
  it('holds the ageing per insurer and every open insurance invoice exactly as the API lists them', async () => {
    await settledInsuranceRo('中国人保', 'RB-1', 80_000)
    const paidOne = await settledInsuranceRo('平安保险', 'PA-1', 50_000)
    await settledInsuranceRo('平安保险', 'PA-2', 33_333)
    const paInvoice = paidOne.invoices.find((i) => i.payer === 'insurance')!
    await t.ok('cashier', 'settlement.pay', { invoiceId: paInvoice.id, method: 'transfer', amountFen: 20_000, reference: 'PA-1 部分' })

    const api = await t.ok('front_desk_supervisor', 'insurance.receivables', { asOf: '2026-12-20' })
    const { file, workbook } = await xlsx('front_desk_supervisor', '2026-12-20', 'zh-CN')
    expect(file).toMatchObject({ fileName: 'insurer-collection-2026-12-20.xlsx', rows: api.rows.length })
    const [ageing, list] = workbook.worksheets
    expect(ageing!.name).toBe('账龄')
    expect(list!.name).toBe('月末回款清单')

    const ageingRows = cells(ageing!)
    expect(ageingRows[0]).toEqual(['保险公司', '张数', '30 天内', '31–60 天', '61–90 天', '90 天以上', '已逾期', '未收金额'])
    expect(ageingRows.slice(1)).toEqual(
      api.insurers.map((s) => [s.insurer, s.count, s.buckets.d0_30 / 100, s.buckets.d31_60 / 100, s.buckets.d61_90 / 100, s.buckets.d90_plus / 100, s.overdueFen / 100, s.balanceFen / 100]),
    )
    const listRows = cells(list!).slice(1)
    expect(listRows).toEqual(api.rows.map((r) => [r.insurer, r.claimNo, r.number, r.roNumber, r.customerName, r.issuedAt.slice(0, 10), r.grossFen / 100, r.paidFen / 100, r.balanceFen / 100, r.dueOn, r.ageDays]))
    const pa1 = listRows.find((r) => r[1] === 'PA-1')!
    expect(pa1[7]).toBe(200)
    // The sheet's outstanding column adds up to the API's balance to the fen.
    expect(Math.round(listRows.reduce((s, r) => s + Number(r[8]) * 100, 0))).toBe(api.balanceFen)

    const en = await xlsx('cashier', undefined, 'en')
    expect(en.workbook.worksheets.map((s) => s.name)).toEqual(['Ageing', 'Month-end collection'])
    expect(await t.call('technician', 'insurance.collection.xlsx', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
