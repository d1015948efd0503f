import { createServer, type Server } from 'node:http'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { translate } from '../../shared/i18n'
import { createApp, type App } from '../app'
import { startHttpHost, type RunningHost } from '../host/http'
import { createTerminalBackend } from '../host/terminal'
import { keyFileBox } from '../secrets/key-file-box'
import { makeTestApp, TEST_PASSWORD, type TestApp } from '../test-support/test-app'
import { loadTerminalConfig, terminalConfigPath } from './config-file'
import { attachTerminalSetup } from './registry'
import { withLocalChannels } from './terminal-mode'

// A new PC (an un-set-up copy) joins a real host over HTTP with the code the host's 工作站 screen
// gave, saves the configuration with the code sealed, and a terminal started from it works.

let remote: TestApp
let remoteHost: RunningHost
let fresh: App
let freshDir: string
let bare: App
let bareHost: RunningHost
let stranger: Server
let strangerUrl: string
let code: string
let deviceId: number

beforeAll(async () => {
  remote = await makeTestApp({ roles: ['service_advisor'] })
  remoteHost = await startHttpHost(remote.app, { port: 0, staticDir: null })
  const paired = await remote.ok('administrator', 'devices.pair', { name: '前台2号机' })
  code = paired.token
  deviceId = paired.id
  freshDir = mkdtempSync(join(tmpdir(), 'new-pc-'))
  fresh = await createApp({ dataDir: freshDir })
  // A host that exists but was never set up.
  bare = await createApp({ dataDir: mkdtempSync(join(tmpdir(), 'bare-host-')) })
  bareHost = await startHttpHost(bare, { port: 0, staticDir: null })
  // Some other web server on the LAN.
  stranger = createServer((_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>router login</h1>'))
  await new Promise<void>((done) => stranger.listen(0, '127.0.0.1', done))
  const address = stranger.address()
  strangerUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`
})

afterAll(async () => {
  await remoteHost?.close()
  await remote?.close()
  fresh?.close()
  await bareHost?.close()
  bare?.close()
  await new Promise<void>((done) => stranger.close(() => done()))
  rmSync(freshDir, { recursive: true, force: true })
})

const join_ = (input: unknown, locale = 'zh-CN') => fresh.dispatch('setup.joinHost', input, { locale })

describe('joining the dealership host from the set-up screen', () => {
  it('refuses a wrong code, in the caller’s language, naming the field', async () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const answer = await join_({ hostUrl: remoteHost.url, pairingCode: 'x'.repeat(32) }, locale)
      expect(answer).toMatchObject({ ok: false, code: 'VALIDATION', message: translate(locale, 'terminalSetup.wrongCode') })
      expect(answer.ok ? null : answer.details?.fields).toEqual([{ field: 'pairingCode', message: translate(locale, 'terminalSetup.wrongCode') }])
    }
    expect(existsSync(terminalConfigPath(freshDir))).toBe(false)
  })

  it('refuses a revoked code', async () => {
    const other = await remote.ok('administrator', 'devices.pair', { name: '旧电脑' })
    await remote.ok('administrator', 'devices.revoke', { id: other.id })
    expect(await join_({ hostUrl: remoteHost.url, pairingCode: other.token })).toMatchObject({ ok: false, message: translate('zh-CN', 'terminalSetup.wrongCode') })
  })

  it('says when the host cannot be reached, is not a dealership host, or is not set up yet', async () => {
    const closed = `http://127.0.0.1:${await closedPort()}/`
    expect(await join_({ hostUrl: closed, pairingCode: code })).toMatchObject({ ok: false, code: 'VALIDATION', message: translate('zh-CN', 'terminalSetup.unreachable', { url: closed }) })
    expect(await join_({ hostUrl: strangerUrl, pairingCode: code }, 'en')).toMatchObject({ ok: false, message: translate('en', 'terminalSetup.notDealerHost', { url: strangerUrl }) })
    expect(await join_({ hostUrl: bareHost.url, pairingCode: code })).toMatchObject({ ok: false, message: translate('zh-CN', 'terminalSetup.hostNotSetUp', { url: bareHost.url }) })
  })

  it('validates the address and the code before going anywhere', async () => {
    expect(await join_({ hostUrl: 'file:///etc/passwd', pairingCode: code })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await join_({ hostUrl: 'http://admin:pw@10.0.0.1/', pairingCode: code })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await join_({ hostUrl: remoteHost.url, pairingCode: 'short' })).toMatchObject({ ok: false, message: `字段「配对码」：${translate('zh-CN', 'terminalSetup.codeFormat')}` })
    expect(await join_({ hostUrl: remoteHost.url, pairingCode: `${code}\u0000` })).toMatchObject({ ok: false, code: 'VALIDATION' })
  })

  it('is refused to another PC on the LAN: only this PC’s own screen sets it up', async () => {
    const answer = await fresh.dispatch('setup.joinHost', { hostUrl: remoteHost.url, pairingCode: code }, { client: { address: '192.168.1.77', device: null } })
    expect(answer).toMatchObject({ ok: false, code: 'FORBIDDEN', message: translate('zh-CN', 'terminalSetup.localOnly') })
  })

  it('saves the host with the code sealed, and a terminal started from it reaches the host’s data', async () => {
    const onJoined = vi.fn()
    attachTerminalSetup(fresh.store, { onJoined })
    const answer = await join_({ hostUrl: `${remoteHost.url}anything?x=1`, pairingCode: `  ${code} ` })
    expect(answer).toEqual({ ok: true, data: { hostUrl: remoteHost.url, dealerName: '测试汽车销售服务有限公司', deviceName: '前台2号机', relaunching: true } })
    await vi.waitFor(() => expect(onJoined).toHaveBeenCalledTimes(1))
    const text = readFileSync(terminalConfigPath(freshDir), 'utf8')
    expect(text).not.toContain(code)
    expect(text).toContain('sealed:v1:keyfile:')
    const loaded = loadTerminalConfig(freshDir, keyFileBox(freshDir))
    if (loaded.status !== 'ok') throw new Error(`config not loaded: ${JSON.stringify(loaded)}`)
    expect(loaded.config).toMatchObject({ hostUrl: remoteHost.url, deviceId, deviceToken: code })
    const status = await fresh.dispatch('setup.terminalStatus', {})
    expect(status).toMatchObject({ ok: true, data: { mode: 'host', saved: { hostUrl: remoteHost.url, deviceName: '前台2号机' }, problem: null } })

    const terminal = withLocalChannels(createTerminalBackend({ hostUrl: loaded.config.hostUrl, deviceToken: loaded.config.deviceToken, log: () => {} }), {
      dataDir: freshDir,
      saved: loaded.config,
    })
    try {
      const login = await terminal.dispatch('auth.login', { username: 'service-advisor', password: TEST_PASSWORD })
      if (!login.ok) throw new Error(login.message)
      const token = (login.data as { token: string }).token
      expect(await terminal.dispatch('settings.get', {}, { token })).toMatchObject({ ok: true, data: { dealerCode: 'TEST01' } })
      expect(await terminal.dispatch('setup.terminalStatus', {}, { token })).toMatchObject({ ok: true, data: { mode: 'terminal', saved: { deviceName: '前台2号机' } } })
      // Forgetting needs someone who manages workstations while the host still vouches for this PC.
      expect(await terminal.dispatch('setup.forgetTerminal', {}, { token, locale: 'en' })).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
        message: translate('en', 'terminalSetup.forgetNeedsAdmin'),
      })
      expect(existsSync(terminalConfigPath(freshDir))).toBe(true)
      const admin = await terminal.dispatch('auth.login', { username: 'admin', password: TEST_PASSWORD })
      if (!admin.ok) throw new Error(admin.message)
      const adminToken = (admin.data as { token: string }).token
      expect(await terminal.dispatch('setup.forgetTerminal', {}, { token: adminToken })).toEqual({ ok: true, data: { ok: true, relaunching: false } })
      expect(existsSync(terminalConfigPath(freshDir))).toBe(false)
    } finally {
      terminal.close()
    }
  })

  it('audits the join and the forget in this PC’s own store', () => {
    const actions = fresh.store.prepare(`SELECT action FROM audit_log ORDER BY id`).all() as { action: string }[]
    expect(actions.map((a) => a.action)).toContain('terminal.join')
  })

  it('is refused once this copy is a dealership’s own store', async () => {
    expect(await remote.callRaw(null, 'setup.joinHost', { hostUrl: remoteHost.url, pairingCode: code })).toMatchObject({ ok: false, code: 'ALREADY_INITIALISED' })
    expect(await remote.callRaw(null, 'setup.forgetTerminal', {})).toMatchObject({ ok: false, code: 'ALREADY_INITIALISED' })
    expect(await remote.call(null, 'setup.terminalStatus', {})).toEqual({ ok: true, data: { mode: 'host', saved: null, problem: null } })
  })
})

function closedPort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => done(typeof address === 'object' && address ? address.port : 1))
    })
  })
}
