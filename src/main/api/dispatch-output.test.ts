import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore, type Store } from '../store/open'
import { migrate } from '../store/migrate'
import { createDispatcher, type HandlersFor } from './dispatch'
import { EventHub } from './events'

// Every answer is parsed against its channel's declared output (on in development and tests):
// an answer outside the contract is a defect, so the call fails (INTERNAL, logged), and a write's
// transaction rolls back with it.

const contract = {
  'probe.read': { input: z.object({ shape: z.enum(['right', 'wrong']) }), output: z.object({ n: z.number().int() }), access: 'public', kind: 'read' },
  'probe.write': { input: z.object({ shape: z.enum(['right', 'wrong']) }), output: z.object({ key: z.string() }), access: 'public', kind: 'write' },
} as const

let dir: string
let store: Store
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dealer-output-'))
  store = openStore(join(dir, 'dealer.sqlite'))
  await migrate(store, { now: () => '2026-12-01T09:00:00+08:00' })
})
afterAll(() => {
  store.close()
  rmSync(dir, { recursive: true, force: true })
})

function dispatcher(checkOutputs: boolean) {
  const logged: string[] = []
  const handlers = {
    'probe.read': (_ctx, input) => (input.shape === 'right' ? { n: 1 } : ({ n: 'one' } as unknown as { n: number })),
    'probe.write': (ctx, input) => {
      ctx.store.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('probe', ?)").run(input.shape)
      return input.shape === 'right' ? { key: 'probe' } : ({ key: 7 } as unknown as { key: string })
    },
  } satisfies HandlersFor<typeof contract>
  const dispatch = createDispatcher({
    contract,
    handlers,
    store,
    clock: { now: () => new Date('2026-12-01T01:00:00Z') },
    hub: new EventHub(),
    timeZone: () => 'Asia/Shanghai',
    log: (message, error) => logged.push(`${message} ${error instanceof Error ? error.message : ''}`),
    checkOutputs,
  })
  return { dispatch, logged }
}

const stored = () => (store.prepare("SELECT value FROM settings WHERE key = 'probe'").get() as { value: string } | undefined)?.value

describe('contract outputs', () => {
  it('pass an answer that matches its declared output', async () => {
    const { dispatch } = dispatcher(true)
    expect(await dispatch('probe.read', { shape: 'right' })).toEqual({ ok: true, data: { n: 1 } })
    expect(await dispatch('probe.write', { shape: 'right' })).toEqual({ ok: true, data: { key: 'probe' } })
    expect(stored()).toBe('right')
  })

  it('fail a read or a write that answers outside it, naming the field, and roll the write back', async () => {
    const { dispatch, logged } = dispatcher(true)
    expect(await dispatch('probe.read', { shape: 'wrong' })).toMatchObject({ ok: false, code: 'INTERNAL' })
    expect(await dispatch('probe.write', { shape: 'wrong' })).toMatchObject({ ok: false, code: 'INTERNAL' })
    expect(stored()).toBe('right')
    expect(logged.join('\n')).toMatch(/probe\.read answered outside its declared output:\s+n:/)
    expect(logged.join('\n')).toMatch(/probe\.write answered outside its declared output:\s+key:/)
  })

  it('are not checked where production turns the check off', async () => {
    const { dispatch } = dispatcher(false)
    expect(await dispatch('probe.read', { shape: 'wrong' })).toEqual({ ok: true, data: { n: 'one' } })
  })
})
