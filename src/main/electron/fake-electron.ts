import { EventEmitter } from 'node:events'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { vi } from 'vitest'

// A stand-in for the `electron` module in unit tests (the Electron runtime is not available on
// build machines). It records what the shell asks of Electron and lets a test play the renderer.
// Use: vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron()), or
// `.fakeElectronWithAppData('prefix-')` for a shell test that writes its own app-data folder.

type Listener = (...args: unknown[]) => unknown

export class FakeWebContents extends EventEmitter {
  private static nextId = 1
  readonly id = FakeWebContents.nextId++
  readonly send = vi.fn()
  destroyed = false
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null

  isDestroyed() {
    return this.destroyed
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler
  }

  /** Emits a navigation-like event the way Electron does and says whether it was prevented. */
  tryNavigate(eventName: 'will-navigate' | 'will-redirect' | 'will-attach-webview', url: string): boolean {
    let prevented = false
    const event = { url, preventDefault: () => (prevented = true) }
    this.emit(eventName, event, url)
    return prevented
  }
}

export function createFakeElectron() {
  const appEvents = new EventEmitter()
  const windows: FakeBrowserWindow[] = []
  const handlers = new Map<string, Listener>()
  const rendererListeners = new Map<string, Set<Listener>>()

  class FakeBrowserWindow extends EventEmitter {
    readonly webContents = new FakeWebContents()
    readonly loadURL = vi.fn(async (_url: string) => undefined)
    readonly show = vi.fn()
    readonly focus = vi.fn()
    readonly restore = vi.fn()
    destroyed = false

    constructor(readonly options: Record<string, unknown>) {
      super()
      windows.push(this)
      // Electron announces every new webContents on the app; the shell hardens them there.
      appEvents.emit('web-contents-created', { preventDefault() {} }, this.webContents)
    }

    isDestroyed() {
      return this.destroyed
    }

    isMinimized() {
      return false
    }

    static getAllWindows() {
      return windows.filter((w) => !w.destroyed)
    }
  }

  const paths: Record<string, string> = { appData: '/nonexistent/appData', userData: '/nonexistent/userData' }
  const app = {
    isPackaged: false,
    on: (name: string, listener: Listener) => appEvents.on(name, listener),
    once: (name: string, listener: Listener) => appEvents.once(name, listener),
    emit: (name: string, ...args: unknown[]) => appEvents.emit(name, ...args),
    whenReady: vi.fn(async () => undefined),
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    exit: vi.fn(),
    relaunch: vi.fn(),
    enableSandbox: vi.fn(),
    getPath: (name: string) => paths[name] ?? `/nonexistent/${name}`,
    setPath: vi.fn((name: string, value: string) => {
      paths[name] = value
    }),
  }

  const ipcMain = {
    handle: vi.fn((channel: string, listener: Listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`)
      handlers.set(channel, listener)
    }),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
  }

  const ipcRenderer = {
    invoke: vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => ({ ok: true, data: null })),
    on: vi.fn((channel: string, listener: Listener) => {
      const set = rendererListeners.get(channel) ?? new Set()
      set.add(listener)
      rendererListeners.set(channel, set)
    }),
    removeListener: vi.fn((channel: string, listener: Listener) => rendererListeners.get(channel)?.delete(listener)),
  }

  const exposed: Record<string, unknown> = {}
  const contextBridge = {
    exposeInMainWorld: vi.fn((key: string, value: unknown) => {
      exposed[key] = value
    }),
  }

  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>()
  const protocol = {
    registerSchemesAsPrivileged: vi.fn(),
    handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
      protocolHandlers.set(scheme, handler)
    }),
  }

  const defaultSession = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
  }

  // Reversible but not plain, so a test can tell sealed from clear text; the real one uses the OS keychain.
  const safeStorage = {
    isEncryptionAvailable: vi.fn(() => true),
    encryptString: vi.fn((plain: string) => Buffer.from(`fake-os-sealed:${Buffer.from(plain, 'utf8').toString('hex')}`)),
    decryptString: vi.fn((sealed: Buffer) => {
      const text = sealed.toString('utf8')
      if (!text.startsWith('fake-os-sealed:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
      return Buffer.from(text.slice('fake-os-sealed:'.length), 'hex').toString('utf8')
    }),
  }

  const module = {
    app,
    safeStorage,
    BrowserWindow: FakeBrowserWindow,
    ipcMain,
    ipcRenderer,
    contextBridge,
    protocol,
    session: { defaultSession },
    dialog: { showErrorBox: vi.fn() },
    shell: { openExternal: vi.fn(async () => undefined) },
    Menu: { setApplicationMenu: vi.fn() },
    // Test-only handles, reached through `await import('electron') as unknown as FakeElectron`.
    fake: { windows, handlers, rendererListeners, exposed, protocolHandlers, paths },
  }
  return { ...module, default: module }
}

export type FakeElectron = ReturnType<typeof createFakeElectron>

/** A fake Electron whose app-data folder is a fresh temp folder (the shell tests' start). */
export function fakeElectronWithAppData(prefix: string): FakeElectron {
  const electron = createFakeElectron()
  electron.fake.paths.appData = mkdtempSync(join(tmpdir(), prefix))
  return electron
}
