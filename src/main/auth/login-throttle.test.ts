import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ClientInfo } from '../api/context'
import { setSetting } from '../settings/settings'
import { makeTestApp, TEST_PASSWORD, type TestApp } from '../test-support/test-app'

// Password guessing against the real dispatcher and a real store: growing delays, lockouts per
// user name and per address with the time they end, equal treatment of unknown names, the
// administrator's unlock, and the event loop kept free while passwords are checked.

let t: TestApp

beforeEach(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'technician'] })
  setSetting(t.app.store, 'auth.lockAfterFailures', 4)
  setSetting(t.app.store, 'auth.failureDelayMs', 0)
})
afterEach(() => t.close())

const from = (address: string): ClientInfo => ({ address, device: null })
const login = (username: string, password: string, client: ClientInfo = from('192.168.1.20'), locale = 'zh-CN') =>
  t.app.dispatch('auth.login', { username, password }, { token: null, locale, client })

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now()
  const value = await work()
  return { ms: performance.now() - start, value }
}

describe('login throttling', () => {
  it('waits longer after each failure from the third on', async () => {
    setSetting(t.app.store, 'auth.lockAfterFailures', 10)
    setSetting(t.app.store, 'auth.failureDelayMs', 60)
    const times: number[] = []
    for (let i = 0; i < 5; i++) {
      const { ms, value } = await timed(() => login('service-advisor', 'wrong-password'))
      expect(value).toMatchObject({ ok: false, code: 'BAD_CREDENTIALS' })
      times.push(ms)
    }
    // No delay for the first two; then 60, 120, 240 ms before the password is even checked.
    // Lower bounds only: a loaded machine can make any call slower, never a sleep shorter.
    expect(times[2]!, times.join(' ')).toBeGreaterThanOrEqual(59)
    expect(times[3]!, times.join(' ')).toBeGreaterThanOrEqual(119)
    expect(times[4]!, times.join(' ')).toBeGreaterThanOrEqual(239)
  })

  it('locks a user name after the limit, saying until when, even for the right password', async () => {
    for (let i = 0; i < 3; i++) expect(await login('service-advisor', 'wrong-password')).toMatchObject({ code: 'BAD_CREDENTIALS' })
    const fourth = await login('service-advisor', 'wrong-password')
    expect(fourth).toMatchObject({ ok: false, code: 'TOO_MANY_ATTEMPTS', details: { lockedUntil: '2026-11-27T10:45:00+08:00' } })
    expect(fourth.ok === false && fourth.message).toBe('登录尝试次数过多，已锁定至 2026-11-27 10:45，请稍后再试或联系管理员解锁')
    const right = await login('service-advisor', TEST_PASSWORD, from('192.168.1.21'), 'en')
    expect(right).toMatchObject({ ok: false, code: 'TOO_MANY_ATTEMPTS' })
    expect(right.ok === false && right.message).toMatch(/locked until 2026-11-27 10:45/)
    // Another user at the same desk is not affected.
    expect(await login('technician', TEST_PASSWORD)).toMatchObject({ ok: true })
    t.clock.advance(15 * 60_000 + 1_000)
    expect(await login('service-advisor', TEST_PASSWORD)).toMatchObject({ ok: true })
  })

  it('treats an unknown user name exactly like a known one: same answers, same lockout, same work', async () => {
    for (let i = 0; i < 3; i++) expect(await login('nobody-here', 'wrong-password')).toMatchObject({ code: 'BAD_CREDENTIALS' })
    expect(await login('nobody-here', 'wrong-password')).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' })
    const known: number[] = []
    const unknown: number[] = []
    for (let i = 0; i < 10; i++) {
      // A fresh name each time and a fresh address, so no delay or lockout is in play.
      known.push((await timed(() => login(i % 2 ? 'technician' : 'service-advisor', `wrong-${i}`, from(`10.0.1.${i}`)))).ms)
      unknown.push((await timed(() => login(`ghost-${i}`, `wrong-${i}`, from(`10.0.2.${i}`)))).ms)
      t.clock.advance(16 * 60_000)
    }
    // Trimmed sums of interleaved runs: the machine's noise hits both alike. Without the dummy hash
    // an unknown name would cost ~1/20 of a known one.
    const trimmed = (xs: number[]) => [...xs].sort((a, b) => a - b).slice(2, -2).reduce((a, b) => a + b, 0)
    const ratio = trimmed(unknown) / trimmed(known)
    expect(ratio, `${unknown.join(' ')} vs ${known.join(' ')}`).toBeGreaterThan(0.4)
    expect(ratio, `${unknown.join(' ')} vs ${known.join(' ')}`).toBeLessThan(2.5)
  })

  it('locks a client address trying many user names, and only that address', async () => {
    const attacker = from('192.168.1.66')
    for (let i = 0; i < 11; i++) expect(await login(`name-${i}`, 'wrong', attacker)).toMatchObject({ code: 'BAD_CREDENTIALS' })
    expect(await login('name-11', 'wrong', attacker)).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' })
    expect(await login('service-advisor', TEST_PASSWORD, attacker)).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' })
    expect(await login('service-advisor', TEST_PASSWORD, from('192.168.1.20'))).toMatchObject({ ok: true })
  })

  it('lets the administrator see and lift lockouts, and nobody else', async () => {
    for (let i = 0; i < 4; i++) await login('service-advisor', 'wrong-password')
    const lockouts = await t.ok('administrator', 'auth.lockouts', {})
    expect(lockouts).toEqual([{ scope: 'user', key: 'service-advisor', lockedUntil: '2026-11-27T10:45:00+08:00', failures: 4 }])
    expect(await t.call('service_advisor', 'auth.lockouts', {})).toMatchObject({ code: 'FORBIDDEN' })
    expect(await t.call('technician', 'auth.unlock', { scope: 'user', key: 'service-advisor' })).toMatchObject({ code: 'FORBIDDEN' })
    await t.ok('administrator', 'auth.unlock', { scope: 'user', key: 'service-advisor' })
    expect(await t.ok('administrator', 'auth.lockouts', {})).toEqual([])
    expect(await login('service-advisor', TEST_PASSWORD)).toMatchObject({ ok: true })
    expect(await t.call('administrator', 'auth.unlock', { scope: 'user', key: 'service-advisor' })).toMatchObject({ code: 'NOT_FOUND' })
  })

  it('keeps the event loop free while passwords are checked', async () => {
    // Twelve checks on the one thread would hold it for 12 × ~45 ms before anything else ran.
    const start = performance.now()
    const burst = Array.from({ length: 12 }, (_, i) => login(`burst-${i}`, 'wrong', from(`10.9.0.${i}`)))
    const lags: number[] = []
    let last = start
    for (let i = 0; i < 10; i++) {
      await new Promise((resolve) => setImmediate(resolve))
      lags.push(performance.now() - last)
      last = performance.now()
    }
    const me = await t.call('technician', 'auth.me', {})
    expect(me).toMatchObject({ ok: true })
    const answers = await Promise.all(burst)
    expect(answers.every((a) => !a.ok && a.code === 'BAD_CREDENTIALS')).toBe(true)
    expect(Math.max(...lags), lags.map((l) => l.toFixed(1)).join(' ')).toBeLessThan(250)
  })
})

