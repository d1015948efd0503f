import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { claimInput, warrantyRo } from './test-warranty'

// The maker's payment list (保修付款清单) through the real dispatcher: the dry run, a bad line refused
// with its number, a cut line that must be written off or re-charged with a reason, the apply
// (payments on the warranty invoice through settlement's payment service), importing again
// changing nothing, and the money reconciling to the fen with the settlement ledger.

let t: TestApp

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'workshop_supervisor', 'parts_clerk', 'warranty_clerk', 'cashier'] })
})
afterAll(() => t.close())

/** A claim submitted to the maker on a settled RO (so its warranty invoice stands). */
async function submittedClaim() {
  const ro = await warrantyRo(t)
  const draft = await t.ok('warranty_clerk', 'warranty.claim.fromRo', { roId: ro.roId })
  const saved = await t.ok('warranty_clerk', 'warranty.claim.save', claimInput(draft))
  const checked = await t.ok('warranty_clerk', 'warranty.claim.check', { id: saved.id, version: saved.version })
  const submitted = await t.ok('warranty_clerk', 'warranty.claim.submit', { id: checked.id, version: checked.version })
  const head = await t.ok('cashier', 'ro.get', { id: ro.roId })
  await t.ok('cashier', 'settlement.settle', { roId: ro.roId, version: head.version })
  return t.ok('warranty_clerk', 'warranty.claim.get', { id: submitted.id })
}

const csv = (rows: string[][]) => Buffer.from(`\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`, 'utf8').toString('base64')
const yuanText = (fen: number) => (fen / 100).toFixed(2)

const count = (sql: string, ...params: unknown[]) => (t.app.store.sqlite.prepare(sql).get(...params) as { n: number }).n

async function warrantyReceivable(invoiceIds: readonly number[]) {
  const list = await t.ok('warranty_clerk', 'receivables.list', { payer: 'warranty', limit: 1000 })
  return list.rows.filter((r) => invoiceIds.includes(r.invoiceId)).reduce((s, r) => s + r.balanceFen, 0)
}

