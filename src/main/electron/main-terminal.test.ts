import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { IPC_EVENT, IPC_STATUS, ipcChannel } from '../../shared/contract/bridge'
import { createApp, type App } from '../app'
import { startHttpHost, type RunningHost } from '../host/http'
import type { FakeElectron } from './fake-electron'
import type { Shell } from './main'

// The shell started as a terminal of another PC's host (here: a real host on a free port).
vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronWithAppData('terminal-appdata-'))

let electron: FakeElectron
let remote: App
let host: RunningHost
let shell: Shell

beforeAll(async () => {
  remote = await createApp({ dataDir: mkdtempSync(join(tmpdir(), 'remote-host-')) })
  host = await startHttpHost(remote, { port: 0, staticDir: null })
  vi.stubEnv('DEALER_HOST_URL', host.url)
  vi.stubEnv('DEALER_DEVICE_TOKEN', 'paired-device-token')
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

describe('Electron shell in terminal mode', () => {
  it('opens no local store and serves no LAN host of its own', () => {
    expect(shell.config.mode).toBe('terminal')
    expect(shell.core).toBeNull()
    expect(shell.host).toBeNull()
    expect(existsSync(join(electron.app.getPath('userData'), 'data'))).toBe(false)
  })

  it('answers its page’s IPC calls from the remote host and relays the host’s events', async () => {
    const window = electron.fake.windows[0]
    if (!window) throw new Error('no window')
    const event = { sender: { id: window.webContents.id }, senderFrame: { url: 'app://app/index.html', parent: null } }
    const call = (channel: string, input: unknown, token: string | null) =>
      electron.fake.handlers.get(ipcChannel(channel))?.(event, input, { token, locale: 'en' }) as Promise<{ ok: boolean; data: unknown }>

    const setup = await call(
      'setup.initialise',
      { dealerName: '远程4S店', dealerCode: 'R-1', admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1' } },
      null,
    )
    expect(setup).toMatchObject({ ok: true, data: { dealerCode: 'R-1' } })
    const login = await call('auth.login', { username: 'admin', password: 'admin-pass-1' }, null)
    const token = (login.data as { token: string }).token
    await call('auth.me', {}, token)
    await vi.waitFor(() => expect(shell.terminal?.streaming).toBe(true))

    remote.hub.publish({ type: 'ro.changed', id: 5, at: '2026-03-02T09:00:00+08:00' })
    await vi.waitFor(() =>
      expect(window.webContents.send).toHaveBeenCalledWith(IPC_EVENT, expect.objectContaining({ type: 'ro.changed', id: 5 })),
    )
  })

  it('tells its window when the stream to the host is lost and when it is back', async () => {
    const window = electron.fake.windows[0]
    if (!window) throw new Error('no window')
    expect(shell.terminal?.streaming).toBe(true)
    await host.close()
    await vi.waitFor(() => expect(window.webContents.send).toHaveBeenCalledWith(IPC_STATUS, false), { timeout: 10_000 })
    host = await startHttpHost(remote, { port: Number(new URL(host.url).port), staticDir: null })
    await vi.waitFor(() => expect(shell.terminal?.streaming).toBe(true), { timeout: 15_000 })
    expect(window.webContents.send).toHaveBeenLastCalledWith(IPC_STATUS, true)
  }, 30_000)
})
