import { describe, expect, it } from 'vitest'
import { inserter, migrateBefore, migrateRest, seedFollowUpCall, storePerTest, MIGRATION_NOW } from './test-kit'

const t = storePerTest('m0034')

describe('0034-warranty-registers', () => {
  it('keeps the dealer’s own rule settings and recorded overrides, and adds the authority rule', async () => {
    const { store } = t
    await migrateBefore(store, '0034')
    const { userId, roId, vehicleId } = seedFollowUpCall(store)
    const run = inserter(store)
    run(`UPDATE warranty_check_rules SET enabled = 0, param = 15 WHERE rule = 'narrative'`)
    run(`UPDATE warranty_check_rules SET severity = 'warn' WHERE rule = 'late_submission'`)
    const n = MIGRATION_NOW
    const claimId = run(
      `INSERT INTO warranty_claims (number, ro_id, vehicle_id, claim_type, mileage_km, created_by, created_at, updated_at) VALUES ('SP2026000001', ?, ?, 'general', 1000, ?, ?, ?)`,
      roId,
      vehicleId,
      userId,
      n,
      n,
    )
    run(`INSERT INTO warranty_claim_overrides (claim_id, rule, reason, user_id, at) VALUES (?, 'coverage', '厂家同意', ?, ?)`, claimId, userId, n)
    // The columns the table had at 0034 (later migrations add their own).
    const before = store.sqlite.prepare(`SELECT rule, enabled, severity, param FROM warranty_check_rules ORDER BY rule`).all()

    await migrateRest(store)
    const after = store.sqlite.prepare(`SELECT rule, enabled, severity, param FROM warranty_check_rules WHERE rule != 'authority' ORDER BY rule`).all()
    expect(after).toEqual(before)
    expect(store.sqlite.prepare(`SELECT enabled, severity, param FROM warranty_check_rules WHERE rule = 'authority'`).get()).toEqual({ enabled: 1, severity: 'block', param: 500000 })
    expect(store.sqlite.prepare(`SELECT claim_id, rule, reason FROM warranty_claim_overrides`).all()).toEqual([{ claim_id: claimId, rule: 'coverage', reason: '厂家同意' }])
    // The rebuilt tables take the new rule and still refuse an unknown one.
    run(`INSERT INTO warranty_claim_overrides (claim_id, rule, reason, user_id, at) VALUES (?, 'authority', '厂家电话批准', ?, ?)`, claimId, userId, n)
    expect(() => run(`INSERT INTO warranty_check_rules (rule, enabled, severity) VALUES ('nonsense', 1, 'block')`)).toThrow(/CHECK/)
    // An over-authority request needs its amount; a quality report its severity.
    expect(() => run(`INSERT INTO warranty_registers (kind, number, vehicle_id, created_by, created_at, updated_at) VALUES ('over_authority', 'CQ1', ?, ?, ?, ?)`, vehicleId, userId, n, n)).toThrow(/CHECK/)
    expect(() => run(`INSERT INTO warranty_registers (kind, number, vehicle_id, occurrences, created_by, created_at, updated_at) VALUES ('quality_feedback', 'ZL1', ?, 1, ?, ?, ?)`, vehicleId, userId, n, n)).toThrow(/CHECK/)
    expect(store.sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([])
  })
})
