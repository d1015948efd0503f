import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { ipcChannel } from '../../shared/contract/bridge'
import type { FakeElectron } from './fake-electron'
import type { Shell } from './main'

// The real shell entry with a fake Electron around it: real store on a temp dir, real dispatcher,
// real LAN host on a free port.
vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronWithAppData('shell-appdata-'))

let electron: FakeElectron
let shell: Shell

beforeAll(async () => {
  vi.stubEnv('DEALER_HOST_PORT', '0')
  vi.stubEnv('ELECTRON_RENDERER_URL', '')
  vi.stubEnv('DEALER_HOST_URL', '')
  vi.stubEnv('DEALER_HOST_ADDRESS', '')
  electron = (await import('electron')) as unknown as FakeElectron
  const main = await import('./main')
  const launched = await main.launched
  if (!launched) throw new Error('shell did not launch')
  shell = launched
})

afterAll(async () => {
  await shell?.close()
  vi.unstubAllEnvs()
})

function mainWindow() {
  const window = electron.fake.windows[0]
  if (!window) throw new Error('no window')
  return window
}

describe('Electron shell', () => {
  it('registers app:// as a privileged scheme and sandboxes every renderer before ready', () => {
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ])
    expect(electron.app.enableSandbox).toHaveBeenCalled()
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
  })

  it('creates one window with the secure web preferences and the built CJS preload', () => {
    expect(electron.fake.windows).toHaveLength(1)
    const prefs = mainWindow().options.webPreferences as Record<string, unknown>
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    })
    expect(String(prefs.preload).replaceAll('\\', '/')).toMatch(/\/preload\/preload\.cjs$/)
  })

  it('loads the renderer through app://, not file://', () => {
    expect(mainWindow().loadURL).toHaveBeenCalledWith('app://app/index.html')
  })

  it('denies navigation away from the app origin and redirects elsewhere', () => {
    const contents = mainWindow().webContents
    expect(contents.tryNavigate('will-navigate', 'https://evil.example/')).toBe(true)
    expect(contents.tryNavigate('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(contents.tryNavigate('will-navigate', 'http://localhost:5173/')).toBe(true)
    expect(contents.tryNavigate('will-redirect', 'https://evil.example/')).toBe(true)
    expect(contents.tryNavigate('will-navigate', 'app://app/index.html#/reception')).toBe(false)
  })

  it('denies every new window and webview', () => {
    const contents = mainWindow().webContents
    expect(contents.windowOpenHandler?.({ url: 'app://app/index.html' })).toEqual({ action: 'deny' })
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
    expect(contents.tryNavigate('will-attach-webview', 'app://app/')).toBe(true)
  })

  it('refuses every permission request and check', () => {
    const session = electron.session.defaultSession
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void
    const callback = vi.fn()
    request({}, 'media', callback)
    request({}, 'notifications', callback)
    expect(callback.mock.calls).toEqual([[false], [false]])
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as () => boolean
    expect(check()).toBe(false)
  })

  it('has the app:// handler refuse path traversal out of the renderer folder', async () => {
    const handler = electron.fake.protocolHandlers.get('app')
    if (!handler) throw new Error('no app:// handler')
    const encoded = await handler(new Request('app://app/..%2f..%2f..%2fpackage.json'))
    expect(encoded.status).toBe(403)
    const backslash = await handler(new Request('app://app/..%5c..%5cpackage.json'))
    expect(backslash.status).toBe(403)
    // A literal `..` is folded by URL parsing; it must still not reach a file outside the folder.
    const literal = await handler(new Request('app://app/../../../package.json'))
    expect(await literal.text()).not.toContain('"dealer-aftersales"')
  })

  it('keeps its store in userData/data and answers IPC calls from its own page through the real dispatcher', async () => {
    expect(existsSync(join(electron.app.getPath('userData'), 'data', 'dealer.sqlite'))).toBe(true)
    const handler = electron.fake.handlers.get(ipcChannel('setup.status'))
    if (!handler) throw new Error('setup.status not bound')
    const event = { sender: { id: mainWindow().webContents.id }, senderFrame: { url: 'app://app/index.html', parent: null } }
    const answer = await handler(event, {}, { token: null, locale: 'en' })
    expect(answer).toMatchObject({ ok: true, data: { initialised: false } })
  })

  it('also serves the API to browsers on 127.0.0.1', async () => {
    expect(shell.host?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    const res = await fetch(new URL('api/contract', shell.host?.url))
    expect(res.status).toBe(200)
    const doc = (await res.json()) as { channels: { name: string }[] }
    expect(doc.channels.map((c) => c.name)).toContain('setup.status')
  })

  it('closes the store and the host before quitting', async () => {
    const url = shell.host?.url ?? ''
    let prevented = false
    electron.app.emit('will-quit', { preventDefault: () => (prevented = true) })
    expect(prevented).toBe(true)
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalled())
    expect(shell.core?.store.sqlite.open).toBe(false)
    await expect(fetch(new URL('api/contract', url))).rejects.toThrow()
  })
})
