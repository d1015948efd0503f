import { BrowserWindow, type Session, type WebContents } from 'electron'
import { sameOrigin } from './protocol'

/** The security baseline of ARCHITECTURE.md, in one place so a test can hold us to it. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  } as const
}

/**
 * Applied to every webContents the app ever creates (via `web-contents-created`): the page may
 * move only within its own origin, may never open windows or attach webviews.
 */
export function hardenWebContents(contents: WebContents, trustedOrigins: readonly string[]): void {
  const allowed = (url: string) => trustedOrigins.some((origin) => sameOrigin(url, origin))
  contents.on('will-navigate', (event, url) => {
    if (!allowed(event.url ?? url)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!allowed(event.url ?? url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

/** The app asks for no permission (camera, notifications, clipboard read …); refuse them all. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}

export interface MainWindowOptions {
  preloadPath: string
  url: string
  iconPath?: string
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    webPreferences: secureWebPreferences(options.preloadPath),
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(options.url)
  return window
}
