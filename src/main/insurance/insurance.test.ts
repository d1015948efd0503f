import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { totalsOf, vatOnNet } from '../../shared/domain/money'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { dbFingerprint } from '../test-support/fixtures'
import { readyRo, relogin } from '../rules/test-helpers'

// Insurance ROs through the real dispatcher: the claim and its loss assessment, supplements,
// versioned writes and their audit trail, refusals with their reasons, the assessment deadline as
// a rule, and settlement issuing the insurer's and the customer's invoices from the split.

let t: TestApp

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'workshop_supervisor', 'cashier', 'front_desk_supervisor', 'service_manager', 'technician'] })
})
afterAll(() => t.close())

const lines = [
  { payer: 'insurance' as const, amountFen: 80_000, description: '前保险杠钣金' },
  { payer: 'insurance' as const, amountFen: 120_003, description: '前大灯总成' },
  { payer: 'insurance' as const, amountFen: 45_001, description: '喷漆' },
  { payer: 'customer' as const, amountFen: 30_000, description: '顺便保养' },
]
const claim = {
  insurer: '中国人保',
  policyNo: 'PDAA202611000123',
  reportNo: 'RDAA2026112700001',
  insuredName: '王先生',
  deductibleFen: 50_000,
  reportedOn: '2026-11-25',
  arrivedOn: '2026-11-26',
}
const assessment = [
  { position: 1, assessedFen: 80_000 },
  { position: 2, assessedFen: 100_000, reason: 'betterment' as const },
  { position: 3, assessedFen: 0 },
]
/** The RO's line ids by position (assessments are kept against the line, not its place). */
async function lineIdsOf(roId: number): Promise<number[]> {
  return (await t.ok('service_advisor', 'insurance.get', { roId })).lines.map((l) => l.lineId)
}
/** `{ position, … }` rows as the channel takes them: `{ lineId, … }` of that line now. */
async function atLines<T extends { position: number }>(roId: number, rows: readonly T[]): Promise<(Omit<T, 'position'> & { lineId: number })[]> {
  const ids = await lineIdsOf(roId)
  return rows.map(({ position, ...rest }) => ({ ...rest, lineId: ids[position - 1] ?? 9_999_999 }))
}

const claimAudit = () =>
  (t.app.store.sqlite.prepare(`SELECT action FROM audit_log WHERE entity = 'insurance_claim' ORDER BY id`).all() as { action: string }[]).map((a) => a.action)

