import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp, type App } from '../app'

// A demo dealership on a temp folder with a clock the test moves (tests only).

export interface TestApp {
  app: App
  dir: string
  token: string
  now(): Date
  setNow(iso: string): void
  advance(ms: number): void
  call<T = unknown>(channel: string, input: unknown): Promise<T>
  close(): void
}

export async function demoApp(startIso = '2026-11-27T10:00:00+08:00', prefix = 'export-'): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  let now = new Date(startIso)
  const app = await createApp({ dataDir: join(dir, 'data'), clock: { now: () => now } })
  const seeded = await app.dispatch('setup.demo', { password: 'demo-pass-1', scale: 'small' })
  if (!seeded.ok) throw new Error(seeded.message)
  const login = async (a: App) => {
    const result = await a.dispatch('auth.login', { username: 'admin', password: 'demo-pass-1' })
    if (!result.ok) throw new Error(result.message)
    return (result.data as { token: string }).token
  }
  const t: TestApp = {
    app,
    dir,
    token: await login(app),
    now: () => now,
    setNow: (iso) => {
      now = new Date(iso)
    },
    advance: (ms) => {
      now = new Date(now.getTime() + ms)
    },
    async call<T>(channel: string, input: unknown) {
      let result = await t.app.dispatch(channel, input, { token: t.token, locale: 'en' })
      // The test clock walks days ahead; sessions expire like they would overnight.
      if (!result.ok && (result.code === 'SESSION_EXPIRED' || result.code === 'UNAUTHENTICATED')) {
        t.token = await login(t.app)
        result = await t.app.dispatch(channel, input, { token: t.token, locale: 'en' })
      }
      if (!result.ok) throw new Error(`${channel}: ${result.code} ${result.message}`)
      return result.data as T
    },
    close() {
      t.app.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
  return t
}
