import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, get, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pickEncoding, serveStatic } from './static-files'

// The host serves the built renderer precompressed (the build writes .br/.gz beside each file),
// hashed assets cached for good and index.html revalidated by ETag.

let root: string
let server: Server
let port: number
const script = 'console.log("desk");'.repeat(200)

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'dealer-static-'))
  mkdirSync(join(root, 'assets'))
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>desk</title>')
  writeFileSync(join(root, 'assets/index-abc.js'), script)
  writeFileSync(join(root, 'assets/index-abc.js.br'), brotliCompressSync(script))
  writeFileSync(join(root, 'assets/index-abc.js.gz'), gzipSync(script))
  server = createServer((req, res) => serveStatic(root, req, res, {}))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})
afterAll(() => {
  server.close()
  rmSync(root, { recursive: true, force: true })
})

function request(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
    }).on('error', reject)
  })
}

describe('static files', () => {
  it('send brotli, then gzip, then plain as the client accepts, with Vary and a long cache for hashed assets', async () => {
    const br = await request('/assets/index-abc.js', { 'accept-encoding': 'gzip, deflate, br' })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toBe('Accept-Encoding')
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(Number(br.headers['content-length'])).toBe(br.body.length)
    expect(brotliDecompressSync(br.body).toString()).toBe(script)

    const gz = await request('/assets/index-abc.js', { 'accept-encoding': 'gzip' })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.body).toString()).toBe(script)

    const plain = await request('/assets/index-abc.js', { 'accept-encoding': 'br;q=0, gzip;q=0' })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toBe(script)
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8')
  })

  it('revalidate index.html by its ETag and answer 304 when it has not changed', async () => {
    const first = await request('/reception')
    expect(first.status).toBe(200)
    expect(first.headers['cache-control']).toBe('no-cache')
    const etag = first.headers.etag as string
    expect(etag).toMatch(/^".+"$/)
    const again = await request('/', { 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
  })

  it('read Accept-Encoding with weights', () => {
    expect(pickEncoding('gzip, br')).toEqual([['br', '.br'], ['gzip', '.gz']])
    expect(pickEncoding('br;q=0, *')).toEqual([['gzip', '.gz']])
    expect(pickEncoding(undefined)).toEqual([])
    expect(pickEncoding('identity')).toEqual([])
  })
})