describe('an insurance RO’s claim and assessment', () => {
  it('opens the claim, assesses it and adds a supplement, each write versioned and audited', async () => {
    const ro = await readyRo(t, { type: 'insurance', lines })
    const opened = await t.ok('service_advisor', 'insurance.save', { roId: ro.id, version: 0, ...claim })
    expect(opened.claim).toMatchObject({ version: 1, insurer: '中国人保', assessedOn: null, assessmentDueOn: '2026-11-29', assessmentDays: 3, assessedLate: null })
    const assessed = await t.ok('service_advisor', 'insurance.save', { roId: ro.id, version: 1, ...claim, assessor: '李定损', assessedOn: '2026-11-27', lines: await atLines(ro.id, assessment) })
    expect(assessed.claim).toMatchObject({ version: 2, assessor: '李定损', assessedOn: '2026-11-27', assessedLate: false })
    const stale = await t.call('service_advisor', 'insurance.save', { roId: ro.id, version: 1, ...claim })
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' })
    const supplemented = await t.ok('front_desk_supervisor', 'insurance.supplement', { roId: ro.id, version: 2, lineId: (await lineIdsOf(ro.id))[1]!, assessedOn: '2026-11-27', amountFen: 10_000, note: '拆检后发现支架断裂' })
    expect(supplemented.claim?.version).toBe(3)
    expect(supplemented.supplements).toMatchObject([{ position: 2, amountFen: 10_000, assessedOn: '2026-11-27', byName: expect.any(String) }])
    expect(supplemented.lines.map((l) => [l.position, l.assessedFen, l.insurerFen, l.customerFen, l.deductibleFen, l.reason])).toEqual([
      [1, 80_000, 30_000, 50_000, 50_000, null],
      [2, 110_000, 110_000, 10_003, 0, 'betterment'],
      [3, 0, 0, 45_001, 0, 'refused'],
      [4, null, 0, 0, 0, null],
    ])
    expect(supplemented.split.insurer.grossFen + supplemented.split.customer.grossFen).toBe(supplemented.split.roGrossFen)
    expect(claimAudit()).toEqual(['insurance.open', 'insurance.change', 'insurance.supplement'])

    // Settlement issues both invoices from the split: insurer + customer = the RO's gross to the fen.
    const view = await t.ok('cashier', 'settlement.get', { roId: ro.id })
    const settled = await t.ok('cashier', 'settlement.settle', { roId: ro.id, version: view.ro.version, payments: [{ payer: 'customer', method: 'cash', amountFen: 200_000 }] })
    const ro4 = totalsOf(lines.map((l) => ({ ...l, vatRateBp: 1300 })))
    const insurer = settled.invoices.find((i) => i.payer === 'insurance')!
    const customer = settled.invoices.find((i) => i.payer === 'customer')!
    expect(insurer).toMatchObject({ netFen: 140_000, vatFen: vatOnNet(140_000, 1300), insurer: '中国人保', claimNo: 'RDAA2026112700001' })
    expect(customer.netFen).toBe(50_000 + 10_003 + 45_001 + 30_000)
    expect(insurer.grossFen + customer.grossFen).toBe(ro4.grossFen)
    expect(insurer.vatFen + customer.vatFen).toBe(ro4.vatFen)
    expect(settled.ro.grossFen).toBe(ro4.grossFen)

    // The claim is history once settled; the insurer's transfer is a later payment on its invoice.
    const locked = await t.call('service_advisor', 'insurance.save', { roId: ro.id, version: 3, ...claim }, { locale: 'en' })
    expect(locked).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    const paid = await t.ok('cashier', 'settlement.pay', { invoiceId: insurer.id, method: 'transfer', amountFen: insurer.grossFen, reference: '人保转账' })
    expect(paid.invoices.find((i) => i.id === insurer.id)?.balanceFen).toBe(0)
  })

  it('refuses to settle before the assessment, naming the claim, and changes nothing', async () => {
    const ro = await readyRo(t, { type: 'insurance', lines: lines.slice(0, 2) })
    await t.ok('service_advisor', 'insurance.save', { roId: ro.id, version: 0, ...claim, reportNo: 'RDAA2026112700002' })
    const before = dbFingerprint(t.app.store)
    const view = await t.ok('cashier', 'settlement.get', { roId: ro.id })
    const refused = await t.call('cashier', 'settlement.settle', { roId: ro.id, version: view.ro.version }, { locale: 'zh-CN' })
    expect(refused).toMatchObject({ ok: false, code: 'INVALID_STATE', message: '报案号 RDAA2026112700002 还没有定损，不能结算' })
    expect(dbFingerprint(t.app.store)).toEqual(before)
    // Assessed, but one insurer line without an amount.
    const c = (await t.ok('service_advisor', 'insurance.get', { roId: ro.id })).claim!
    await t.ok('service_advisor', 'insurance.save', { roId: ro.id, version: c.version, ...claim, reportNo: 'RDAA2026112700002', assessedOn: '2026-11-27', lines: await atLines(ro.id, [{ position: 1, assessedFen: 80_000 }]) })
    const missing = await t.call('cashier', 'settlement.settle', { roId: ro.id, version: view.ro.version }, { locale: 'en' })
    expect(missing).toMatchObject({ ok: false, code: 'INVALID_STATE', message: 'Insurance line(s) 2 have no assessed amount; the RO cannot be settled' })
    expect((await t.ok('cashier', 'settlement.get', { roId: ro.id })).invoices).toEqual([])
  })

  it('refuses bad claims with the reason and writes nothing', async () => {
    const ro = await readyRo(t, { type: 'insurance', lines, stopAt: 'in_progress' })
    const repair = await readyRo(t, { type: 'repair', lines: [{ payer: 'customer', amountFen: 10_000 }], stopAt: 'in_progress' })
    const before = dbFingerprint(t.app.store)
    expect(await t.call('service_advisor', 'insurance.save', { roId: repair.id, version: 0, ...claim }, { locale: 'en' })).toMatchObject({ ok: false, code: 'VALIDATION', message: `RO ${repair.number} is not an insurance RO` })
    expect(await t.call('service_advisor', 'insurance.save', { roId: ro.id, version: 0, ...claim, lines: await atLines(ro.id, [{ position: 4, assessedFen: 1 }]) }, { locale: 'en' })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      message: 'Line 4 is not billed to the insurer',
    })
    expect(await t.call('service_advisor', 'insurance.save', { roId: ro.id, version: 0, ...claim, arrivedOn: '2026-12-01' }, { locale: 'zh-CN' })).toMatchObject({ ok: false, message: '2026-12-01 还没到' })
    const early = await t.callRaw('service_advisor', 'insurance.save', { roId: ro.id, version: 0, ...claim, assessedOn: '2026-11-20' }, { locale: 'en' })
    expect(JSON.stringify(early)).toContain('cannot be before the car arrived')
    expect(await t.call('service_advisor', 'insurance.save', { roId: ro.id, version: 3, ...claim })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await t.call('technician', 'insurance.save', { roId: ro.id, version: 0, ...claim })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(dbFingerprint(t.app.store)).toEqual(before)
    const opened = await t.ok('service_advisor', 'insurance.save', { roId: ro.id, version: 0, ...claim })
    const early2 = await t.call('service_advisor', 'insurance.supplement', { roId: ro.id, version: opened.claim!.version, lineId: (await lineIdsOf(ro.id))[0]!, assessedOn: '2026-11-27', amountFen: 100 }, { locale: 'en' })
    expect(early2).toMatchObject({ ok: false, code: 'INVALID_STATE', message: 'Claim RDAA2026112700001 has no assessment yet; a supplement comes after it' })
  })
})

