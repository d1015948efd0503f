import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { startHttpHost, type RunningHost } from './http'
import { hostAddresses } from './lan-addresses'

// The workshop TV as it really is: another device on the LAN (this machine's own LAN address, so
// the host sees a non-loopback peer), unpaired, holding only a display token.

let t: TestApp
let host: RunningHost
let lanBase: string
let token: string
let staticDir: string

beforeAll(async () => {
  t = await makeTestApp({ roles: ['workshop_supervisor', 'service_advisor'] })
  staticDir = mkdtempSync(join(tmpdir(), 'dealer-static-'))
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>app</title>')
  host = await startHttpHost(t.app, { port: 0, host: '0.0.0.0', staticDir })
  const lan = hostAddresses(t.app.listening).addresses.find((a) => a.family === 'IPv4')
  if (!lan?.baseUrl) throw new Error('this machine has no LAN address to test from')
  lanBase = lan.baseUrl
  token = (await t.ok('workshop_supervisor', 'workshop.createDisplayToken', { name: '车间电视' })).token
})
afterAll(async () => {
  await host.close()
  await t.close()
  rmSync(staticDir, { recursive: true, force: true })
})

const get = (path: string, headers: Record<string, string> = {}) => fetch(new URL(path, lanBase), { headers, redirect: 'manual' })
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(new URL(path, lanBase), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })

describe('the wall display on an unpaired TV', () => {
  it('tells the supervisor the LAN address the TV opens, on the port the host listens on', async () => {
    const found = await t.ok('workshop_supervisor', 'workshop.displayAddresses', {})
    expect(found).toMatchObject({ bindHost: '0.0.0.0', lanReachable: true })
    expect(found.addresses.map((a) => a.baseUrl)).toContain(lanBase)
    expect(await t.call('service_advisor', 'workshop.displayAddresses', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('is refused without its token, as every unpaired device is', async () => {
    expect((await get('/')).status).toBe(403)
    expect((await get('/wall?token=' + 'x'.repeat(32), { 'accept-language': 'en' })).status).toBe(401)
  })

  it('opens the wall with the token: a cookie, then the app and the board, but nothing else', async () => {
    const opened = await get(`/wall?token=${token}`)
    expect(opened.status).toBe(302)
    expect(opened.headers.get('location')).toBe(`/#/wall?token=${token}`)
    const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0]!
    expect(cookie).toBe(`display=${token}`)

    const page = await get('/', { cookie })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<title>app</title>')
    const board = await post('/api/workshop.wall', { displayToken: token }, { cookie })
    expect(await board.json()).toMatchObject({ ok: true, data: { cards: [] } })
    const events = await fetch(new URL(`/api/events?display=${token}`, lanBase))
    expect(events.status).toBe(200)
    await events.body?.cancel()

    // The cookie is no pairing: a login or any other channel is refused before it is read.
    expect((await post('/api/auth.login', { username: 'x', password: 'y' }, { cookie })).status).toBe(403)
    expect((await post('/api/workshop.board', {}, { cookie })).status).toBe(403)
  })

  it('is shut out again once its token is revoked', async () => {
    const list = await t.ok('workshop_supervisor', 'workshop.displayTokens', {})
    await t.ok('workshop_supervisor', 'workshop.revokeDisplayToken', { id: list[0]!.id })
    expect((await get('/', { cookie: `display=${token}` })).status).toBe(403)
    expect((await get(`/wall?token=${token}`)).status).toBe(401)
  })
})

describe('a host bound to 127.0.0.1', () => {
  it('says that no TV can reach it, and without an HTTP host that there is none', async () => {
    const alone = await makeTestApp({ roles: ['workshop_supervisor'] })
    try {
      expect(await alone.ok('workshop_supervisor', 'workshop.displayAddresses', {})).toMatchObject({ bindHost: null, port: null, lanReachable: false })
      const local = await startHttpHost(alone.app, { port: 0 })
      const port = Number(new URL(local.url).port)
      expect(await alone.ok('workshop_supervisor', 'workshop.displayAddresses', {})).toMatchObject({ bindHost: '127.0.0.1', port, lanReachable: false })
      await local.close()
    } finally {
      await alone.close()
    }
  })
})
