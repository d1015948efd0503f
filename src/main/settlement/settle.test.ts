import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { totalsOf } from '../../shared/domain/money'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { dbFingerprint } from '../test-support/fixtures'
import { readyRo } from '../rules/test-helpers'

// Settlement through the real dispatcher: invoices per payer, discounts and their cap,
// payments, receivables, delivery with the gate pass, and reversal instead of editing.

let t: TestApp

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'workshop_supervisor', 'cashier', 'front_desk_supervisor', 'service_manager', 'technician'] })
})
afterAll(() => t.close())

const mixed = [
  { payer: 'customer' as const, amountFen: 45_000 },
  { payer: 'customer' as const, amountFen: 13_601 },
  { payer: 'warranty' as const, amountFen: 33_333 },
  { payer: 'warranty' as const, amountFen: 33_333 },
  { payer: 'insurance' as const, amountFen: 13_329 },
]
const insurance = { insurer: '中国人保', claimNo: 'RDAA2026110001' }
const auditActions = (roId: number) =>
  (t.app.store.sqlite.prepare(`SELECT action FROM audit_log WHERE entity = 'repair_order' AND entity_id = ? ORDER BY id`).all(String(roId)) as { action: string }[]).map((a) => a.action)

describe('settling a ready RO', () => {
  it('issues one invoice per payer whose amounts add up to the RO gross to the fen, and locks the RO', async () => {
    const ro = await readyRo(t, { type: 'repair', lines: mixed })
    const view = await t.ok('cashier', 'settlement.settle', {
      roId: ro.id,
      version: ro.version,
      insurance,
      payments: [
        { payer: 'customer', method: 'wechat_pay', amountFen: 30_000, reference: 'WX123' },
        { payer: 'customer', method: 'cash', amountFen: 10_000 },
      ],
    })
    const expected = totalsOf(mixed.map((l) => ({ ...l, vatRateBp: 1300 })))
    expect(view.ro).toMatchObject({ state: 'settled', version: ro.version + 1, settledAt: '2026-11-27T10:30:00+08:00', grossFen: expected.grossFen })
    expect(view.invoices.map((i) => [i.payer, i.netFen, i.vatFen, i.grossFen])).toEqual(
      (['customer', 'warranty', 'insurance'] as const).map((p) => [p, expected.byPayer[p].netFen, expected.byPayer[p].vatFen, expected.byPayer[p].grossFen]),
    )
    expect(view.invoices.reduce((s, i) => s + i.grossFen, 0)).toBe(expected.grossFen)
    expect(view.invoices[0]).toMatchObject({ number: 'INV2026000001', paidFen: 40_000, balanceFen: expected.byPayer.customer.grossFen - 40_000 })
    expect(view.invoices[2]).toMatchObject({ insurer: '中国人保', claimNo: 'RDAA2026110001' })
    expect(view.payments.map((p) => [p.method, p.amountFen])).toEqual([
      ['wechat_pay', 30_000],
      ['cash', 10_000],
    ])
    expect(view.drafts).toEqual([])
    expect(auditActions(ro.id).at(-1)).toBe('ro.settle')
    // Locked: the estimate cannot be edited any more.
    const edit = await t.call('service_advisor', 'ro.saveLines', { id: ro.id, version: view.ro.version, lines: [] })
    expect(edit.ok).toBe(false)
  })

  it('refuses an RO that is not ready, changing nothing', async () => {
    const ro = await readyRo(t, { type: 'maintenance', lines: [{ payer: 'customer', amountFen: 10_000 }], stopAt: 'in_progress' })
    const before = dbFingerprint(t.app.store)
    const zh = await t.call('cashier', 'settlement.settle', { roId: ro.id, version: ro.version })
    expect(zh).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect(zh.ok === false && zh.message).toContain('维修中')
    const en = await t.call('cashier', 'settlement.settle', { roId: ro.id, version: ro.version }, { locale: 'en' })
    expect(en.ok === false && en.message).toMatch(/only an RO ready for delivery/)
    expect(dbFingerprint(t.app.store)).toEqual(before)
  })

  it('refuses a stale copy with CONFLICT', async () => {
    const ro = await readyRo(t, { type: 'maintenance', lines: [{ payer: 'customer', amountFen: 10_000 }] })
    expect(await t.call('cashier', 'settlement.settle', { roId: ro.id, version: ro.version - 1 })).toMatchObject({ ok: false, code: 'CONFLICT' })
  })

  it('needs the insurer and claim number when the insurer pays', async () => {
    const ro = await readyRo(t, { type: 'insurance', lines: [{ payer: 'insurance', amountFen: 80_000 }] })
    const result = await t.call('cashier', 'settlement.settle', { roId: ro.id, version: ro.version }, { locale: 'en' })
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(result.ok === false && result.details?.fields?.[0]?.field).toBe('insurance')
  })
})

