import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron'
import { DEFAULT_LOCALE, translate } from '../../shared/i18n'
import type { App } from '../app'
import { createAppOrRecover } from '../backup/recovery-host'
import { startJobs, type Jobs } from '../jobs/runner'
import { startHttpHost, type RunningHost } from '../host/http'
import { createTerminalBackend, type TerminalBackend } from '../host/terminal'
import { readShellConfig, type ShellConfig } from './config'
import { sessionMayReceive } from '../api/live-access'
import { safeStorageBox } from './safe-storage-box'
import { keyFileBox } from '../secrets/key-file-box'
import { attachTerminalSetup } from '../terminal-setup/registry'
import { chooseStartup, withLocalChannels, type Startup } from '../terminal-setup/terminal-mode'
import { bindIpc, type Backend } from './ipc'
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol'
import { createMainWindow, denyAllPermissions, hardenWebContents } from './window'

// The bundle is ESM (package.json "type": "module"): paths come from import.meta.url, not __dirname.
// Built layout: out/main/index.js, out/preload/preload.cjs, out/renderer/.
const PRELOAD_PATH = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url))
const RENDERER_DIR = fileURLToPath(new URL('../renderer', import.meta.url))
const DEV_ICON = fileURLToPath(new URL('../../resources/icon.png', import.meta.url))

// Both must happen before `ready`. A fixed ASCII folder keeps the data in one place whether the
// app runs from source (name from package.json) or installed (product name in Chinese).
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])
app.enableSandbox()
app.setPath('userData', join(app.getPath('appData'), 'dealer-aftersales'))

export interface Shell {
  config: ShellConfig
  /** Where the mode came from: flags, the saved workstation configuration, or neither. */
  startup: Startup
  window: BrowserWindow
  /** The local store (host mode only). */
  core: App | null
  /** The LAN/browser host (host mode, unless its port was busy or switched off). */
  host: RunningHost | null
  terminal: TerminalBackend | null
  close(): Promise<void>
}

async function startHostSafely(core: App, config: Extract<ShellConfig, { mode: 'host' }>): Promise<RunningHost | null> {
  if (config.hostPort === null) return null
  try {
    const host = await startHttpHost(core, { port: config.hostPort, host: config.hostAddress, staticDir: RENDERER_DIR })
    console.log(`Host ready: ${host.url}`)
    return host
  } catch (error) {
    // The window works without it; only browsers and other PCs lose access (e.g. port in use).
    console.error(`[shell] LAN host not started on port ${config.hostPort}:`, error)
    return null
  }
}

export async function launch(requested: ShellConfig): Promise<Shell | null> {
  // Two copies would open the same SQLite file and fight over the port; the second one hands over.
  let config = requested
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return null
  }
  await app.whenReady()
  if (app.isPackaged) Menu.setApplicationMenu(null)

  // The saved workstation configuration (set-up screen) makes this PC a terminal unless the flags
  // or environment already chose; safeStorage must be asked after `ready`.
  const dataDir = join(app.getPath('userData'), 'data')
  const startup = chooseStartup(config, dataDir, () => safeStorageBox() ?? keyFileBox(dataDir))
  if (startup.mode === 'terminal' && config.mode === 'host') {
    config = { mode: 'terminal', hostUrl: startup.hostUrl, deviceToken: startup.deviceToken, devUrl: config.devUrl }
  }
  if (startup.mode === 'host' && startup.problem) console.error(`[shell] workstation configuration not used (${startup.problem.reason}): ${startup.problem.file}`)
  // Joining a host or forgetting it switches mode: the app starts again in the other one.
  const relaunch = () => {
    app.relaunch()
    app.quit()
  }

  const trustedOrigins = config.devUrl ? [APP_ORIGIN, config.devUrl] : [APP_ORIGIN]
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, trustedOrigins))
  denyAllPermissions(session.defaultSession)
  protocol.handle(APP_SCHEME, createAppProtocolHandler(RENDERER_DIR))

  let core: App | null = null
  let host: RunningHost | null = null
  let terminal: TerminalBackend | null = null
  let jobs: Jobs | null = null
  let backend: Backend
  if (config.mode === 'terminal') {
    terminal = createTerminalBackend({ hostUrl: config.hostUrl, deviceToken: config.deviceToken })
    backend = withLocalChannels(terminal, { dataDir, saved: startup.mode === 'terminal' && startup.source === 'saved' ? startup.config : null, onForgotten: relaunch })
  } else {
    // A damaged store is not opened: the recovery page (served on this PC only) offers the
    // backups, and the app starts normally once one is restored.
    // The OS keychain seals secrets where it is available; the key file in the data dir otherwise.
    const secrets = safeStorageBox()
    const local = await createAppOrRecover({
      dataDir,
      ...(secrets ? { secrets } : {}),
      port: config.hostPort ?? 4780,
      // Answers are checked against the contract while developing; a packaged app skips it.
      checkOutputs: !app.isPackaged,
      onRecovery: (url) => void shell.openExternal(url),
    })
    core = local
    attachTerminalSetup(local.store, { dataDir, ...(secrets ? { box: secrets } : {}), onJoined: relaunch })
    jobs = startJobs(local)
    backend = {
      dispatch: local.dispatch,
      subscribe: (listener) => local.hub.subscribe(listener),
      mayReceive: (token, event) => sessionMayReceive(local, token, event),
    }
    host = await startHostSafely(local, config)
  }

  const unbind = bindIpc({ ipcMain, backend, windows: () => BrowserWindow.getAllWindows(), trustedOrigins })
  const window = createMainWindow({
    preloadPath: PRELOAD_PATH,
    url: config.devUrl ?? APP_ENTRY_URL,
    ...(!app.isPackaged && existsSync(DEV_ICON) ? { iconPath: DEV_ICON } : {}),
  })

  let closing: Promise<void> | null = null
  const close = () => {
    closing ??= (async () => {
      unbind()
      terminal?.close()
      await jobs?.stop()
      await host?.close()
      core?.close()
    })()
    return closing
  }

  app.on('second-instance', () => {
    if (window.isDestroyed()) return
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  app.on('window-all-closed', () => app.quit())
  // The store is closed (WAL checkpointed) before the process goes, even when quit comes from the OS.
  let closed = false
  app.on('will-quit', (event) => {
    if (closed) return
    event.preventDefault()
    void close().finally(() => {
      closed = true
      app.quit()
    })
  })

  return { config, startup, window, core, host, terminal, close }
}

function fatal(error: unknown): null {
  console.error('[shell] start-up failed:', error)
  const detail = error instanceof Error ? error.message : String(error)
  dialog.showErrorBox(translate(DEFAULT_LOCALE, 'error.INTERNAL'), detail)
  app.exit(1)
  return null
}

/** Settles once the window is up (or null when this copy handed over or failed). */
export const launched: Promise<Shell | null> = (async () => {
  try {
    return await launch(readShellConfig(process.argv, process.env, app.isPackaged))
  } catch (error) {
    return fatal(error)
  }
})()
