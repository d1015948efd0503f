import { describe, expect, it } from 'vitest'
import { appliedMigrations } from '../migrate'
import { inserter, migrateBefore, migrateRest, seedFollowUpCall, storePerTest } from './test-kit'

const t = storePerTest('m0023')

describe('0023-survey-templates', () => {
  it('keeps every call and its answers, each call asked the default five of version 1', async () => {
    const { store } = t
    await migrateBefore(store, '0023')
    const { callId } = seedFollowUpCall(store)
    const run = inserter(store)

    await migrateRest(store)
    expect(appliedMigrations(store)).toContain('0023-survey-templates')
    expect(store.sqlite.prepare('SELECT id, template_version FROM care_calls').all()).toEqual([{ id: callId, template_version: 1 }])
    expect(store.sqlite.prepare('SELECT call_id, question, score FROM care_call_answers').all()).toEqual([{ call_id: callId, question: 'overall', score: 9 }])
    expect(store.sqlite.prepare('SELECT code FROM care_survey_questions WHERE template_version = 1 ORDER BY position').all()).toEqual(
      ['overall', 'advisor', 'quality', 'on_time', 'price_explained'].map((code) => ({ code })),
    )
    expect(store.sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([])
    expect(() => run(`INSERT INTO care_survey_questions (template_version, position, code) VALUES (1, 5, 'overall')`)).toThrow(/UNIQUE/)
  })
})