describe('discounts', () => {
  const gross = 11_300 // 10,000 net + 13 % VAT

  it('lets the cashier give up to the cap (5 %) and takes its VAT share off the VAT', async () => {
    const ro = await readyRo(t, { type: 'maintenance', lines: [{ payer: 'customer', amountFen: 10_000 }] })
    const view = await t.ok('cashier', 'settlement.settle', { roId: ro.id, version: ro.version, discounts: [{ payer: 'customer', amountFen: 565 }] })
    expect(view.invoices[0]).toMatchObject({ grossFen: gross - 565, discountFen: 565, vatFen: 1300 - 65, netFen: 10_000 - 500 })
  })

  it('refuses the cashier more than the cap, naming the limit; a supervisor may give it', async () => {
    const ro = await readyRo(t, { type: 'maintenance', lines: [{ payer: 'customer', amountFen: 10_000 }] })
    const input = { roId: ro.id, version: ro.version, discounts: [{ payer: 'customer' as const, amountFen: 566 }] }
    const refused = await t.call('cashier', 'settlement.settle', input, { locale: 'en' })
    expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(refused.ok === false && refused.message).toBe('The Customer discount of ¥5.66 is over 5% (¥5.65); it needs the large-discount permission')
    const view = await t.ok('front_desk_supervisor', 'settlement.settle', input)
    expect(view.invoices[0]?.grossFen).toBe(gross - 566)
  })

  it('refuses a discount larger than what the payer owes, or for a payer with no lines', async () => {
    const ro = await readyRo(t, { type: 'maintenance', lines: [{ payer: 'customer', amountFen: 10_000 }] })
    const tooLarge = await t.call('front_desk_supervisor', 'settlement.settle', { roId: ro.id, version: ro.version, discounts: [{ payer: 'customer', amountFen: gross + 1 }] })
    expect(tooLarge).toMatchObject({ ok: false, code: 'VALIDATION' })
    const noPayer = await t.call('front_desk_supervisor', 'settlement.settle', { roId: ro.id, version: ro.version, discounts: [{ payer: 'warranty', amountFen: 1 }] })
    expect(noPayer).toMatchObject({ ok: false, code: 'VALIDATION' })
  })
})

