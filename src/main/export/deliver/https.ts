import { createReadStream, statSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { join } from 'node:path'
import { MANIFEST } from '../manifest'
import { DeliveryError, type DeliveryTarget, type LocalBatch } from './target'

// HTTPS upload: `PUT <endpoint>/<batchId>/<file>` for every file, `manifest.json` last, with the
// dealer's bearer token and the SHA-256 in `x-content-sha256`. Head office stores files as they
// come and treats the batch as complete when the manifest arrives and the files match it; a PUT
// of a file it already holds with the same checksum is answered 2xx again (idempotent).

export interface HttpsTargetOptions {
  id: string
  url: string
  token: string
  /** PEM of a certificate or CA to trust for this endpoint (a self-hosted head-office server). */
  caPem?: string
  /** Plain http is refused unless allowed (a LAN relay; tests on machines without openssl). */
  allowHttp?: boolean
  timeoutMs?: number
}

function put(url: URL, file: string, contentType: string, sha256: string, o: HttpsTargetOptions): Promise<void> {
  const size = statSync(file).size
  const headers = {
    authorization: `Bearer ${o.token}`,
    'content-type': contentType,
    'content-length': String(size),
    'x-content-sha256': sha256,
  }
  return new Promise((resolve, reject) => {
    const options = { method: 'PUT', headers, timeout: o.timeoutMs ?? 60_000 }
    const done = (res: import('node:http').IncomingMessage) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.length < 16 && chunks.push(c))
      res.on('end', () => {
        const status = res.statusCode ?? 0
        if (status >= 200 && status < 300) return resolve()
        const body = Buffer.concat(chunks).toString('utf8').slice(0, 200)
        reject(new DeliveryError(`HTTP ${status} for ${url.pathname}${body ? `: ${body}` : ''}`))
      })
      res.on('error', reject)
    }
    const req =
      url.protocol === 'https:'
        ? httpsRequest(url, { ...options, ...(o.caPem ? { ca: o.caPem } : {}) }, done)
        : httpRequest(url, options, done)
    req.on('timeout', () => req.destroy(new DeliveryError(`no answer from ${url.host}`)))
    req.on('error', (error) => reject(error instanceof DeliveryError ? error : new DeliveryError(`${url.host}: ${error.message}`)))
    const body = createReadStream(file)
    body.on('error', (error) => req.destroy(error))
    body.pipe(req)
  })
}

export function httpsTarget(o: HttpsTargetOptions): DeliveryTarget {
  const base = new URL(o.url.endsWith('/') ? o.url : `${o.url}/`)
  if (base.protocol !== 'https:' && !(base.protocol === 'http:' && o.allowHttp)) {
    throw new DeliveryError(`refusing to send over ${base.protocol} to ${base.host}: use https`)
  }
  return {
    id: o.id,
    async deliver(batch: LocalBatch) {
      const at = (name: string) => new URL(`${encodeURIComponent(batch.id)}/${name}`, base)
      for (const f of batch.manifest.files) {
        await put(at(f.file), join(batch.dir, f.file), 'application/gzip', f.sha256, o)
      }
      await put(at(MANIFEST), join(batch.dir, MANIFEST), 'application/json', batch.manifestSha256, o)
    },
  }
}
