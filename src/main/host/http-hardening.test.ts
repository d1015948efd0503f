import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHttpHost, type RunningHost } from './http'
import { makeTestApp, type TestApp } from '../test-support/test-app'

// What a hostile or broken client can send the real HTTP host: nothing may take it down, and every
// refusal is an answer (an envelope where it is the API), never a dropped socket or a dead process.

let t: TestApp
let host: RunningHost
let staticDir: string
let port: number
const logged: string[] = []

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor'] })
  staticDir = mkdtempSync(join(tmpdir(), 'dealer-static-'))
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>dealer</title>')
  host = await startHttpHost(t.app, { port: 0, staticDir, log: (message) => logged.push(message) })
  port = Number(new URL(host.url).port)
})
afterAll(async () => {
  await host.close()
  await t.close()
  rmSync(staticDir, { recursive: true, force: true })
})

interface RawAnswer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** One request with exactly the path and headers given (fetch would normalise them). */
function send(method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('error', reject)
    if (body !== undefined) req.write(body)
    req.end()
  })
}

/** Bytes straight onto a socket, for what no HTTP client library would send. */
function sendBytes(bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes))
    let answer = ''
    socket.on('data', (c: Buffer) => (answer += c.toString('latin1')))
    socket.on('close', () => resolve(answer))
    socket.on('error', () => resolve(answer))
    socket.setTimeout(1_000, () => socket.destroy())
  })
}

async function stillServing() {
  const res = await send('GET', '/api/contract')
  expect(res.status).toBe(200)
  const index = await send('GET', '/')
  expect(index.body).toContain('<title>dealer</title>')
}

const auth = () => ({ authorization: `Bearer ${t.tokens.service_advisor}`, 'content-type': 'application/json' })

describe('malformed requests', () => {
  it.each(['/%E0%A4%A', '/%', '/%ZZ', '/assets/%C0%AF', '/%00index.html', '/a%2F..%2F..%2Fetc%2Fpasswd', '/' + '%FF'.repeat(2000)])(
    'answers 400 to the path %s and keeps serving',
    async (path) => {
      const res = await send('GET', path)
      expect(res.status).toBeGreaterThanOrEqual(400)
      expect(res.status).toBeLessThan(500)
      await stillServing()
    },
  )

  it('answers a malformed %-escape in an API path with the envelope, not a crash', async () => {
    const res = await send('POST', '/api/%E0%A4%A', auth(), '{}')
    expect(res.status).toBe(404)
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, code: 'UNKNOWN_CHANNEL' })
    await stillServing()
  })

  it.each([
    ['a header line without a colon', 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nthis is not a header\r\n\r\n'],
    ['a request line that is not HTTP', 'HELLO THERE\r\n\r\n'],
    ['a control character in a header value', 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Locale: en\u0001\r\n\r\n'],
    ['a truncated chunked body', 'POST /api/auth.me HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n'],
    ['a URL the parser cannot read', 'GET //[ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'],
  ])('answers %s with 400 and keeps serving', async (_name, bytes) => {
    const answer = await sendBytes(bytes)
    expect(answer).toMatch(/^HTTP\/1\.1 4\d\d/)
    await stillServing()
  })

  it('tolerates odd headers and query strings on the API', async () => {
    const weird = [
      { ...auth(), 'x-locale': 'xx'.repeat(500) },
      { ...auth(), authorization: 'Bearer ' + 'x'.repeat(8000) },
      { ...auth(), cookie: 'device=%%%; device=;;;' },
      { ...auth(), 'content-type': 'text/plain' },
    ]
    for (const headers of weird) {
      const res = await send('POST', '/api/auth.me?x=%ZZ&&=&', headers, '{}')
      expect([200, 401]).toContain(res.status)
      expect(JSON.parse(res.body)).toHaveProperty('ok')
    }
    const events = await send('GET', '/api/events?token=%ZZ%00&display=%E0%A4%A')
    expect(events.status).toBe(401)
    const badJson = await send('POST', '/api/auth.me', auth(), '{"unterminated": ')
    expect(badJson.status).toBe(400)
    expect(JSON.parse(badJson.body)).toMatchObject({ ok: false, code: 'VALIDATION' })
    await stillServing()
  })
})

