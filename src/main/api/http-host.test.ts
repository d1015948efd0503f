import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract } from '../../shared/contract'
import { startHttpHost, type RunningHost } from '../host/http'
import { makeTestApp, type TestApp } from '../test-support/test-app'

// The same API through the real HTTP host, as other workstations and the browser use it.

let t: TestApp
let host: RunningHost

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor'] })
  host = await startHttpHost(t.app, { port: 0 })
})
afterAll(async () => {
  await host.close()
  await t.close()
})

const post = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(new URL(`api/${channel}`, host.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })

describe('HTTP host', () => {
  it('answers 401 with an error envelope without a token', async () => {
    const response = await post('reception.search', { q: '京A' })
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({ ok: false, code: 'UNAUTHENTICATED', message: '请先登录' })
  })

  it('answers a data envelope to a logged-in call, and a field error in the asked language', async () => {
    const auth = { authorization: `Bearer ${t.tokens.service_advisor}` }
    const created = await post('customers.create', { name: '欧阳娜娜', mobile: '+86 138 0000 1234' }, auth)
    expect(created.status).toBe(200)
    expect(await created.json()).toEqual({ ok: true, data: expect.objectContaining({ name: '欧阳娜娜', mobile: '13800001234', version: 1 }) })

    const invalid = await post('customers.create', { name: '' }, { ...auth, 'x-locale': 'en' })
    expect(invalid.status).toBe(400)
    const body = (await invalid.json()) as { ok: false; code: string; message: string; details: { fields: { field: string; message: string }[] } }
    expect(body).toMatchObject({ ok: false, code: 'VALIDATION', details: { fields: [{ field: 'name' }] } })
    expect(body.message).toMatch(/Name/)
  })

  it('describes every channel with its input JSON Schema and permission', async () => {
    const response = await fetch(new URL('api/contract', host.url))
    expect(response.status).toBe(200)
    const doc = (await response.json()) as { channels: { name: string; kind: string; permission: string; input: { type?: string; properties?: object } }[] }
    expect(doc.channels.map((c) => c.name).sort()).toEqual(Object.keys(contract).sort())
    for (const channel of doc.channels) {
      const spec = contract[channel.name as keyof typeof contract]
      expect(channel.permission, channel.name).toBe(spec.access)
      expect(channel.kind, channel.name).toBe(spec.kind)
      expect(channel.input.type, channel.name).toBe('object')
    }
    const register = doc.channels.find((c) => c.name === 'vehicles.register')
    expect(Object.keys(register?.input.properties ?? {})).toEqual(expect.arrayContaining(['vin', 'plate', 'ownerId', 'newOwner']))
  })
})
