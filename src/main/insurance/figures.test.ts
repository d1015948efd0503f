import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { readyRo, relogin } from '../rules/test-helpers'

// The front-desk supervisor's insurance figures across a year end (December 2026 → January 2027):
// assessment timeliness per month of the due date, and same-month collection (当月回款, invoices paid
// in full within their month) per month of settlement, overall and per insurer. Every figure is checked against its drill-down rows.

let t: TestApp
beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'workshop_supervisor', 'cashier', 'front_desk_supervisor', 'technician'] })
})
afterAll(() => t.close())

async function at(iso: string) {
  t.clock.set(iso)
  await relogin(t)
}

const head = (insurer: string, reportNo: string, arrivedOn: string) => ({ insurer, policyNo: `P-${reportNo}`, reportNo, insuredName: '王先生', reportedOn: arrivedOn, arrivedOn })

/** An insurance RO ready to settle with one 1,000 yuan insurer line, its claim opened (and assessed, when given). */
async function claimRo(insurer: string, reportNo: string, arrivedOn: string, assessedOn: string | null) {
  const ro = await readyRo(t, { type: 'insurance', lines: [{ payer: 'insurance', amountFen: 100_000, description: '钣金' }] })
  const lineId = (await t.ok('service_advisor', 'insurance.get', { roId: ro.id })).lines[0]!.lineId
  await t.ok('service_advisor', 'insurance.save', { roId: ro.id, version: 0, ...head(insurer, reportNo, arrivedOn), assessedOn, lines: assessedOn ? [{ lineId, assessedFen: 100_000 }] : [] })
  return ro
}

async function settle(roId: number) {
  const view = await t.ok('cashier', 'settlement.get', { roId })
  const settled = await t.ok('cashier', 'settlement.settle', { roId, version: view.ro.version })
  return settled.invoices.find((i) => i.payer === 'insurance')!
}

const pay = (invoiceId: number, amountFen: number) => t.ok('cashier', 'settlement.pay', { invoiceId, method: 'transfer', amountFen, reference: '保险公司转账' })