describe('the insurers’ receivables', () => {
  it('ages open insurance invoices per insurer and lists them for the month-end collection with their due date', async () => {
    const ro = await readyRo(t, { type: 'insurance', lines: lines.slice(0, 1) })
    await t.ok('service_advisor', 'insurance.save', { roId: ro.id, version: 0, ...claim, insurer: '平安保险', reportNo: 'PA2026112700001', deductibleFen: 0, assessedOn: '2026-11-27', lines: await atLines(ro.id, [{ position: 1, assessedFen: 80_000 }]) })
    const view = await t.ok('cashier', 'settlement.get', { roId: ro.id })
    const settled = await t.ok('cashier', 'settlement.settle', { roId: ro.id, version: view.ro.version })
    const invoice = settled.invoices.find((i) => i.payer === 'insurance')!
    const now = await t.ok('front_desk_supervisor', 'insurance.receivables', {})
    expect(now).toMatchObject({ asOf: '2026-11-27', monthEnd: '2026-11-30' })
    const row = now.rows.find((r) => r.invoiceId === invoice.id)
    expect(row).toMatchObject({ insurer: '平安保险', claimNo: 'PA2026112700001', balanceFen: invoice.grossFen, dueOn: '2026-11-30', overdue: false, ageDays: 0 })
    expect(now.insurers.find((i) => i.insurer === '平安保险')).toMatchObject({ count: 1, balanceFen: invoice.grossFen, overdueFen: 0, buckets: { d0_30: invoice.grossFen, d31_60: 0 } })
    expect(now.insurers.reduce((s, i) => s + i.balanceFen, 0)).toBe(now.balanceFen)
    const later = await t.ok('cashier', 'insurance.receivables', { asOf: '2027-01-05' })
    expect(later.insurers.find((i) => i.insurer === '平安保险')).toMatchObject({ overdueFen: invoice.grossFen, buckets: { d31_60: invoice.grossFen } })
    expect(later.rows.find((r) => r.invoiceId === invoice.id)).toMatchObject({ overdue: true, ageDays: 39 })
    expect(await t.call('technician', 'insurance.receivables', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('the assessment deadline as a rule', () => {
  it('raises an alert with the numbers once the days after arrival have passed, and clears it when assessed', async () => {
    const ro = await readyRo(t, { type: 'insurance', lines: lines.slice(0, 1), stopAt: 'in_progress' })
    const opened = await t.ok('service_advisor', 'insurance.save', { roId: ro.id, version: 0, ...claim, reportNo: 'RDAA2026112700009', reportedOn: '2026-11-20', arrivedOn: '2026-11-21' })
    const alerts = async (locale: 'en' | 'zh-CN') => {
      const r = await t.call('service_manager', 'alerts.list', { box: 'all', ruleKind: 'insurance_assessment_overdue', state: 'active' }, { locale })
      if (!r.ok) throw new Error(r.message)
      return r.data.filter((a) => a.message.includes('RDAA2026112700009'))
    }
    const [en] = await alerts('en')
    expect(en?.message).toBe(`${ro.number} 中国人保 claim RDAA2026112700009: arrived 2026-11-21, assessment due within 3 days (by 2026-11-24), 3 days late`)
    const [zh] = await alerts('zh-CN')
    expect(zh?.message).toBe(`${ro.number} 中国人保 报案号 RDAA2026112700009：2026-11-21 到店，定损应在 3 天内（2026-11-24 前）完成，已超 3 天`)
    const late = await t.ok('service_advisor', 'insurance.save', { roId: ro.id, version: opened.claim!.version, ...claim, reportNo: 'RDAA2026112700009', reportedOn: '2026-11-20', arrivedOn: '2026-11-21', assessedOn: '2026-11-27', lines: await atLines(ro.id, [{ position: 1, assessedFen: 80_000 }]) })
    expect(late.claim?.assessedLate).toBe(true)
    expect(await alerts('en')).toEqual([])
    await relogin(t)
  })
})
