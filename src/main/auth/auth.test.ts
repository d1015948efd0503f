import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { App } from '../app'
import { makeTestApp, testClock, type TestApp } from '../test-support/test-app'
import { hashPassword, verifyPassword } from './password'

let t: TestApp
let app: App

beforeEach(async () => {
  t = await makeTestApp({ dealership: 'blank', clock: testClock('2026-11-27T02:00:00Z'), prefix: 'auth-' })
  app = t.app
})
afterEach(() => t.close())

const setup = () =>
  app.dispatch('setup.initialise', {
    dealerName: '测试4S店',
    dealerCode: 'test01',
    admin: { username: 'admin', displayName: '管理员', password: 'correct horse 1' },
  })

describe('passwords', () => {
  it('stores an scrypt hash that verifies only the right password', () => {
    const hash = hashPassword('s3cret-pass')
    expect(hash.startsWith('scrypt$')).toBe(true)
    expect(hash).not.toContain('s3cret-pass')
    expect(verifyPassword('s3cret-pass', hash)).toBe(true)
    expect(verifyPassword('s3cret-pasS', hash)).toBe(false)
  })
})

describe('first run and login', () => {
  it('refuses login before set-up and set-up a second time', async () => {
    const early = await app.dispatch('auth.login', { username: 'admin', password: 'x' })
    expect(early).toMatchObject({ ok: false, code: 'NOT_INITIALISED' })
    expect(await setup()).toMatchObject({ ok: true, data: { initialised: true, dealerCode: 'TEST01' } })
    expect(await setup()).toMatchObject({ ok: false, code: 'ALREADY_INITIALISED' })
  })

  it('logs in with the right password only, with the same answer for unknown users', async () => {
    await setup()
    const bad = await app.dispatch('auth.login', { username: 'admin', password: 'wrong' })
    const unknown = await app.dispatch('auth.login', { username: 'nobody', password: 'wrong' })
    expect(bad).toMatchObject({ ok: false, code: 'BAD_CREDENTIALS', message: '用户名或密码错误' })
    expect(unknown).toEqual(bad)
    const good = await app.dispatch('auth.login', { username: 'ADMIN', password: 'correct horse 1' })
    expect(good.ok).toBe(true)
  })

  it('ends the session at logout and after a day of idleness', async () => {
    await setup()
    const login = await app.dispatch('auth.login', { username: 'admin', password: 'correct horse 1' })
    if (!login.ok) throw new Error(login.message)
    const { token } = login.data as { token: string }
    expect((await app.dispatch('auth.me', {}, { token })).ok).toBe(true)
    t.clock.advance(13 * 3600_000)
    expect(await app.dispatch('auth.me', {}, { token })).toMatchObject({ ok: false, code: 'SESSION_EXPIRED' })

    const again = await app.dispatch('auth.login', { username: 'admin', password: 'correct horse 1' })
    const token2 = (again as { data: { token: string } }).data.token
    expect((await app.dispatch('auth.logout', {}, { token: token2 })).ok).toBe(true)
    expect(await app.dispatch('auth.me', {}, { token: token2 })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  })

  it('ends a user’s sessions when an administrator changes the role', async () => {
    await setup()
    const admin = await app.dispatch('auth.login', { username: 'admin', password: 'correct horse 1' })
    const adminToken = (admin as { data: { token: string } }).data.token
    const created = await app.dispatch(
      'users.create',
      { username: 'li.na', displayName: '李娜', role: 'service_advisor', password: 'advisor-pass' },
      { token: adminToken },
    )
    expect(created).toMatchObject({ ok: true, data: { role: 'service_advisor', active: true } })
    const li = await app.dispatch('auth.login', { username: 'li.na', password: 'advisor-pass' })
    const liToken = (li as { data: { token: string } }).data.token
    const id = (created as { data: { id: number } }).data.id
    await app.dispatch('users.update', { id, role: 'cashier' }, { token: adminToken })
    expect((await app.dispatch('auth.me', {}, { token: liToken })).ok).toBe(false)
    const rows = app.store.sqlite.prepare("SELECT action FROM audit_log WHERE entity = 'user' ORDER BY id").all()
    expect(rows.map((r) => (r as { action: string }).action)).toEqual(['auth.login', 'user.create', 'auth.login', 'user.update'])
  })

  it('answers in English when the caller asks for it', async () => {
    const res = await app.dispatch('auth.me', {}, { locale: 'en' })
    expect(res).toMatchObject({ ok: false, code: 'UNAUTHENTICATED', message: 'Please log in first' })
  })
})
