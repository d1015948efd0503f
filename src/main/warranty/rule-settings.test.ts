import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { claimInput, warrantyRo } from './test-warranty'

// The warranty desk's settings: check rules and per-make old-part rules edited through the real
// dispatcher — permission, validation in both languages, the version check, the audit, and the
// pre-check and the shelf following what was saved.

let t: TestApp

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'workshop_supervisor', 'parts_clerk', 'warranty_clerk', 'service_manager', 'cashier'] })
})
afterAll(() => t.close())

const auditOf = (action: string) => t.app.store.sqlite.prepare(`SELECT entity_id, detail FROM audit_log WHERE action = ? ORDER BY id`).all(action) as { entity_id: string; detail: string }[]

describe('the check-rule editor', () => {
  it('saves enabled, severity and parameter, and the pre-check follows; reset to default restores it', async () => {
    const rules = await t.ok('warranty_clerk', 'warranty.checkRules', {})
    const narrative = rules.find((r) => r.rule === 'narrative')!
    expect(narrative).toMatchObject({ param: 10, version: 1, defaults: { enabled: true, severity: 'block', param: 10 }, paramSpec: { unit: 'chars', min: 1, max: 200 } })

    const ro = await warrantyRo(t)
    const draft = await t.ok('warranty_clerk', 'warranty.claim.fromRo', { roId: ro.roId })
    const claim = await t.ok('warranty_clerk', 'warranty.claim.save', { ...claimInput(draft), cause: '左前车窗升降器电机碳刷磨损，导致异响' })
    expect(claim.findings.map((f) => f.rule)).not.toContain('narrative')

    const saved = await t.ok('service_manager', 'warranty.checkRules.save', { rules: [{ rule: 'narrative', enabled: true, severity: 'warn', param: 20, version: narrative.version }] })
    expect(saved.find((r) => r.rule === 'narrative')).toMatchObject({ severity: 'warn', param: 20, version: 2 })
    const after = await t.ok('warranty_clerk', 'warranty.claim.get', { id: claim.id })
    expect(after.findings.find((f) => f.rule === 'narrative' && f.field === 'cause')).toMatchObject({ severity: 'warn' })

    const audit = auditOf('warranty.checkRules.save').at(-1)!
    expect(audit.entity_id).toBe('narrative')
    expect(JSON.parse(audit.detail)).toMatchObject({ before: { severity: 'warranty.severity.block', param: 10 }, after: { severity: 'warranty.severity.warn', param: 20 } })

    // Reset to default is a save of the defaults, versioned and audited like any other.
    const current = saved.find((r) => r.rule === 'narrative')!
    const reset = await t.ok('warranty_clerk', 'warranty.checkRules.save', { rules: [{ rule: 'narrative', ...current.defaults, version: current.version }] })
    expect(reset.find((r) => r.rule === 'narrative')).toMatchObject({ enabled: true, severity: 'block', param: 10, version: 3 })
    expect((await t.ok('warranty_clerk', 'warranty.claim.get', { id: claim.id })).findings.map((f) => f.rule)).not.toContain('narrative')

    // Switching a rule off takes it out of the check.
    const labour = reset.find((r) => r.rule === 'mileage_backwards')!
    const off = await t.ok('warranty_clerk', 'warranty.checkRules.save', { rules: [{ rule: 'mileage_backwards', enabled: false, severity: 'block', param: null, version: labour.version }] })
    expect(off.find((r) => r.rule === 'mileage_backwards')).toMatchObject({ enabled: false })
    const back = off.find((r) => r.rule === 'mileage_backwards')!
    await t.ok('warranty_clerk', 'warranty.checkRules.save', { rules: [{ rule: 'mileage_backwards', enabled: true, severity: 'block', param: null, version: back.version }] })
  })

  it('refuses a parameter out of its range in the user’s language, and a stale version as a conflict', async () => {
    const rules = await t.ok('warranty_clerk', 'warranty.checkRules', {})
    const late = rules.find((r) => r.rule === 'late_submission')!
    const tooLong = { rules: [{ rule: 'late_submission' as const, enabled: true, severity: 'block' as const, param: 400, version: late.version }] }
    expect(await t.call('warranty_clerk', 'warranty.checkRules.save', tooLong, { locale: 'en' })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      message: '"Late submission" takes 1 to 365 days',
      details: { fields: [{ field: 'rules.0.param' }] },
    })
    expect(await t.call('warranty_clerk', 'warranty.checkRules.save', tooLong, { locale: 'zh-CN' })).toMatchObject({ ok: false, message: '“提交逾期”的天数须在 1–365 天之间' })
    const authority = rules.find((r) => r.rule === 'authority')!
    expect(
      await t.call('warranty_clerk', 'warranty.checkRules.save', { rules: [{ rule: 'authority', enabled: true, severity: 'block', param: -1, version: authority.version }] }, { locale: 'en' }),
    ).toMatchObject({ ok: false, code: 'VALIDATION', message: expect.stringContaining('¥0.00 to ¥1000000.00') })
    expect(await t.call('warranty_clerk', 'warranty.checkRules.save', { rules: [{ rule: 'coverage', enabled: true, severity: 'warn', param: 5, version: 1 }] })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await t.call('warranty_clerk', 'warranty.checkRules.save', { rules: [{ rule: 'narrative', enabled: true, severity: 'block', param: null, version: 1 }] })).toMatchObject({ ok: false, code: 'VALIDATION' })

    // Two people read version N; the second save is refused, nothing overwritten.
    const first = await t.ok('warranty_clerk', 'warranty.checkRules.save', { rules: [{ rule: 'late_submission', enabled: true, severity: 'block', param: 45, version: late.version }] })
    const stale = await t.call('service_manager', 'warranty.checkRules.save', { rules: [{ rule: 'late_submission', enabled: true, severity: 'warn', param: 30, version: late.version }] }, { locale: 'en' })
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('Late submission') })
    expect((await t.ok('warranty_clerk', 'warranty.checkRules', {})).find((r) => r.rule === 'late_submission')).toMatchObject({ param: 45, severity: 'block' })
    expect(first.find((r) => r.rule === 'late_submission')?.version).toBe(late.version + 1)
  })

  it('is for the service manager and the warranty clerk', async () => {
    const rule = (await t.ok('warranty_clerk', 'warranty.checkRules', {})).find((r) => r.rule === 'duplicate_operation')!
    const input = { rules: [{ rule: 'duplicate_operation' as const, enabled: true, severity: 'warn' as const, param: 15, version: rule.version }] }
    expect(await t.call('cashier', 'warranty.checkRules.save', input)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await t.call('service_advisor', 'warranty.partRules.save', { make: '大众', returnDays: 10, retainDays: 10, version: 0 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('the per-make old-part rules', () => {
  it('adds a make’s rule, edits it with the version check, removes it back to the default; the shelf follows', async () => {
    const start = await t.ok('warranty_clerk', 'warranty.partRules', {})
    expect(start.rules).toEqual([{ make: '', returnDays: 30, retainDays: 90, version: 1 }])
    expect(start.defaults).toEqual({ returnDays: 30, retainDays: 90 })

    const added = await t.ok('warranty_clerk', 'warranty.partRules.save', { make: '大众', returnDays: 15, retainDays: 60, version: 0 })
    expect(added.rules.find((r) => r.make === '大众')).toEqual({ make: '大众', returnDays: 15, retainDays: 60, version: 1 })
    // A second "add" of the same make (someone else's screen) is a conflict, not an overwrite.
    expect(await t.call('service_manager', 'warranty.partRules.save', { make: '大众', returnDays: 20, retainDays: 60, version: 0 })).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(await t.call('warranty_clerk', 'warranty.partRules.save', { make: '大众', returnDays: 0, retainDays: 60, version: 1 })).toMatchObject({ ok: false, code: 'VALIDATION' })

    // A part kept for a 大众 claim takes the make's 15 days.
    const ro = await warrantyRo(t)
    const draft = await t.ok('warranty_clerk', 'warranty.claim.fromRo', { roId: ro.roId })
    const claim = await t.ok('warranty_clerk', 'warranty.claim.save', claimInput(draft))
    const shelf = await t.ok('warranty_clerk', 'warranty.parts.shelf', { state: 'pending' })
    const part = shelf.find((p) => p.roId === ro.roId)!
    const kept = await t.ok('warranty_clerk', 'warranty.parts.keep', { id: part.id, version: part.version, claimId: claim.id, handling: 'return', place: 'W-01' })
    expect(kept.dueOn).toBe('2026-12-12')

    const removed = await t.ok('warranty_clerk', 'warranty.partRules.delete', { make: '大众', version: 1 })
    expect(removed.rules.map((r) => r.make)).toEqual([''])
    expect(await t.call('warranty_clerk', 'warranty.partRules.delete', { make: '大众', version: 1 })).toMatchObject({ ok: false, code: 'NOT_FOUND' })

    // The default row: edited and reset to the seeded default.
    const edited = await t.ok('service_manager', 'warranty.partRules.save', { make: '', returnDays: 45, retainDays: 120, version: 1 })
    const reset = await t.ok('service_manager', 'warranty.partRules.save', { make: '', ...edited.defaults, version: 2 })
    expect(reset.rules).toEqual([{ make: '', returnDays: 30, retainDays: 90, version: 3 }])
    expect(auditOf('warranty.partRules.save').map((a) => a.entity_id)).toEqual(['大众', '', ''])
    expect(auditOf('warranty.partRules.delete')).toHaveLength(1)
  })
})