describe('over-limit bodies', () => {
  it('answers 413 PAYLOAD_TOO_LARGE in the caller\'s language, then closes the connection', async () => {
    const big = JSON.stringify({ name: '张'.repeat(600_000) })
    const zh = await send('POST', '/api/customers.create', auth(), big)
    expect(zh.status).toBe(413)
    expect(zh.headers.connection).toBe('close')
    const body = JSON.parse(zh.body) as { ok: boolean; code: string; message: string }
    expect(body).toMatchObject({ ok: false, code: 'PAYLOAD_TOO_LARGE' })
    expect(body.message).toMatch(/请求内容过大/)
    const en = await send('POST', '/api/customers.create', { ...auth(), 'x-locale': 'en' }, big)
    expect(JSON.parse(en.body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/too large/) })
    await stillServing()
  })

  it('answers 413 to a body sent in chunks without a declared length', async () => {
    const answer = await new Promise<RawAnswer>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/api/customers.create', headers: auth() }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
      })
      req.on('error', reject)
      const chunk = Buffer.alloc(256 * 1024, 0x61)
      for (let i = 0; i < 6; i++) req.write(chunk)
      req.end()
    })
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, code: 'PAYLOAD_TOO_LARGE' })
    await stillServing()
  })
})

describe('control characters over HTTP', () => {
  it('refuses text starting with NUL with VALIDATION naming the field, writing nothing', async () => {
    const res = await send('POST', '/api/customers.create', auth(), JSON.stringify({ name: '\u0000abc' }))
    expect(res.status).toBe(400)
    const body = JSON.parse(res.body) as { code: string; message: string; details: { fields: { field: string }[] } }
    expect(body.code).toBe('VALIDATION')
    expect(body.details.fields.map((f) => f.field)).toEqual(['name'])
    expect(body.message).toMatch(/控制字符/)
  })
})

describe('Host and Origin', () => {
  it('refuses a request addressed to another name (DNS rebinding) even from loopback', async () => {
    const res = await send('POST', '/api/auth.me', { ...auth(), host: `attacker.example:${port}` }, '{}')
    expect(res.status).toBe(403)
    const page = await send('GET', '/', { host: 'rebind.attacker.example' })
    expect(page.status).toBe(403)
  })

  it('refuses a call whose Origin is another site', async () => {
    const res = await send('POST', '/api/auth.me', { ...auth(), origin: 'http://evil.example' }, '{}')
    expect(res.status).toBe(403)
    const sandboxed = await send('POST', '/api/auth.me', { ...auth(), origin: 'null' }, '{}')
    expect(sandboxed.status).toBe(403)
  })

  it('lets a new PC pair through any name the LAN gives the host', async () => {
    const { token } = await t.ok('administrator', 'devices.pair', { name: '前台2号机' })
    const res = await send('GET', '/pair?code=' + token, { host: 'dealer-host.lan' })
    expect(res.status).toBe(302)
  })

  it('answers loopback names and its own origin', async () => {
    for (const name of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      const res = await send('POST', '/api/auth.me', { ...auth(), host: name, origin: `http://${name}` }, '{}')
      expect(res.status, name).toBe(200)
    }
  })
})

describe('Pairing a PC by its code', () => {
  it('says so in the caller’s language when the code is wrong, malformed or revoked, and sets no cookie', async () => {
    const { id, token } = await t.ok('administrator', 'devices.pair', { name: '前台3号机' })
    await t.ok('administrator', 'devices.revoke', { id })
    for (const code of ['b'.repeat(32), 'short', '%E0%A4', token]) {
      const zh = await send('GET', '/pair?code=' + code, { 'accept-language': 'zh-CN' })
      expect(zh.status, code).toBe(403)
      expect(zh.headers['set-cookie'], code).toBeUndefined()
      expect(zh.body, code).toContain('配对码不正确或已停用')
      const en = await send('GET', '/pair?code=' + code, { 'accept-language': 'en-US' })
      expect(en.body, code).toContain('That pairing code is not valid or has been revoked')
    }
  })

  it('admits a live code with a cookie and shows no problem on the plain pairing page', async () => {
    const { token } = await t.ok('administrator', 'devices.pair', { name: '配件柜台' })
    const res = await send('GET', '/pair?code=' + token)
    expect(res.status).toBe(302)
    expect(String(res.headers['set-cookie'])).toContain(`device=${token}`)
  })
})
