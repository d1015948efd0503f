import { describe, expect, it } from 'vitest'
import { appliedMigrations } from '../migrate'
import { inserter, MIGRATION_NOW as now, migrateBefore, migrateRest, seedFollowUpCall, storePerTest } from './test-kit'

const t = storePerTest('m0016')

describe('0016-care-reminders', () => {
  it('keeps every follow-up call and its survey answers while the call log learns reminder calls', async () => {
    const { store } = t
    await migrateBefore(store, '0016')
    const { userId, followUpId, callId } = seedFollowUpCall(store)
    const run = inserter(store)

    await migrateRest(store)
    expect(appliedMigrations(store)).toContain('0016-care-reminders')
    expect(store.sqlite.prepare('SELECT id, followup_id, reminder_id, outcome FROM care_calls').all()).toEqual([{ id: callId, followup_id: followUpId, reminder_id: null, outcome: 'reached' }])
    expect(store.sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([])
    // A call belongs to exactly one follow-up or one reminder; an answer still needs its call.
    expect(() => run(`INSERT INTO care_calls (user_id, started_at, ended_at, outcome, created_at) VALUES (?, ?, ?, 'reached', ?)`, userId, now, now, now)).toThrow(/CHECK/)
    expect(() => run(`INSERT INTO care_call_answers (call_id, question, score) VALUES (999, 'overall', 9)`)).toThrow(/FOREIGN KEY/)
  })
})
