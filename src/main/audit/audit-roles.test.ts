import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROLES, roleHas } from '../../shared/domain/roles'
import { makeTestApp, type TestApp } from '../test-support/test-app'

// The audit screen is offered to every holder of audit.read; the main process decides, per call.

let t: TestApp
beforeAll(async () => {
  t = await makeTestApp()
})
afterAll(() => t.close())

describe('who may read the audit trail and the login history', () => {
  it('answers every role that holds audit.read and refuses every other, on each reading channel', async () => {
    for (const role of ROLES) {
      const allowed = roleHas(role, 'audit.read')
      for (const [channel, input] of [
        ['audit.log', {}],
        ['audit.logins', {}],
        ['audit.export', {}],
      ] as const) {
        const answer = await t.callRaw(role, channel, input)
        expect(answer.ok ? 'ok' : answer.code, `${role} ${channel}`).toBe(allowed ? 'ok' : 'FORBIDDEN')
      }
    }
  })

  it('gives the front-desk supervisor the log and the login history, but not the lockouts or unlocking', async () => {
    expect(await t.call('front_desk_supervisor', 'audit.log', {})).toMatchObject({ ok: true })
    expect(await t.call('front_desk_supervisor', 'audit.logins', {})).toMatchObject({ ok: true })
    expect(await t.call('front_desk_supervisor', 'auth.lockouts', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await t.call('front_desk_supervisor', 'auth.unlock', { scope: 'user', key: 'advisor1' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
