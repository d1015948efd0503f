import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, testClock, type TestApp } from '../test-support/test-app'
import { local, relogin } from '../rules/test-helpers'

// A person's own scorecard history: every reviewed month, newest first, acknowledged or not; a
// changed comment needs acknowledging again.

let t: TestApp

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_manager', 'service_advisor', 'technician'], clock: testClock('2026-02-10T10:00:00+08:00'), prefix: 'dept-history-' })
  t.clock.set(local('2026-02-10T10:00:00'))
  await relogin(t)
})
afterAll(() => t.close())

describe('one’s own scorecard history', () => {
  it('lists the reviewed months across a year end, newest first, with their acknowledgement', async () => {
    const advisorId = t.userIds.service_advisor
    await t.ok('service_manager', 'department.scorecard.comment', { month: '2025-12', userId: advisorId, comment: '年底冲量表现突出' })
    await t.ok('service_manager', 'department.scorecard.comment', { month: '2026-01', userId: advisorId, comment: '结算及时率需提高' })
    const december = await t.ok('service_advisor', 'department.myScorecard', { month: '2025-12' })
    await t.ok('service_advisor', 'department.scorecard.acknowledge', { month: '2025-12', version: december.review!.version })
    const history = await t.ok('service_advisor', 'department.myScorecards', {})
    expect(history.map((h) => [h.month, h.comment, h.acknowledgedAt !== null])).toEqual([
      ['2026-01', '结算及时率需提高', false],
      ['2025-12', '年底冲量表现突出', true],
    ])
    expect(history[0]!.commentedBy).toBeTruthy()
  })

  it('asks for a new acknowledgement when the comment changes, and keeps each person to their own', async () => {
    const advisorId = t.userIds.service_advisor
    const card = await t.ok('service_manager', 'department.scorecard', { month: '2025-12', userId: advisorId })
    await t.ok('service_manager', 'department.scorecard.comment', { month: '2025-12', userId: advisorId, comment: '年底冲量表现突出，注意客户回访', version: card.review!.version })
    const history = await t.ok('service_advisor', 'department.myScorecards', {})
    expect(history.find((h) => h.month === '2025-12')).toMatchObject({ comment: '年底冲量表现突出，注意客户回访', acknowledgedAt: null })
    expect(await t.ok('technician', 'department.myScorecards', {})).toEqual([])
    const manager = await t.call('service_manager', 'department.myScorecards', {})
    expect(manager.ok || manager.code).toBe('FORBIDDEN')
  })
})
