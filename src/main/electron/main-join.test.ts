import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { ipcChannel } from '../../shared/contract/bridge'
import { createApp, type App } from '../app'
import { startHttpHost, type RunningHost } from '../host/http'
import { terminalConfigPath } from '../terminal-setup/config-file'
import { chooseStartup } from '../terminal-setup/terminal-mode'
import type { FakeElectron } from './fake-electron'
import type { Shell } from './main'
import { safeStorageBox } from './safe-storage-box'

// A desktop copy on its first run joins the dealership's host from the set-up screen: the token is
// sealed with safeStorage in its data folder, the app relaunches, and the next start is a terminal.
vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronWithAppData('join-appdata-'))

let electron: FakeElectron
let remote: App
let host: RunningHost
let shell: Shell
let code: string

beforeAll(async () => {
  remote = await createApp({ dataDir: mkdtempSync(join(tmpdir(), 'join-remote-')) })
  await remote.dispatch('setup.initialise', { dealerName: '远程4S店', dealerCode: 'R-1', admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1' } })
  const login = await remote.dispatch('auth.login', { username: 'admin', password: 'admin-pass-1' })
  const token = login.ok ? (login.data as { token: string }).token : ''
  const paired = await remote.dispatch('devices.pair', { name: '前台3号机' }, { token })
  code = paired.ok ? (paired.data as { token: string }).token : ''
  host = await startHttpHost(remote, { port: 0, staticDir: null })
  vi.stubEnv('DEALER_HOST_PORT', 'off')
  vi.stubEnv('DEALER_HOST_URL', '')
  vi.stubEnv('ELECTRON_RENDERER_URL', '')
  electron = (await import('electron')) as unknown as FakeElectron
  const launched = await (await import('./main')).launched
  if (!launched) throw new Error('shell did not launch')
  shell = launched
})

afterAll(async () => {
  await shell?.close()
  await host?.close()
  remote?.close()
  vi.unstubAllEnvs()
})

describe('Electron shell joining a host from the set-up screen', () => {
  it('starts as an un-set-up host, saves the host with the token sealed by safeStorage, and relaunches', async () => {
    expect(shell.startup).toEqual({ mode: 'host', problem: null })
    const window = electron.fake.windows[0]
    if (!window) throw new Error('no window')
    const event = { sender: { id: window.webContents.id }, senderFrame: { url: 'app://app/index.html', parent: null } }
    const answer = await electron.fake.handlers.get(ipcChannel('setup.joinHost'))?.(event, { hostUrl: host.url, pairingCode: code }, { token: null, locale: 'en' })
    expect(answer).toEqual({ ok: true, data: { hostUrl: host.url, dealerName: '远程4S店', deviceName: '前台3号机', relaunching: true } })
    await vi.waitFor(() => expect(electron.app.relaunch).toHaveBeenCalledTimes(1))
    expect(electron.app.quit).toHaveBeenCalled()

    const dataDir = join(electron.app.getPath('userData'), 'data')
    const text = readFileSync(terminalConfigPath(dataDir), 'utf8')
    expect(text).toContain('sealed:v1:safestorage:')
    expect(text).not.toContain(code)
    // What the relaunched shell decides: a terminal of that host, with the token opened.
    const box = safeStorageBox()
    if (!box) throw new Error('no safeStorage')
    expect(chooseStartup({ mode: 'host' }, dataDir, () => box)).toMatchObject({ mode: 'terminal', source: 'saved', hostUrl: host.url, deviceToken: code })
  })
})
