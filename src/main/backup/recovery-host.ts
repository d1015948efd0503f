import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { DEFAULT_TIME_ZONE, systemClock, type Clock } from '../../shared/domain/time'
import { asLocale, translate } from '../../shared/i18n'
import { createApp, DB_FILE, type App, type AppOptions } from '../app'
import { availableBackups, StoreDamagedError } from './integrity'
import { restoreOffline, RestoreError } from './restore'
import { donePage, recoveryPage } from './recovery-page'

// Recovery mode: when the store is found damaged at start, the host serves only a page that
// says so and lists the backups, on this PC only (127.0.0.1: a restore needs someone at the
// host, and the damaged store has no users to log in with). Choosing a backup restores it, the
// damaged files kept aside, and the normal app starts.

export interface RecoveryServer {
  url: string
  /** Resolves once a backup was restored. */
  restored: Promise<void>
  close(): Promise<void>
}

const MAX_FORM = 10_000

function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let body = ''
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8')
      if (body.length > MAX_FORM) req.destroy(new Error('too large'))
    })
    req.on('end', () => resolve(new URLSearchParams(body)))
    req.on('error', reject)
  })
}

export async function serveRecovery(o: {
  dataDir: string
  damage: StoreDamagedError
  port: number
  clock?: Clock
}): Promise<RecoveryServer> {
  // The form carries this nonce, so a page from elsewhere cannot post a restore to this PC.
  const nonce = randomBytes(16).toString('hex')
  let markRestored: () => void = () => {}
  const restored = new Promise<void>((resolve) => (markRestored = resolve))
  let busy = false

  const send = (res: ServerResponse, status: number, html: string) => {
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
    })
    res.end(html)
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const locale = asLocale(req.headers['accept-language'])
    const url = new URL(req.url ?? '/', 'http://recovery')
    const backups = availableBackups(o.dataDir)
    if (url.pathname === '/api/recovery' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/json' })
      return res.end(JSON.stringify({ damaged: true, problems: o.damage.problems, backups: backups.map(({ file: _f, ...b }) => b) }))
    }
    if (url.pathname.startsWith('/api/')) {
      res.writeHead(503, { 'content-type': 'application/json' })
      return res.end(JSON.stringify({ ok: false, code: 'INTERNAL', message: translate(locale, 'data.recovery.title') }))
    }
    if (url.pathname === '/recovery/restore' && req.method === 'POST') {
      const form = await readForm(req)
      const chosen = backups.find((b) => b.name === form.get('name') && b.location === form.get('location'))
      if (form.get('nonce') !== nonce || !chosen || busy) return send(res, 400, recoveryPage({ locale, problems: o.damage.problems, backups, nonce }))
      busy = true
      try {
        await restoreOffline({ dataDir: o.dataDir, dbFile: DB_FILE, from: chosen.file, clock: o.clock ?? systemClock, timeZone: DEFAULT_TIME_ZONE })
        send(res, 200, donePage(locale))
        markRestored()
      } catch (error) {
        busy = false
        const text =
          error instanceof RestoreError ? translate(locale, error.messageKey, error.params) : (error as Error).message
        const message = { kind: 'error' as const, text: translate(locale, 'data.recovery.failed', { message: text }) }
        send(res, 500, recoveryPage({ locale, problems: o.damage.problems, backups, nonce, message }))
      }
      return
    }
    send(res, 503, recoveryPage({ locale, problems: o.damage.problems, backups, nonce }))
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(o.port, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/`,
    restored,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/**
 * `createApp`, or — when the store is damaged — recovery mode until a backup is restored, then
 * `createApp` again. The host CLI and the Electron shell start through this.
 */
export async function createAppOrRecover(
  options: AppOptions & {
    port: number
    say?: (line: string) => void
    /** The Electron shell opens its window on the recovery page. */
    onRecovery?: (url: string) => void
  },
): Promise<App> {
  const say = options.say ?? ((line: string) => console.log(line))
  for (;;) {
    try {
      return await createApp(options)
    } catch (error) {
      if (!(error instanceof StoreDamagedError)) throw error
      const recovery = await serveRecovery({ dataDir: options.dataDir, damage: error, port: options.port, ...(options.clock ? { clock: options.clock } : {}) })
      say(translate('zh-CN', 'data.recovery.console', { url: recovery.url }))
      say(`Recovery ready: ${recovery.url}`)
      options.onRecovery?.(recovery.url)
      await recovery.restored
      await recovery.close()
    }
  }
}