describe('the insurance figures', () => {
  it('counts timeliness by due month and same-month collection by settlement month, each equal to its drill rows', async () => {
    await at('2026-12-10T16:00:00+08:00')
    const a = await claimRo('中国人保', 'FIG-A', '2026-12-01', '2026-12-03') // due 12-04: on time
    const b = await claimRo('平安保险', 'FIG-B', '2026-12-05', '2026-12-10') // due 12-08: 2 days late
    const invA = await settle(a.id)
    const invB = await settle(b.id)
    await at('2026-12-20T10:00:00+08:00')
    await pay(invA.id, invA.grossFen)
    await pay(invB.id, 30_000)
    await at('2027-01-05T10:00:00+08:00')
    await pay(invB.id, invB.grossFen - 30_000) // the rest, a month late
    const c = await claimRo('中国人保', 'FIG-C', '2026-12-30', '2027-01-02') // due 2027-01-02: on time
    const invC = await settle(c.id)
    await claimRo('平安保险', 'FIG-D', '2027-01-02', null) // due 01-05, never assessed
    await at('2027-01-20T10:00:00+08:00')
    await claimRo('平安保险', 'FIG-E', '2027-01-18', null) // due 01-21: not due yet
    await pay(invC.id, 10_000)

    const f = await t.ok('front_desk_supervisor', 'insurance.figures', { months: 3, month: '2026-12' })
    expect(f.assessmentDays).toBe(3)
    expect(f.timeliness).toEqual([
      { month: '2026-11', onTime: 0, due: 0, valueBp: null },
      { month: '2026-12', onTime: 1, due: 2, valueBp: 5000 },
      { month: '2027-01', onTime: 1, due: 2, valueBp: 5000 },
    ])
    // 当月回款 counts invoices paid in full within their month: A in December; B only in January;
    // C (January, the running month) is partly paid, so pending and out of the rate.
    expect(f.collection).toEqual([
      { month: '2026-11', collected: 0, invoices: 0, valueBp: null, pending: 0, settledFen: 0, collectedFen: 0, outstandingFen: 0 },
      { month: '2026-12', collected: 1, invoices: 2, valueBp: 5_000, pending: 0, settledFen: invA.grossFen + invB.grossFen, collectedFen: invA.grossFen + 30_000, outstandingFen: invB.grossFen - 30_000 },
      { month: '2027-01', collected: 0, invoices: 0, valueBp: null, pending: 1, settledFen: invC.grossFen, collectedFen: 10_000, outstandingFen: invC.grossFen - 10_000 },
    ])
    expect(f.insurersMonth).toBe('2026-12')
    expect(f.insurers).toEqual([
      { insurer: '平安保险', collected: 0, invoices: 1, valueBp: 0, pending: 0, settledFen: invB.grossFen, collectedFen: 30_000, outstandingFen: invB.grossFen - 30_000 },
      { insurer: '中国人保', collected: 1, invoices: 1, valueBp: 10_000, pending: 0, settledFen: invA.grossFen, collectedFen: invA.grossFen, outstandingFen: 0 },
    ])

    for (const point of f.timeliness) {
      const d = await t.ok('front_desk_supervisor', 'insurance.figures.drill', { figure: 'timeliness', month: point.month })
      expect([d.assessments.filter((r) => r.onTime).length, d.assessments.length]).toEqual([point.onTime, point.due])
    }
    const counts = (rows: readonly { pending: boolean; collectedInMonth: boolean; grossFen: number; collectedInMonthFen: number }[]) => ({
      collected: rows.filter((r) => !r.pending && r.collectedInMonth).length,
      invoices: rows.filter((r) => !r.pending).length,
      pending: rows.filter((r) => r.pending).length,
      settledFen: rows.reduce((s, r) => s + r.grossFen, 0),
      collectedFen: rows.reduce((s, r) => s + r.collectedInMonthFen, 0),
    })
    for (const point of f.collection) {
      const d = await t.ok('cashier', 'insurance.figures.drill', { figure: 'collection', month: point.month })
      expect(counts(d.invoices)).toEqual({ collected: point.collected, invoices: point.invoices, pending: point.pending, settledFen: point.settledFen, collectedFen: point.collectedFen })
    }
    for (const ins of f.insurers) {
      const d = await t.ok('cashier', 'insurance.figures.drill', { figure: 'collection', month: '2026-12', insurer: ins.insurer })
      expect(d.invoices.every((r) => r.insurer === ins.insurer)).toBe(true)
      expect(counts(d.invoices)).toEqual({ collected: ins.collected, invoices: ins.invoices, pending: ins.pending, settledFen: ins.settledFen, collectedFen: ins.collectedFen })
    }

    // The rows say why: B was assessed 2 days late, D is 15 days past due and still unassessed; B was paid in full only in January.
    const jan = await t.ok('front_desk_supervisor', 'insurance.figures.drill', { figure: 'timeliness', month: '2027-01' })
    expect(jan.assessments.map((r) => [r.reportNo, r.dueOn, r.assessedOn, r.onTime, r.daysLate])).toEqual([
      ['FIG-C', '2027-01-02', '2027-01-02', true, 0],
      ['FIG-D', '2027-01-05', null, false, 15],
    ])
    const dec = await t.ok('front_desk_supervisor', 'insurance.figures.drill', { figure: 'timeliness', month: '2026-12' })
    expect(dec.assessments.map((r) => [r.reportNo, r.onTime, r.daysLate])).toEqual([
      ['FIG-A', true, 0],
      ['FIG-B', false, 2],
    ])
    const decB = await t.ok('cashier', 'insurance.figures.drill', { figure: 'collection', month: '2026-12', insurer: '平安保险' })
    expect(decB.invoices).toMatchObject([{ invoiceId: invB.id, collectedInMonthFen: 30_000, paidFen: invB.grossFen, lastPaidAt: '2027-01-05T10:00:00+08:00', collectedInMonth: false, pending: false }])

    expect(await t.call('technician', 'insurance.figures', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await t.call('technician', 'insurance.figures.drill', { figure: 'collection' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
