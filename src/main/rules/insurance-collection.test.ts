import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { demoApp, type DemoTestApp } from '../test-support/test-app'
import type { rulesContract } from '../../shared/contract/rules'
import type { insuranceFiguresContract } from '../../shared/contract/insurance-figures'

// 当月回款 has one definition: on every month of the demo dealership's history the dashboard
// target `insurance_collection` (all insurers), the insurance figures (overall and summed over the
// insurers) and both drill-downs count the same invoices.

type Targets = z.output<(typeof rulesContract)['dashboard.targets']['output']>
type Drill = z.output<(typeof rulesContract)['dashboard.drill']['output']>
type Figures = z.output<(typeof insuranceFiguresContract)['insurance.figures']['output']>
type FigDrill = z.output<(typeof insuranceFiguresContract)['insurance.figures.drill']['output']>

let demo: DemoTestApp
beforeAll(async () => {
  demo = await demoApp('2026-11-27T10:00:00+08:00', 'ins-collection-')
})
afterAll(() => demo.close())

describe('same-month collection', () => {
  it('is the same figure on the dashboard target, the insurance figures and both drill-downs, month by month', async () => {
    const months = 12
    const targets = await demo.call<Targets>('dashboard.targets', { months })
    const target = targets.targets.find((s) => s.key === 'insurance_collection')!.series
    const figures = await demo.call<Figures>('insurance.figures', { months })
    expect(figures.collection.map((p) => p.month)).toEqual(target.map((p) => p.month))
    let invoicesSeen = 0
    for (const point of target) {
      const fig = figures.collection.find((p) => p.month === point.month)!
      expect([fig.collected, fig.invoices, fig.valueBp]).toEqual([point.numerator, point.denominator, point.value])
      const perInsurer = (await demo.call<Figures>('insurance.figures', { months: 1, month: point.month })).insurers
      expect([perInsurer.reduce((s, r) => s + r.collected, 0), perInsurer.reduce((s, r) => s + r.invoices, 0)]).toEqual([point.numerator, point.denominator])
      expect(perInsurer.reduce((s, r) => s + r.settledFen, 0)).toBe(fig.settledFen)

      const rows = (await demo.call<Drill>('dashboard.drill', { target: 'insurance_collection', month: point.month, limit: 1000 })).ros
      const decided = rows.filter((r) => !r.pending)
      expect([decided.filter((r) => !r.late).length, decided.length]).toEqual([point.numerator, point.denominator])
      const invoices = (await demo.call<FigDrill>('insurance.figures.drill', { figure: 'collection', month: point.month })).invoices
      expect(invoices.map((i) => i.invoiceId).sort()).toEqual(rows.map((r) => r.invoiceId).sort())
      expect([invoices.filter((i) => !i.pending && i.collectedInMonth).length, invoices.filter((i) => !i.pending).length]).toEqual([point.numerator, point.denominator])
      expect(invoices.reduce((s, i) => s + i.collectedInMonthFen, 0)).toBe(fig.collectedFen)
      invoicesSeen += invoices.length
    }
    // The demo settles insurance ROs in more than one month, some paid within it and some not.
    expect(invoicesSeen).toBeGreaterThan(0)
    expect(target.filter((p) => p.denominator > 0).length).toBeGreaterThan(0)
  })
})
