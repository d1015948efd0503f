import { describe, expect, it } from 'vitest'
import { inserter, migrateBefore, migrateRest, seedFollowUpCall, storePerTest, MIGRATION_NOW } from './test-kit'

const t = storePerTest('m0030')

describe('0030-insurance-line-ids', () => {
  it('keeps every assessment and supplement, now against the line that was at its position', async () => {
    const { store } = t
    await migrateBefore(store, '0030')
    const { userId, roId } = seedFollowUpCall(store)
    const run = inserter(store)
    const line = (position: number, description: string) =>
      run(
        `INSERT INTO ro_lines (ro_id, position, kind, description, quantity_milli, unit_price_fen, amount_fen, payer, vat_rate_bp) VALUES (?, ?, 'labour', ?, 1000, 10000, 10000, 'insurance', 1300)`,
        roId,
        position,
        description,
      )
    // Ids in another order than positions, as after the old delete-and-insert saves.
    const lamp = line(2, '前大灯')
    const bumper = line(1, '前杠')
    const n = MIGRATION_NOW
    const claimId = run(
      `INSERT INTO insurance_claims (ro_id, insurer, policy_no, report_no, insured_name, reported_on, arrived_on, assessed_on, created_by, created_at, updated_at) VALUES (?, '人保', 'P1', 'R1', '王', '2026-11-25', '2026-11-26', '2026-11-27', ?, ?, ?)`,
      roId,
      userId,
      n,
      n,
    )
    run(`INSERT INTO insurance_assessment_lines (claim_id, position, assessed_fen, reason) VALUES (?, 1, 9000, 'refused'), (?, 2, 8000, 'betterment'), (?, 3, 5, 'refused')`, claimId, claimId, claimId)
    const supId = run(`INSERT INTO insurance_supplements (claim_id, position, assessed_on, amount_fen, note, created_by, created_at) VALUES (?, 2, '2026-11-27', 700, '支架', ?, ?)`, claimId, userId, n)

    await migrateRest(store)
    expect(store.sqlite.prepare('SELECT claim_id, ro_line_id, assessed_fen, reason FROM insurance_assessment_lines ORDER BY assessed_fen DESC').all()).toEqual([
      { claim_id: claimId, ro_line_id: bumper, assessed_fen: 9000, reason: 'refused' },
      { claim_id: claimId, ro_line_id: lamp, assessed_fen: 8000, reason: 'betterment' },
    ])
    expect(store.sqlite.prepare('SELECT id, ro_line_id, amount_fen, note FROM insurance_supplements').all()).toEqual([{ id: supId, ro_line_id: lamp, amount_fen: 700, note: '支架' }])
    expect(store.sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([])
    // The line cannot be deleted from under its assessment.
    expect(() => store.sqlite.prepare('DELETE FROM ro_lines WHERE id = ?').run(bumper)).toThrow(/FOREIGN KEY/)
  })
})