describe('importing a payment list', () => {
  it('previews claimed vs paid, refuses a bad line by number, needs a reason for a cut, applies once, and reconciles to the fen', async () => {
    const full = await submittedClaim()
    const cut = await submittedClaim()
    const open = await submittedClaim()
    for (const c of [full, cut, open]) {
      // One claim per RO: the claim's share is the whole warranty invoice, VAT included.
      expect(c.money.invoice).not.toBeNull()
      expect(c.money.claimedFen).toBe(c.money.invoice?.grossFen)
      expect(c.money.claimedFen).toBeGreaterThan(c.totalFen)
    }
    const fullClaimed = full.money.claimedFen ?? 0
    const cutClaimed = cut.money.claimedFen ?? 0
    const cutPaid = cutClaimed - 12_345
    const header = ['索赔单号', '付款金额', '厂家单号', '扣款原因']
    const good = [
      [full.number, yuanText(fullClaimed), 'FAW-P-001', ''],
      [cut.number, yuanText(cutPaid), 'FAW-P-002', '工时按标准核减'],
    ]
    const withBad = csv([header, ...good, ['SP2026999999', '100.00', '', '']])
    const paymentsBefore = count('SELECT COUNT(*) AS n FROM payments')

    const preview = await t.ok('warranty_clerk', 'warranty.payments.preview', { fileName: '付款清单-11月.csv', contentBase64: withBad })
    expect(preview).toMatchObject({ format: 'csv', headerRow: 1, totalLines: 3, claimedFen: fullClaimed + cutClaimed, paidFen: fullClaimed + cutPaid, differenceFen: 12_345 })
    expect(preview.lines).toEqual([
      expect.objectContaining({ line: 2, claimNumber: full.number, action: 'pay', claimedFen: fullClaimed, paidFen: fullClaimed, differenceFen: 0, state: 'submitted' }),
      expect.objectContaining({ line: 3, claimNumber: cut.number, action: 'pay', differenceFen: 12_345, note: '工时按标准核减' }),
    ])
    expect(preview.errors).toEqual([expect.objectContaining({ line: 4, field: 'claimNumber', message: expect.stringContaining('SP2026999999') })])
    // A dry run writes nothing.
    expect(count('SELECT COUNT(*) AS n FROM payments')).toBe(paymentsBefore)
    expect((await t.ok('warranty_clerk', 'warranty.claim.get', { id: full.id })).state).toBe('submitted')

    const lines = (rows: string[][]) => rows.map((r, i) => ({ line: i + 2, claimNumber: r[0]!, paidFen: Math.round(Number(r[1]) * 100), makerRef: r[2]!, note: r[3]! }))
    const difference = { line: 3, disposition: 'write_off' as const, reason: '厂家按标准工时核减，差额核销' }

    // A bad line is refused with its number, and nothing is applied.
    const bad = await t.call('warranty_clerk', 'warranty.payments.apply', {
      fileName: '付款清单-11月.csv',
      lines: [...lines(good), { line: 4, claimNumber: 'SP2026999999', paidFen: 10_000, makerRef: '', note: '' }],
      differences: [difference],
      expect: { pay: 2 },
    })
    expect(bad).toMatchObject({ ok: false, code: 'VALIDATION', details: { lines: [expect.objectContaining({ line: 4 })] } })
    expect(count('SELECT COUNT(*) AS n FROM payments')).toBe(paymentsBefore)

    // The cut line needs its disposition and reason.
    const unexplained = await t.call('warranty_clerk', 'warranty.payments.apply', { fileName: '付款清单-11月.csv', lines: lines(good), expect: { pay: 2 } })
    expect(unexplained).toMatchObject({ ok: false, code: 'VALIDATION', details: { lines: [expect.objectContaining({ line: 3 })] } })
    expect(count('SELECT COUNT(*) AS n FROM warranty_claim_payments')).toBe(0)

    const applied = await t.ok('warranty_clerk', 'warranty.payments.apply', { fileName: '付款清单-11月.csv', lines: lines(good), differences: [difference], expect: { pay: 2 } })
    expect(applied).toMatchObject({ paid: 2, unchanged: 0, paidFen: fullClaimed + cutPaid, writtenOffFen: 12_345 })

    const paidFull = await t.ok('warranty_clerk', 'warranty.claim.get', { id: full.id })
    const paidCut = await t.ok('warranty_clerk', 'warranty.claim.get', { id: cut.id })
    expect(paidFull).toMatchObject({ state: 'paid', paidFen: fullClaimed, approvedFen: fullClaimed, makerRef: 'FAW-P-001', money: { paidFen: fullClaimed, writtenOffFen: 0, invoice: { balanceFen: 0 } } })
    expect(paidCut).toMatchObject({
      state: 'paid',
      paidFen: cutPaid,
      money: { claimedFen: cutClaimed, paidFen: cutPaid, writtenOffFen: 12_345, disposition: 'write_off', differenceReason: difference.reason, invoice: { balanceFen: 0 } },
    })
    expect(paidCut.log.map((l) => l.toState).slice(-2)).toEqual(['approved', 'paid'])
    // The payments are the settlement ledger's own (transfer, on the warranty invoice).
    const settlement = await t.ok('cashier', 'settlement.get', { roId: cut.ro.id })
    expect(settlement.payments).toEqual([expect.objectContaining({ payer: 'warranty', method: 'transfer', amountFen: cutPaid, reference: 'FAW-P-002' })])
    expect(settlement.invoices.find((i) => i.payer === 'warranty')?.balanceFen).toBe(0)

    // Reconciles to the fen: the warranty receivable = claimed − paid − written off.
    const invoiceIds = [full, cut, open].map((c) => c.money.invoice!.id)
    const claims = await Promise.all([full, cut, open].map((c) => t.ok('warranty_clerk', 'warranty.claim.get', { id: c.id })))
    const expected = claims.reduce((s, c) => s + (c.money.claimedFen ?? 0) - (c.money.paidFen ?? 0) - c.money.writtenOffFen, 0)
    expect(await warrantyReceivable(invoiceIds)).toBe(expected)
    expect(expected).toBe(open.money.claimedFen)

    // The audit trail: the import, each claim's payment and the written-off difference, the invoice payments.
    const actions = (t.app.store.sqlite.prepare(`SELECT action FROM audit_log WHERE entity IN ('warranty_payment_import', 'invoice', 'warranty_claim') AND at >= (SELECT MAX(at) FROM warranty_payment_imports) ORDER BY id`).all() as { action: string }[]).map((a) => a.action)
    expect(actions).toEqual(expect.arrayContaining(['warranty.payments.import', 'warranty.claim.pay', 'warranty.claim.difference', 'settlement.pay']))

    // Importing the same list again changes nothing.
    const again = await t.ok('warranty_clerk', 'warranty.payments.preview', { fileName: '付款清单-11月.csv', contentBase64: csv([header, ...good]) })
    expect(again.lines.map((l) => l.action)).toEqual(['same', 'same'])
    const paymentsAfter = count('SELECT COUNT(*) AS n FROM payments')
    expect(await t.ok('warranty_clerk', 'warranty.payments.apply', { fileName: '付款清单-11月.csv', lines: lines(good), differences: [difference], expect: { pay: 0 } })).toMatchObject({
      importId: null,
      paid: 0,
      unchanged: 2,
    })
    expect(count('SELECT COUNT(*) AS n FROM payments')).toBe(paymentsAfter)
    expect(await warrantyReceivable(invoiceIds)).toBe(expected)

    // A different amount for a claim already paid is a bad line, not a second payment.
    const changed = await t.ok('warranty_clerk', 'warranty.payments.preview', { fileName: 'x.csv', contentBase64: csv([header, [full.number, '1.00', '', '']]) })
    expect(changed.errors).toEqual([expect.objectContaining({ line: 2, field: 'paid' })])
  })

  it('reads XLSX lists, re-charges a rejected claim to the customer, and refuses what cannot be paid', async () => {
    const rejected = await submittedClaim()
    const decided = await t.ok('warranty_clerk', 'warranty.claim.decide', { id: rejected.id, version: rejected.version, decision: 'reject', reason: '非质量问题' })
    const notSettled = await warrantyRo(t)
    const draft = await t.ok('warranty_clerk', 'warranty.claim.fromRo', { roId: notSettled.roId })
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('付款明细')
    sheet.addRow(['某某汽车 保修付款清单 2026年11月'])
    sheet.addRow(['序号', '索赔号', '实付金额', '备注'])
    sheet.addRow([1, decided.number, 0, '拒赔'])
    sheet.addRow([2, draft.number, 100, ''])
    sheet.addRow([3, decided.number, 'abc', ''])
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64')
    const preview = await t.ok('warranty_clerk', 'warranty.payments.preview', { fileName: '付款清单.xlsx', contentBase64: bytes })
    expect(preview).toMatchObject({ format: 'xlsx', sheet: '付款明细', headerRow: 2 })
    expect(preview.lines).toEqual([expect.objectContaining({ line: 3, claimNumber: decided.number, paidFen: 0, differenceFen: decided.money.claimedFen })])
    expect(preview.errors.map((e) => [e.line, e.field])).toEqual([
      [4, 'claimNumber'],
      [5, 'paid'],
    ])
    const none = await t.ok('warranty_clerk', 'warranty.payments.preview', { fileName: 'x.csv', contentBase64: csv([['工单号', '金额'], ['RO1', '1']]) })
    expect(none.errors).toEqual([expect.objectContaining({ line: 0 })])

    const applied = await t.ok('warranty_clerk', 'warranty.payments.apply', {
      fileName: '付款清单.xlsx',
      lines: [{ line: 3, claimNumber: decided.number, paidFen: 0, makerRef: '', note: '拒赔' }],
      differences: [{ line: 3, disposition: 'recharge_customer', reason: '非质量问题，转客户付费' }],
      expect: { pay: 1 },
    })
    expect(applied).toMatchObject({ paid: 1, paidFen: 0, writtenOffFen: decided.money.claimedFen })
    const after = await t.ok('warranty_clerk', 'warranty.claim.get', { id: decided.id })
    expect(after).toMatchObject({ state: 'written_off', money: { paidFen: 0, disposition: 'recharge_customer', invoice: { balanceFen: 0 } } })
    // The dry run promised a different count: a CONFLICT, nothing applied.
    const stale = await t.call('warranty_clerk', 'warranty.payments.apply', { fileName: 'x.csv', lines: [{ line: 2, claimNumber: decided.number, paidFen: 0 }], expect: { pay: 1 } })
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' })
  })

  it('records a payment or a write-off by hand on a settled RO in the same ledger', async () => {
    const cut = await submittedClaim()
    const approved = await t.ok('warranty_clerk', 'warranty.claim.decide', { id: cut.id, version: cut.version, decision: 'approve' })
    const share = approved.money.claimedFen ?? 0
    // Paid less than the share: the difference needs its disposition and reason.
    const unexplained = await t.call('warranty_clerk', 'warranty.claim.pay', { id: approved.id, version: approved.version, paidFen: share - 1_000 })
    expect(unexplained).toMatchObject({ ok: false, code: 'VALIDATION' })
    const paid = await t.ok('warranty_clerk', 'warranty.claim.pay', {
      id: approved.id,
      version: approved.version,
      paidFen: share - 1_000,
      reference: 'BANK-0091',
      difference: { disposition: 'recharge_internal', reason: '工时核减，内部承担' },
    })
    expect(paid).toMatchObject({ state: 'paid', paidFen: share - 1_000, money: { writtenOffFen: 1_000, disposition: 'recharge_internal', invoice: { balanceFen: 0 } } })

    const rejected = await submittedClaim()
    const decided = await t.ok('warranty_clerk', 'warranty.claim.decide', { id: rejected.id, version: rejected.version, decision: 'reject', reason: '超出保修范围' })
    const writtenOff = await t.ok('warranty_clerk', 'warranty.claim.writeOff', { id: decided.id, version: decided.version, reason: '厂家拒赔，核销' })
    expect(writtenOff).toMatchObject({ state: 'written_off', money: { paidFen: 0, writtenOffFen: decided.money.claimedFen, invoice: { balanceFen: 0 } } })
    expect(await warrantyReceivable([paid.money.invoice!.id, writtenOff.money.invoice!.id])).toBe(0)
  })

  it('is for the warranty desk', async () => {
    expect(await t.call('cashier', 'warranty.payments.preview', { fileName: 'x.csv', contentBase64: csv([['索赔单号', '付款金额']]) })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