describe('sessions', () => {
  it('ends the user\'s other sessions when they change their own password, keeping this one', async () => {
    const here = (await t.ok(null, 'auth.login', { username: 'service-advisor', password: TEST_PASSWORD })).token
    const elsewhere = t.tokens.service_advisor
    await t.ok({ token: here }, 'auth.changePassword', { current: TEST_PASSWORD, next: 'a-new-password-2' })
    expect(await t.call({ token: here }, 'auth.me', {})).toMatchObject({ ok: true })
    expect(await t.call({ token: elsewhere }, 'auth.me', {})).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    expect(await login('service-advisor', TEST_PASSWORD)).toMatchObject({ code: 'BAD_CREDENTIALS' })
    expect(await login('service-advisor', 'a-new-password-2')).toMatchObject({ ok: true })
  })

  it('counts a wrong current password when changing it towards the lockout', async () => {
    for (let i = 0; i < 3; i++) {
      expect(await t.call('technician', 'auth.changePassword', { current: 'wrong', next: 'whatever-123' })).toMatchObject({ code: 'BAD_CREDENTIALS' })
    }
    expect(await t.call('technician', 'auth.changePassword', { current: 'wrong', next: 'whatever-123' })).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' })
  })
})

describe('users.list', () => {
  it('is for those who manage staff; the appointment book gets advisor names through its own channel', async () => {
    expect(await t.call('service_advisor', 'users.list', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect((await t.ok('administrator', 'users.list', {})).map((u) => u.username)).toContain('service-advisor')
    const advisors = await t.ok('service_advisor', 'appointments.advisors', {})
    expect(advisors).toEqual([{ id: t.userIds.service_advisor, displayName: '测试service_advisor' }])
    expect(advisors[0]).not.toHaveProperty('username')
  })
})
