import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { APP_CSP, createAppProtocolHandler, resolveInside, sameOrigin } from './protocol'

let base: string
let root: string
let handle: (request: Request) => Promise<Response>

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'app-protocol-'))
  root = join(base, 'renderer')
  mkdirSync(join(root, 'assets'), { recursive: true })
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>')
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)')
  writeFileSync(join(base, 'secret.txt'), 'top secret')
  handle = createAppProtocolHandler(root)
})

describe('app:// protocol handler', () => {
  it('serves the renderer files with the strict CSP and their content type', async () => {
    const res = await handle(new Request('app://app/assets/index-abc.js'))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(res.headers.get('content-security-policy')).toBe(APP_CSP)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await res.text()).toBe('console.log(1)')
  })

  it('keeps scripts to the app itself in its CSP', () => {
    expect(APP_CSP).toContain("script-src 'self'")
    expect(APP_CSP).not.toMatch(/script-src[^;]*unsafe/)
    expect(APP_CSP).toContain("object-src 'none'")
  })

  it('answers index.html for the root and for deep links without an extension', async () => {
    for (const url of ['app://app/', 'app://app/reception/ro/12']) {
      const res = await handle(new Request(url))
      expect(res.status).toBe(200)
      expect(await res.text()).toContain('<title>app</title>')
    }
  })

  it('answers 404 for a missing asset rather than index.html', async () => {
    expect((await handle(new Request('app://app/assets/missing.js'))).status).toBe(404)
  })

  it('refuses encoded traversal, backslashes and NUL bytes with 403', async () => {
    for (const url of ['app://app/..%2fsecret.txt', 'app://app/assets/..%2f..%2fsecret.txt', 'app://app/..%5csecret.txt', 'app://app/index.html%00.js']) {
      const res = await handle(new Request(url))
      expect(res.status, url).toBe(403)
      expect(await res.text()).not.toContain('top secret')
    }
  })

  it('never reaches a file outside the folder through a literal ..', async () => {
    const res = await handle(new Request('app://app/../secret.txt'))
    expect(await res.text()).not.toContain('top secret')
  })

  it('serves only its own host and only GET or HEAD', async () => {
    expect((await handle(new Request('app://other/index.html'))).status).toBe(404)
    expect((await handle(new Request('app://app/index.html', { method: 'POST', body: 'x' }))).status).toBe(405)
    const head = await handle(new Request('app://app/index.html', { method: 'HEAD' }))
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })
})

describe('path and origin helpers', () => {
  it('keeps resolved paths inside the root', () => {
    expect(resolveInside('/srv/r', '/a/b.js')).toBe(join('/srv/r', 'a', 'b.js'))
    expect(resolveInside('/srv/r', '/../x')).toBeNull()
    expect(resolveInside('/srv/r', '/%E0%A4%A')).toBeNull()
  })

  it('compares custom-scheme origins by scheme and host', () => {
    expect(sameOrigin('app://app/index.html#/x', 'app://app')).toBe(true)
    expect(sameOrigin('app://evil/index.html', 'app://app')).toBe(false)
    expect(sameOrigin('http://localhost:5173/src/main.tsx', 'http://localhost:5173/')).toBe(true)
    expect(sameOrigin('http://localhost:5174/', 'http://localhost:5173')).toBe(false)
    expect(sameOrigin('not a url', 'app://app')).toBe(false)
  })
})
