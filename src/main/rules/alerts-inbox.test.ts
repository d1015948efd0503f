import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from '../test-support/test-app'

let t: TestApp
beforeEach(async () => {
  t = await makeTestApp()
})
afterEach(async () => {
  await t.close()
})

describe('alert inboxes', () => {
  it('refuses a parts clerk who asks for another role’s inbox, and lets a service manager look', async () => {
    const clerk = await t.callRaw('parts_clerk', 'alerts.list', { role: 'front_desk_supervisor' })
    expect(clerk).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const everyInbox = await t.callRaw('parts_clerk', 'alerts.list', { box: 'all' })
    expect(everyInbox).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const manager = await t.callRaw('service_manager', 'alerts.list', { role: 'front_desk_supervisor' })
    expect(manager.ok).toBe(true)
  })
})
