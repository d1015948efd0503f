import { describe, expect, it } from 'vitest'
import { totalsOf, type TotalsLine } from './money'
import { ageingBucket, daysBetween, DiscountTooLarge, draftInvoices, exceedsDiscountCap } from './settlement'

const line = (amountFen: number, payer: TotalsLine['payer'], vatRateBp = 1300): TotalsLine => ({ amountFen, payer, vatRateBp })

describe('draftInvoices', () => {
  const lines = [line(45_000, 'customer'), line(13_600, 'customer'), line(33_333, 'warranty'), line(33_333, 'warranty'), line(13_332, 'insurance')]

  it('makes one invoice per payer with VAT exactly as totalsOf computes it', () => {
    const totals = totalsOf(lines)
    const drafts = draftInvoices(lines)
    expect(drafts.map((d) => d.payer)).toEqual(['customer', 'warranty', 'insurance'])
    for (const d of drafts) {
      expect(d).toMatchObject({ ...totals.byPayer[d.payer], discountFen: 0, grossBeforeFen: totals.byPayer[d.payer].grossFen })
    }
    expect(drafts.reduce((s, d) => s + d.grossFen, 0)).toBe(totals.grossFen)
  })

  it.each([1, 99, 5_000, 12_345, 66_218])('takes a discount of %i fen off the gross and its VAT share off the VAT', (discount) => {
    const totals = totalsOf(lines)
    const drafts = draftInvoices(lines, { customer: discount })
    const customer = drafts.find((d) => d.payer === 'customer')!
    expect(customer.grossFen).toBe(totals.byPayer.customer.grossFen - discount)
    expect(customer.netFen + customer.vatFen).toBe(customer.grossFen)
    expect(customer.vatFen).toBeLessThanOrEqual(totals.byPayer.customer.vatFen)
    // The invoices and the discounts still add up to the RO's gross to the fen.
    expect(drafts.reduce((s, d) => s + d.grossFen + d.discountFen, 0)).toBe(totals.grossFen)
  })

  it('lets a full discount bring the invoice to zero', () => {
    const gross = totalsOf(lines).byPayer.insurance.grossFen
    const insurance = draftInvoices(lines, { insurance: gross }).find((d) => d.payer === 'insurance')!
    expect(insurance).toMatchObject({ grossFen: 0, netFen: 0, vatFen: 0, discountFen: gross })
  })

  it('refuses a discount larger than the payer’s gross, or for a payer with nothing to pay', () => {
    expect(() => draftInvoices(lines, { customer: 66_219 })).toThrow(DiscountTooLarge)
    expect(() => draftInvoices(lines, { internal: 1 })).toThrow(DiscountTooLarge)
    expect(() => draftInvoices(lines, { customer: -1 })).toThrow(RangeError)
  })

  it('issues no invoice to a payer whose lines come to nothing', () => {
    expect(draftInvoices([line(0, 'campaign'), line(100, 'customer')]).map((d) => d.payer)).toEqual(['customer'])
    expect(draftInvoices([])).toEqual([])
  })
})

describe('discount cap', () => {
  it.each([
    [500, 10_000, 500, false],
    [501, 10_000, 500, true],
    [0, 0, 500, false],
    [1, 0, 500, true],
  ])('%i off %i with a cap of %i bp exceeds it: %s', (discount, gross, cap, exceeds) => {
    expect(exceedsDiscountCap(discount, gross, cap)).toBe(exceeds)
  })
})

describe('ageing', () => {
  it('counts whole local days, across month and year ends', () => {
    expect(daysBetween('2026-11-27', '2026-11-27')).toBe(0)
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1)
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2)
  })

  it.each([
    [0, 'd0_30'],
    [30, 'd0_30'],
    [31, 'd31_60'],
    [60, 'd31_60'],
    [61, 'd61_90'],
    [90, 'd61_90'],
    [91, 'd90_plus'],
  ] as const)('%i days is in bucket %s', (days, bucket) => {
    expect(ageingBucket(days)).toBe(bucket)
  })
})
