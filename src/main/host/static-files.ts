import { createReadStream, statSync } from 'node:fs'
import { extname, join, normalize, sep } from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

/** Serves the built renderer; unknown paths get index.html so screens can be deep-linked. */
export function serveStatic(root: string, req: IncomingMessage, res: ServerResponse, headers: Record<string, string>): void {
  const url = new URL(req.url ?? '/', 'http://host')
  const decoded = safeDecode(url.pathname)
  // A malformed %-escape or a NUL is no file of ours: refuse it here rather than let it throw.
  if (decoded === null || decoded.includes('\0')) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('bad path')
    return
  }
  let path = normalize(join(root, decoded))
  if (!path.startsWith(root + sep) && path !== root) {
    res.writeHead(403).end()
    return
  }
  let stat = safeStat(path)
  if (!stat || stat.isDirectory()) {
    path = join(root, 'index.html')
    stat = safeStat(path)
  }
  if (!stat) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('renderer not built: run `npm run build`')
    return
  }
  const immutable = path.includes(`${sep}assets${sep}`)
  res.writeHead(200, {
    ...headers,
    'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
    'content-length': String(stat.size),
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  // A file removed between stat and read must end this answer, not the process.
  createReadStream(path)
    .on('error', () => res.destroy())
    .pipe(res)
}

function safeDecode(path: string): string | null {
  try {
    return decodeURIComponent(path)
  } catch {
    return null
  }
}

function safeStat(path: string) {
  try {
    return statSync(path)
  } catch {
    return null
  }
}
