import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { claimInput, warrantyRo } from './test-warranty'

// A re-charged difference is money owed: the maker's receivable is written down and the same amount
// is invoiced to the RO's customer (payable at the cashier) or to the internal account, in one
// transaction, once — and the three invoices reconcile to the fen.

let t: TestApp

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'workshop_supervisor', 'parts_clerk', 'warranty_clerk', 'cashier'] })
})
afterAll(() => t.close())

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

const count = (sql: string, ...params: unknown[]) => (t.app.store.sqlite.prepare(sql).get(...params) as { n: number }).n

describe('re-charging a claim difference', () => {
  it('invoices the cut to the RO customer, payable at the cashier, reconciling to the fen, once', async () => {
    const claim = await submittedClaim()
    const claimed = claim.money.claimedFen!
    const cut = 12_347
    const lines = [{ line: 2, claimNumber: claim.number, paidFen: claimed - cut, makerRef: 'FAW-R-1', note: '非三包范围' }]
    const differences = [{ line: 2, disposition: 'recharge_customer' as const, reason: '客户使用不当，差额转客户付费' }]
    const invoicesBefore = count('SELECT COUNT(*) AS n FROM invoices')

    await t.ok('warranty_clerk', 'warranty.payments.apply', { fileName: 'list.csv', lines, differences, expect: { pay: 1 } })
    const after = await t.ok('warranty_clerk', 'warranty.claim.get', { id: claim.id })
    expect(after.money).toMatchObject({ writtenOffFen: cut, disposition: 'recharge_customer', invoice: { balanceFen: 0 }, recharge: { payer: 'customer', grossFen: cut, balanceFen: cut } })
    expect(count('SELECT COUNT(*) AS n FROM invoices')).toBe(invoicesBefore + 1)

    // The settlement view of the RO shows the new customer invoice, open, beside the warranty one.
    const view = await t.ok('cashier', 'settlement.get', { roId: claim.ro.id })
    const warranty = view.invoices.find((i) => i.payer === 'warranty')!
    const recharge = view.invoices.find((i) => i.id === after.money.recharge!.id)!
    expect(recharge).toMatchObject({ payer: 'customer', kind: 'invoice', state: 'issued', grossFen: cut, balanceFen: cut })
    expect(recharge.netFen + recharge.vatFen).toBe(cut)
    expect(view.customerBalanceFen).toBe(cut)
    // To the fen: the maker's invoice = paid + written down; the written-down amount is the new invoice.
    expect(warranty.grossFen).toBe(warranty.paidFen + after.money.writtenOffFen)
    expect(warranty.paidFen).toBe(claimed - cut)
    expect(recharge.grossFen).toBe(after.money.writtenOffFen)
    // VAT in the warranty invoice's own proportion, so the VAT re-charged never exceeds what was on it.
    expect(recharge.vatFen).toBe(Math.round((cut * warranty.vatFen) / warranty.grossFen))
    const customerId = (t.app.store.sqlite.prepare('SELECT customer_id AS c FROM repair_orders WHERE id = ?').get(claim.ro.id) as { c: number }).c
    expect(count('SELECT COUNT(*) AS n FROM invoices WHERE id = ? AND customer_id = ?', recharge.id, customerId)).toBe(1)

    // In receivables as the customer's.
    const receivables = await t.ok('cashier', 'receivables.list', { payer: 'customer', limit: 1000 })
    expect(receivables.rows.find((r) => r.invoiceId === recharge.id)).toMatchObject({ payer: 'customer', balanceFen: cut, roNumber: claim.ro.number })
    const warrantyOpen = await t.ok('cashier', 'receivables.list', { payer: 'warranty', limit: 1000 })
    expect(warrantyOpen.rows.find((r) => r.invoiceId === warranty.id)).toBeUndefined()

    // The audit entry names the invoice raised.
    const audit = t.app.store.sqlite.prepare(`SELECT detail FROM audit_log WHERE action = 'warranty.claim.difference' AND entity_id = ? ORDER BY id DESC`).get(String(claim.id)) as { detail: string }
    expect(JSON.parse(audit.detail)).toMatchObject({ rechargeInvoiceId: recharge.id, rechargeInvoiceNumber: recharge.number, amountFen: cut })

    // Applying the same list again changes nothing: no second invoice.
    await t.ok('warranty_clerk', 'warranty.payments.apply', { fileName: 'list.csv', lines, differences, expect: { pay: 0 } })
    expect(count('SELECT COUNT(*) AS n FROM invoices')).toBe(invoicesBefore + 1)

    // Payable at the cashier like any open customer invoice.
    const paid = await t.ok('cashier', 'settlement.pay', { invoiceId: recharge.id, method: 'wechat_pay', amountFen: cut, reference: '' })
    expect(paid.invoices.find((i) => i.id === recharge.id)?.balanceFen).toBe(0)
    expect(paid.customerBalanceFen).toBe(0)
    expect((await t.ok('warranty_clerk', 'warranty.claim.get', { id: claim.id })).money.recharge).toMatchObject({ balanceFen: 0 })
  })

  it('books an internal re-charge to the internal account, as settlement bills internal lines', async () => {
    const claim = await submittedClaim()
    const approved = await t.ok('warranty_clerk', 'warranty.claim.decide', { id: claim.id, version: claim.version, decision: 'approve' })
    const share = approved.money.claimedFen!
    const paid = await t.ok('warranty_clerk', 'warranty.claim.pay', {
      id: approved.id,
      version: approved.version,
      paidFen: share - 1_000,
      reference: 'BANK-7',
      difference: { disposition: 'recharge_internal', reason: '工时核减，内部承担' },
    })
    expect(paid.money.recharge).toMatchObject({ payer: 'internal', grossFen: 1_000, balanceFen: 1_000 })
    expect(count(`SELECT COUNT(*) AS n FROM invoices WHERE id = ? AND payer = 'internal' AND customer_id IS NULL`, paid.money.recharge!.id)).toBe(1)
    const internal = await t.ok('cashier', 'receivables.list', { payer: 'internal', limit: 1000 })
    expect(internal.rows.find((r) => r.invoiceId === paid.money.recharge!.id)?.balanceFen).toBe(1_000)
  })

  it('raises no invoice for a plain write-off', async () => {
    const claim = await submittedClaim()
    const decided = await t.ok('warranty_clerk', 'warranty.claim.decide', { id: claim.id, version: claim.version, decision: 'reject', reason: '超出保修范围' })
    const before = count('SELECT COUNT(*) AS n FROM invoices')
    const written = await t.ok('warranty_clerk', 'warranty.claim.writeOff', { id: decided.id, version: decided.version, reason: '厂家拒赔，核销' })
    expect(written.money).toMatchObject({ disposition: 'write_off', recharge: null })
    expect(count('SELECT COUNT(*) AS n FROM invoices')).toBe(before)
  })
})
