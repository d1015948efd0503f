import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CheckRule } from '../../shared/domain/warranty-check'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { relogin, newPart } from '../rules/test-helpers'
import { claimInput, warrantyRo, type WarrantyRoOptions } from './test-warranty'

// The pre-submission check, rule by rule: one claim where the rule fires (naming the field and
// how to fix it) and one where it does not. The baseline claim passes every rule.

let t: TestApp

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'workshop_supervisor', 'parts_clerk', 'warranty_clerk', 'service_manager', 'front_desk_supervisor'] })
})
afterAll(() => t.close())

async function claimOn(o: WarrantyRoOptions = {}, edit: (input: ReturnType<typeof claimInput>) => ReturnType<typeof claimInput> = (i) => i) {
  const ro = await warrantyRo(t, o)
  const claim = await t.ok('warranty_clerk', 'warranty.claim.fromRo', { roId: ro.roId })
  const saved = await t.ok('warranty_clerk', 'warranty.claim.save', edit(claimInput(claim)))
  return { ro, claim: saved }
}
const rulesOf = (findings: { rule: CheckRule }[]) => findings.map((f) => f.rule)
const finding = (findings: { rule: CheckRule; field: string; text: string; severity: string }[], rule: CheckRule) => findings.find((f) => f.rule === rule)

describe('the pre-submission check', () => {
  it('finds nothing on a complete claim within coverage', async () => {
    const { claim } = await claimOn()
    expect(claim.findings).toEqual([])
  })

  it('coverage: fires when the warranty ended by date, by km, or its start is unknown; not within coverage', async () => {
    const { ro, claim } = await claimOn()
    expect(rulesOf(claim.findings)).not.toContain('coverage')
    await t.ok('warranty_clerk', 'warranty.setStart', { vehicleId: ro.vehicleId, startsOn: '2022-01-10' })
    const byDate = await t.ok('warranty_clerk', 'warranty.claim.get', { id: claim.id })
    expect(finding(byDate.findings, 'coverage')).toMatchObject({ severity: 'warn', field: 'vehicle' })
    expect(finding(byDate.findings, 'coverage')?.text).toContain('2025-01-10')

    const { claim: far } = await claimOn({}, (i) => ({ ...i, mileageKm: 120_000 }))
    expect(finding(far.findings, 'coverage')).toMatchObject({ field: 'mileageKm' })
    expect(finding(far.findings, 'coverage')?.text).toContain('100000')

    const { claim: unknown } = await claimOn({ firstRegisteredOn: null })
    expect(finding(unknown.findings, 'coverage')?.text).toContain('warranty start is unknown')
  })

  it('coverage: judges a powertrain part by the powertrain terms', async () => {
    // 4 years old: basic coverage (3 years) ended, powertrain (5 years) still runs.
    const { ro, claim } = await claimOn({ category: 'engine' })
    await t.ok('warranty_clerk', 'warranty.setStart', { vehicleId: ro.vehicleId, startsOn: '2022-12-01' })
    expect(rulesOf((await t.ok('warranty_clerk', 'warranty.claim.get', { id: claim.id })).findings)).not.toContain('coverage')
  })

  it('mileage_backwards: fires when the claim mileage is below an earlier visit; not when above', async () => {
    const first = await warrantyRo(t, { odometerKm: 30_000 })
    t.clock.advance(86_400_000)
    await relogin(t)
    const { claim: low } = await claimOn({ vehicleId: first.vehicleId, odometerKm: 31_000 }, (i) => ({ ...i, mileageKm: 29_000 }))
    expect(finding(low.findings, 'mileage_backwards')).toMatchObject({ severity: 'block', field: 'mileageKm' })
    expect(finding(low.findings, 'mileage_backwards')?.text).toContain(first.roNumber)
    const { claim: ok } = await claimOn({ vehicleId: first.vehicleId, odometerKm: 32_000 })
    expect(rulesOf(ok.findings)).not.toContain('mileage_backwards')
  })

  it('causal_part_on_ro: fires when missing, not on the RO or not issued; not when issued', async () => {
    const { claim: none } = await claimOn({}, (i) => ({ ...i, causalPartId: null }))
    expect(finding(none.findings, 'causal_part_on_ro')).toMatchObject({ field: 'causalPartId' })
    const other = newPart(t, 'ZZ-OTHER-1')
    const { claim: elsewhere } = await claimOn({}, (i) => ({ ...i, causalPartId: other }))
    expect(finding(elsewhere.findings, 'causal_part_on_ro')?.text).toContain('is not on the RO')
    const { claim: unissued } = await claimOn({ issue: false })
    expect(finding(unissued.findings, 'causal_part_on_ro')?.text).toContain('was not issued from stock')
    const { claim: ok } = await claimOn()
    expect(rulesOf(ok.findings)).not.toContain('causal_part_on_ro')
  })

  it('duplicate_operation: fires for the same operation on the same VIN within 30 days; not on another VIN', async () => {
    const first = await warrantyRo(t)
    t.clock.advance(86_400_000)
    await relogin(t)
    const { claim: repeat } = await claimOn({ vehicleId: first.vehicleId, odometerKm: 21_000 })
    expect(finding(repeat.findings, 'duplicate_operation')).toMatchObject({ severity: 'warn', field: 'labour.0.opCode' })
    const { claim: ok } = await claimOn()
    expect(rulesOf(ok.findings)).not.toContain('duplicate_operation')
  })

  it('late_submission: fires 31 days after the RO was completed; not within 30', async () => {
    const { claim } = await claimOn()
    t.clock.advance(30 * 86_400_000)
    await relogin(t)
    expect(rulesOf((await t.ok('warranty_clerk', 'warranty.claim.get', { id: claim.id })).findings)).not.toContain('late_submission')
    t.clock.advance(86_400_000)
    await relogin(t)
    const late = await t.ok('warranty_clerk', 'warranty.claim.get', { id: claim.id })
    expect(finding(late.findings, 'late_submission')).toMatchObject({ severity: 'block', field: 'ro' })
  })

  it('old_part_tagged: fires when the causal part has no warranty tag; not when tagged', async () => {
    const { claim } = await claimOn({ tag: false })
    expect(finding(claim.findings, 'old_part_tagged')?.text).toContain('has no warranty tag')
    const { claim: ok } = await claimOn()
    expect(rulesOf(ok.findings)).not.toContain('old_part_tagged')
  })

  it('narrative: fires per field when missing or shorter than 10 characters; not when written out', async () => {
    const { claim } = await claimOn({}, (i) => ({ ...i, cause: '磨损', correction: '' }))
    expect(claim.findings.filter((f) => f.rule === 'narrative').map((f) => [f.field, f.text])).toEqual([
      ['cause', 'Cause is too short (2 characters): write at least 10'],
      ['correction', 'Correction is empty: write it out (at least 10 characters)'],
    ])
    const { claim: ok } = await claimOn()
    expect(rulesOf(ok.findings)).not.toContain('narrative')
  })

  it('labour_hours: fires when hours exceed the standard time; not at it', async () => {
    const { claim } = await claimOn({}, (i) => ({ ...i, labour: i.labour.map((l) => ({ ...l, hoursMilli: 1_500 })) }))
    expect(finding(claim.findings, 'labour_hours')).toMatchObject({ severity: 'warn', field: 'labour.0.hoursMilli' })
    expect(finding(claim.findings, 'labour_hours')?.text).toContain('1.5')
    const { claim: ok } = await claimOn()
    expect(rulesOf(ok.findings)).not.toContain('labour_hours')
  })
})

