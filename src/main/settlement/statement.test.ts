import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { statementByPayer } from '../../shared/domain/statement'
import { setSetting } from '../settings/settings'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { readyRo } from '../rules/test-helpers'

// The customer's statement per payer through the real dispatcher (issue 9, wrong result 7): the
// customer pays in full, warranty and internal invoices stay open, and nothing that speaks of the
// customer's debt counts them; the repair-warranty period of the RO type is printed.

let t: TestApp
beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'workshop_supervisor', 'cashier', 'front_desk_supervisor'] })
})
afterAll(() => t.close())

describe('the customer statement per payer', () => {
  it('shows the customer owing nothing once paid, with warranty and internal invoices open apart, in the view and the queue', async () => {
    const ro = await readyRo(t, {
      type: 'warranty',
      lines: [
        { payer: 'customer', amountFen: 30_000 },
        { payer: 'warranty', amountFen: 58_000 },
        { payer: 'internal', amountFen: 28_434 },
      ],
    })
    const view = await t.ok('cashier', 'settlement.settle', { roId: ro.id, version: ro.version, payments: [{ payer: 'customer', method: 'wechat_pay', amountFen: 33_900 }] })
    const sums = statementByPayer(view.invoices)
    expect(view.customerBalanceFen).toBe(0)
    expect(sums.customer).toMatchObject({ grossFen: 33_900, paidFen: 33_900, balanceFen: 0 })
    expect(sums.others.map((o) => [o.payer, o.sums.balanceFen])).toEqual([
      ['warranty', 65_540],
      ['internal', 32_130],
    ])
    // Every figure adds up to the fen: the customer's plus the others' is the whole settlement.
    expect(sums.customer.grossFen + sums.others.reduce((n, o) => n + o.sums.grossFen, 0)).toBe(view.invoices.reduce((n, i) => n + i.grossFen, 0))
    expect(view.balanceFen).toBe(97_670)

    const row = (await t.ok('cashier', 'settlement.queue', { state: 'settled' })).find((r) => r.id === ro.id)
    expect(row).toMatchObject({ customerBalanceFen: 0, balanceFen: 97_670 })
    // The gate does not hold the car for other payers' invoices.
    const delivered = await t.ok('cashier', 'settlement.deliver', { roId: ro.id, version: view.ro.version })
    expect(delivered.gatePass).toMatchObject({ onCredit: false, outstandingFen: 0 })
  })

  it('prints the repair-warranty period of the RO type, from the settings, counted from delivery', async () => {
    const ro = await readyRo(t, { type: 'maintenance', lines: [{ payer: 'customer', amountFen: 10_000 }] })
    const before = await t.ok('cashier', 'settlement.get', { roId: ro.id })
    expect(before.repairWarranty).toEqual({ days: 30, km: 5_000, fromDate: null, untilDate: null, untilKm: 15_000 })
    setSetting(t.app.store, 'repairWarranty.maintenance.days', 45)
    const settled = await t.ok('cashier', 'settlement.settle', { roId: ro.id, version: ro.version, payments: [{ payer: 'customer', method: 'cash', amountFen: 11_300 }] })
    expect(settled.repairWarranty).toEqual({ days: 45, km: 5_000, fromDate: '2026-11-27', untilDate: '2027-01-11', untilKm: 15_000 })
    const repair = await readyRo(t, { type: 'repair', lines: [{ payer: 'customer', amountFen: 10_000 }] })
    expect((await t.ok('cashier', 'settlement.get', { roId: repair.id })).repairWarranty).toMatchObject({ days: 10, km: 2_000 })
  })
})
