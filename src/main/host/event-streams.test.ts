import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { EVENT_READERS } from '../../shared/contract/live-events'
import { DATA_EVENTS } from '../../shared/contract/data'
import type { LiveEvent } from '../../shared/contract/types'
import { SESSION_IDLE_MS } from '../api/sessions'
import { startHttpHost, type RunningHost } from './http'
import { makeTestApp, TEST_PASSWORD, type TestApp } from '../test-support/test-app'

// The push channel over the real HTTP host: each stream hears only what its role may read, and a
// stream ends with its session (logout, expiry) or its paired device (revocation).

let t: TestApp
let host: RunningHost

beforeAll(async () => {
  t = await makeTestApp({ roles: ['technician', 'parts_clerk', 'cashier', 'service_advisor'] })
  host = await startHttpHost(t.app, { port: 0 })
})
afterAll(async () => {
  await host.close()
  await t.close()
})

interface Listening {
  events: LiveEvent[]
  ended: Promise<void>
  stop(): void
}

async function listen(token: string, headers: Record<string, string> = {}): Promise<Listening> {
  const abort = new AbortController()
  const res = await fetch(new URL(`api/events?token=${encodeURIComponent(token)}`, host.url), { headers, signal: abort.signal })
  expect(res.status).toBe(200)
  const events: LiveEvent[] = []
  const ended = (async () => {
    let buffer = ''
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += Buffer.from(chunk).toString('utf8')
        const blocks = buffer.split('\n\n')
        buffer = blocks.pop() ?? ''
        for (const block of blocks) {
          // Liveness pings (`event: ping`) are not data: only `change` frames count.
          if (!block.split('\n').includes('event: change')) continue
          const data = block.split('\n').find((l) => l.startsWith('data: '))
          if (data) events.push(JSON.parse(data.slice(6)) as LiveEvent)
        }
      }
    } catch {
      // aborted by the test
    }
  })()
  return { events, ended, stop: () => abort.abort() }
}

const publish = (type: string, id: number) => t.app.hub.publish({ type, id, at: '2026-11-27T10:30:00+08:00' })
const freshLogin = async (username: string) => (await t.ok(null, 'auth.login', { username, password: TEST_PASSWORD })).token

describe('live events per role', () => {
  it('sends each stream only the events its role may read', async () => {
    const technician = await listen(t.tokens.technician)
    const clerk = await listen(t.tokens.parts_clerk)
    const cashier = await listen(t.tokens.cashier)
    publish('stocktake.changed', 1)
    publish('workshop.changed', 2)
    publish('settlement.changed', 3)
    publish('data.backup.done', 4)
    publish('something.unlisted', 5)
    await vi.waitFor(() => expect(cashier.events.map((e) => e.id)).toEqual([3]))
    await vi.waitFor(() => expect(clerk.events.map((e) => e.id)).toEqual([1, 3]))
    await vi.waitFor(() => expect(technician.events.map((e) => e.id)).toEqual([2, 3]))
    for (const l of [technician, clerk, cashier]) l.stop()
  })

  it('names every event type the code emits in the readers table', () => {
    const emitted = new Set<string>(Object.values(DATA_EVENTS))
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name)
        if (statSync(path).isDirectory()) walk(path)
        else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) {
          for (const m of readFileSync(path, 'utf8').matchAll(/type: '([a-z]+\.[a-z.]+)'/g)) emitted.add(m[1]!)
        }
      }
    }
    walk(join(import.meta.dirname, '..'))
    expect(emitted.size).toBeGreaterThan(15)
    expect([...emitted].filter((type) => !(type in EVENT_READERS))).toEqual([])
  })
})

describe('streams end with their session or device', () => {
  it('closes a stream when its session logs out', async () => {
    const token = await freshLogin('technician')
    const stream = await listen(token)
    await t.ok({ token }, 'auth.logout', {})
    await stream.ended
    publish('workshop.changed', 10)
    expect(stream.events).toEqual([])
  })

  it('sends nothing after logout even before the next check, and closes on expiry', async () => {
    const token = await freshLogin('service-advisor')
    const stream = await listen(token)
    publish('ro.changed', 20)
    await vi.waitFor(() => expect(stream.events.map((e) => e.id)).toEqual([20]))
    t.clock.advance(SESSION_IDLE_MS + 1_000)
    publish('ro.changed', 21)
    await stream.ended
    expect(stream.events.map((e) => e.id)).toEqual([20])
    t.clock.advance(-(SESSION_IDLE_MS + 1_000))
  })

  it('closes a stream opened through a paired device when the device is revoked', async () => {
    const device = await t.ok('administrator', 'devices.pair', { name: '前台2号机' })
    const token = await freshLogin('cashier')
    const stream = await listen(token, { 'x-device-token': device.token })
    await t.ok('administrator', 'devices.revoke', { id: device.id })
    await stream.ended
    expect(stream.events).toEqual([])
  })

  it('refuses to open a stream for an ended session', async () => {
    const token = await freshLogin('parts-clerk')
    await t.ok({ token }, 'auth.logout', {})
    const res = await fetch(new URL(`api/events?token=${token}`, host.url))
    expect(res.status).toBe(401)
  })
})