describe('overriding a warning', () => {
  it('refuses the clerk, lets the service manager through with a reason that is recorded', async () => {
    const { claim } = await claimOn({}, (i) => ({ ...i, labour: i.labour.map((l) => ({ ...l, hoursMilli: 1_500 })) }))
    const plain = await t.call('warranty_clerk', 'warranty.claim.check', { id: claim.id, version: claim.version })
    expect(plain).toMatchObject({ ok: false, code: 'VALIDATION' })
    const clerk = await t.call('warranty_clerk', 'warranty.claim.check', { id: claim.id, version: claim.version, overrides: [{ rule: 'labour_hours', reason: '拆装锈死螺栓' }] })
    expect(clerk).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const checked = await t.ok('service_manager', 'warranty.claim.check', { id: claim.id, version: claim.version, overrides: [{ rule: 'labour_hours', reason: '拆装锈死螺栓，厂家技术经理同意' }] })
    expect(checked.state).toBe('checked')
    const audit = t.app.store.sqlite.prepare(`SELECT action FROM audit_log WHERE entity = 'warranty_claim' AND entity_id = ? ORDER BY id`).all(String(claim.id)) as { action: string }[]
    expect(audit.map((a) => a.action)).toContain('warranty.claim.override')
    // The clerk submits: the recorded override still stands.
    const submitted = await t.ok('warranty_clerk', 'warranty.claim.submit', { id: checked.id, version: checked.version })
    expect(submitted.state).toBe('submitted')
  })

  it('never lets a blocking finding through', async () => {
    const { claim } = await claimOn({ tag: false })
    const answer = await t.call('service_manager', 'warranty.claim.check', { id: claim.id, version: claim.version, overrides: [{ rule: 'old_part_tagged', reason: '旧件稍后补挂' }] })
    expect(answer).toMatchObject({ ok: false, code: 'VALIDATION' })
  })

  it('reads the rule set with its defaults', async () => {
    const rules = await t.ok('warranty_clerk', 'warranty.checkRules', {})
    expect(rules).toHaveLength(9)
    expect(rules.find((r) => r.rule === 'authority')).toMatchObject({ rule: 'authority', enabled: true, severity: 'block', param: 500_000 })
    expect(rules.find((r) => r.rule === 'late_submission')).toMatchObject({ rule: 'late_submission', enabled: true, severity: 'block', param: 30 })
  })
})
