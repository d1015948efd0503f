import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoApp, type DemoTestApp as TestApp } from '../../test-support/test-app'
import { runExport } from '../service'
import { verifyPath } from '../verify'
import { readManifest } from '../outbox'
import { httpsTarget } from './https'
import { DeliveryError } from './target'

// A stand-in for head office's upload endpoint on 127.0.0.1 with a certificate made for the test
// (plain http with the explicit flag when openssl is not on the machine): no outside network.

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

let t: TestApp
let received: string
let cert: string | undefined
let url: string
const log: string[] = []
let close: () => Promise<void>
const TOKEN = 'head-office-token-1'

function handler(req: IncomingMessage, res: ServerResponse) {
  const chunks: Buffer[] = []
  req.on('data', (c: Buffer) => chunks.push(c))
  req.on('end', () => {
    if (req.method !== 'PUT' || req.headers.authorization !== `Bearer ${TOKEN}`) return res.writeHead(401).end('bad token')
    const [batchId, file] = decodeURIComponent(req.url ?? '').replace(/^\/upload\//, '').split('/')
    const body = Buffer.concat(chunks)
    if (createHash('sha256').update(body).digest('hex') !== req.headers['x-content-sha256']) return res.writeHead(422).end('checksum')
    mkdirSync(join(received, batchId!), { recursive: true })
    writeFileSync(join(received, batchId!, file!), body)
    log.push(file!)
    res.writeHead(201).end()
  })
}

beforeAll(async () => {
  t = await demoApp('2026-11-27T10:00:00+08:00', 'https-')
  t.advance(60_000)
  received = join(t.dir, 'head-office')
  mkdirSync(received)
  let server: ReturnType<typeof createHttpServer>
  if (hasOpenssl()) {
    const key = join(t.dir, 'key.pem')
    const crt = join(t.dir, 'cert.pem')
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', crt, '-days', '1',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' })
    cert = readFileSync(crt, 'utf8')
    server = createHttpsServer({ key: readFileSync(key), cert }, handler)
  } else {
    server = createHttpServer(handler)
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  url = `${cert ? 'https' : 'http'}://127.0.0.1:${port}/upload`
  close = () => new Promise((resolve) => server.close(() => resolve()))
})
afterAll(async () => {
  await close()
  t.close()
})

describe('HTTPS delivery', () => {
  it('uploads every file and the manifest last, and what arrives verifies', async () => {
    const built = await runExport({ store: t.app.store, dataDir: t.app.dataDir, clock: t.app.clock })
    const target = httpsTarget({ id: 'ho', url, token: TOKEN, ...(cert ? { caPem: cert } : { allowHttp: true }) })
    const batch = { id: built.manifest.batchId, dir: built.dir, manifest: readManifest(built.dir)!, manifestSha256: built.manifestSha256 }
    await target.deliver(batch)
    expect(log.at(-1)).toBe('manifest.json')
    expect(log).toHaveLength(built.manifest.files.length + 1)
    expect((await verifyPath(received)).ok).toBe(true)
    // Again: the endpoint takes the same files again without harm.
    await target.deliver(batch)
    expect((await verifyPath(received)).ok).toBe(true)
  })

  it('reports a refused token and an untrusted certificate as delivery errors', async () => {
    const built = await runExport({ store: t.app.store, dataDir: t.app.dataDir, clock: t.app.clock })
    const batch = { id: built.manifest.batchId, dir: built.dir, manifest: built.manifest, manifestSha256: built.manifestSha256 }
    const wrong = httpsTarget({ id: 'ho', url, token: 'wrong-token', ...(cert ? { caPem: cert } : { allowHttp: true }) })
    await expect(wrong.deliver(batch)).rejects.toThrow(/HTTP 401/)
    if (cert) {
      const untrusted = httpsTarget({ id: 'ho', url, token: TOKEN })
      await expect(untrusted.deliver(batch)).rejects.toBeInstanceOf(DeliveryError)
    }
  })

  it('refuses plain http unless it is explicitly allowed', () => {
    expect(() => httpsTarget({ id: 'ho', url: 'http://127.0.0.1:1/x', token: TOKEN })).toThrow(/use https/)
  })
})