describe('payments, receivables and delivery', () => {
  it('keeps what is unpaid as the payer’s receivable, collects it later and refuses overpayment by a non-cash method', async () => {
    const ro = await readyRo(t, { type: 'insurance', lines: [{ payer: 'customer', amountFen: 10_000 }, { payer: 'insurance', amountFen: 50_000 }] })
    const settled = await t.ok('cashier', 'settlement.settle', { roId: ro.id, version: ro.version, insurance, payments: [{ payer: 'customer', method: 'alipay', amountFen: 5_000 }] })
    const [customer, insurer] = settled.invoices
    expect(settled).toMatchObject({ customerBalanceFen: 6_300, balanceFen: 6_300 + 56_500 })
    const list = await t.ok('cashier', 'receivables.list', {})
    expect(list.rows.filter((r) => r.roId === ro.id).map((r) => [r.payer, r.balanceFen, r.insurer, r.claimNo, r.bucket])).toEqual([
      ['customer', 6_300, null, null, 'd0_30'],
      ['insurance', 56_500, '中国人保', 'RDAA2026110001', 'd0_30'],
    ])
    const over = await t.call('cashier', 'settlement.pay', { invoiceId: customer!.id, method: 'bank_card', amountFen: 6_301 }, { locale: 'en' })
    expect(over).toMatchObject({ ok: false, code: 'VALIDATION', details: { fields: [{ field: 'amountFen' }] } })
    expect(over.ok === false && over.message).toBe('Bank card payment of ¥63.01 is more than the ¥63.00 open on invoice ' + customer!.number + ': only cash gives change, so take the exact amount')
    const zh = await t.call('cashier', 'settlement.pay', { invoiceId: customer!.id, method: 'wechat_pay', amountFen: 6_301 })
    expect(zh.ok === false && zh.message).toContain('非现金收款不能找零')
    const paid = await t.ok('cashier', 'settlement.pay', { invoiceId: customer!.id, method: 'cash', amountFen: 6_300 })
    expect(paid.customerBalanceFen).toBe(0)
    const collected = await t.ok('cashier', 'settlement.pay', { invoiceId: insurer!.id, method: 'transfer', amountFen: 56_500, reference: '银行回单 0042' })
    expect(collected.balanceFen).toBe(0)
    expect((await t.ok('cashier', 'receivables.list', {})).rows.some((r) => r.roId === ro.id)).toBe(false)
  })

  it('gives change for cash beyond the bill, at settlement and later, keeping what was tendered and the change', async () => {
    const ro = await readyRo(t, { type: 'maintenance', lines: [{ payer: 'customer', amountFen: 42_186 }] })
    // ¥476.70 owed; the customer hands over ¥500 in cash.
    const settled = await t.ok('cashier', 'settlement.settle', { roId: ro.id, version: ro.version, payments: [{ payer: 'customer', method: 'cash', amountFen: 50_000 }] })
    expect(settled.invoices[0]).toMatchObject({ grossFen: 47_670, paidFen: 47_670, balanceFen: 0 })
    expect(settled.payments.map((p) => [p.method, p.amountFen, p.tenderedFen, p.changeFen])).toEqual([['cash', 47_670, 50_000, 2_330]])
    expect(settled.customerBalanceFen).toBe(0)
    const audit = t.app.store.sqlite.prepare(`SELECT detail FROM audit_log WHERE action = 'ro.settle' AND entity_id = ? ORDER BY id DESC`).get(String(ro.id)) as { detail: string }
    expect(JSON.parse(audit.detail)).toMatchObject({ paidFen: 47_670, changeFen: 2_330 })

    const later = await readyRo(t, { type: 'maintenance', lines: [{ payer: 'customer', amountFen: 10_000 }] })
    const open = await t.ok('cashier', 'settlement.settle', { roId: later.id, version: later.version })
    const paid = await t.ok('cashier', 'settlement.pay', { invoiceId: open.invoices[0]!.id, method: 'cash', amountFen: 20_000 })
    expect(paid.payments.at(-1)).toMatchObject({ amountFen: 11_300, tenderedFen: 20_000, changeFen: 8_700 })
    // Nothing open any more: more cash is not a payment.
    const again = await t.call('cashier', 'settlement.pay', { invoiceId: open.invoices[0]!.id, method: 'cash', amountFen: 100 })
    expect(again).toMatchObject({ ok: false, code: 'VALIDATION' })
  })

  it('holds the car while the customer owes, unless someone allowed releases it on credit', async () => {
    const ro = await readyRo(t, { type: 'maintenance', lines: [{ payer: 'customer', amountFen: 10_000 }] })
    const settled = await t.ok('cashier', 'settlement.settle', { roId: ro.id, version: ro.version })
    const version = settled.ro.version
    expect(await t.call('cashier', 'settlement.deliver', { roId: ro.id, version })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect(await t.call('cashier', 'settlement.deliver', { roId: ro.id, version, onCredit: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const delivered = await t.ok('front_desk_supervisor', 'settlement.deliver', { roId: ro.id, version, onCredit: true })
    expect(delivered.ro).toMatchObject({ state: 'delivered', deliveredAt: '2026-11-27T10:30:00+08:00' })
    expect(delivered.gatePass).toMatchObject({ number: expect.stringMatching(/^GP2026\d{6}$/), onCredit: true, outstandingFen: 11_300 })
    expect(await t.call('front_desk_supervisor', 'settlement.reverse', { roId: ro.id, version: delivered.ro.version, reason: '开错了' })).toMatchObject({
      ok: false,
      code: 'INVALID_STATE',
    })
  })

  it('delivers a paid RO without any special permission', async () => {
    const ro = await readyRo(t, { type: 'warranty', lines: [{ payer: 'warranty', amountFen: 20_000 }] })
    const settled = await t.ok('cashier', 'settlement.settle', { roId: ro.id, version: ro.version })
    const delivered = await t.ok('service_advisor', 'settlement.deliver', { roId: ro.id, version: settled.ro.version })
    expect(delivered.gatePass?.onCredit).toBe(false)
  })

  it('ages receivables as of a past day, leaving out what was issued after it', async () => {
    const list = await t.ok('cashier', 'receivables.list', { asOf: '2026-11-26' })
    expect(list).toMatchObject({ asOf: '2026-11-26', rows: [], balanceFen: 0 })
  })
})

describe('reversal', () => {
  it('corrects with credit notes and refunds that point at the originals, and the RO can be settled again', async () => {
    const ro = await readyRo(t, { type: 'maintenance', lines: [{ payer: 'customer', amountFen: 20_000 }] })
    const settled = await t.ok('cashier', 'settlement.settle', { roId: ro.id, version: ro.version, payments: [{ payer: 'customer', method: 'bank_card', amountFen: 22_600 }] })
    expect(await t.call('cashier', 'settlement.reverse', { roId: ro.id, version: settled.ro.version, reason: '折扣漏给' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect((await t.callRaw('front_desk_supervisor', 'settlement.reverse', { roId: ro.id, version: settled.ro.version, reason: '' })).ok).toBe(false)
    const reversed = await t.ok('front_desk_supervisor', 'settlement.reverse', { roId: ro.id, version: settled.ro.version, reason: '折扣漏给' })
    expect(reversed.ro).toMatchObject({ state: 'ready', settledAt: null, version: settled.ro.version + 1 })
    const [original, credit] = reversed.invoices
    expect(original).toMatchObject({ kind: 'invoice', state: 'reversed', grossFen: 22_600, paidFen: 0, balanceFen: 0 })
    expect(credit).toMatchObject({ kind: 'credit', reversalOf: original!.id, grossFen: -22_600, netFen: -20_000, vatFen: -2_600 })
    expect(reversed.payments.map((p) => [p.amountFen, p.method, p.reversalOf])).toEqual([
      [22_600, 'bank_card', null],
      [-22_600, 'bank_card', reversed.payments[0]!.id],
    ])
    expect(reversed.history.map((h) => [h.kind, h.reason])).toEqual([
      ['settle', ''],
      ['reversal', '折扣漏给'],
    ])
    const again = await t.ok('front_desk_supervisor', 'settlement.settle', {
      roId: ro.id,
      version: reversed.ro.version,
      discounts: [{ payer: 'customer', amountFen: 2_260 }],
      payments: [{ payer: 'customer', method: 'bank_card', amountFen: 20_340 }],
    })
    expect(again.ro.state).toBe('settled')
    expect(again.invoices.filter((i) => i.kind === 'invoice' && i.state === 'issued').map((i) => i.grossFen)).toEqual([20_340])
    expect(again.balanceFen).toBe(0)
    expect(auditActions(ro.id).slice(-3)).toEqual(['ro.settle', 'ro.settlementReversed', 'ro.settle'])
  })
})

describe('the cashier’s queue', () => {
  it('lists ROs ready to settle, oldest completion first, and settled ones waiting for delivery', async () => {
    const ro = await readyRo(t, { type: 'maintenance', lines: [{ payer: 'customer', amountFen: 1_000 }] })
    const ready = await t.ok('cashier', 'settlement.queue', {})
    expect(ready.map((r) => r.id)).toContain(ro.id)
    expect(ready.every((r) => r.state === 'ready')).toBe(true)
    const settled = await t.ok('cashier', 'settlement.queue', { state: 'settled' })
    expect(settled.every((r) => r.state === 'settled')).toBe(true)
    expect(await t.call('technician', 'settlement.queue', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
