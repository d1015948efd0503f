// Head office's receiving endpoint for the offline-day spec, run in its own namespace: accepts
// `PUT /<batchId>/<file>` with the dealer's bearer token and prints one JSON line per file.
import { createServer } from 'node:http'

const [port = '8443', token = ''] = process.argv.slice(2)
createServer((req, res) => {
  const chunks: Buffer[] = []
  req.on('data', (c: Buffer) => chunks.push(c))
  req.on('end', () => {
    const ok = req.method === 'PUT' && req.headers.authorization === `Bearer ${token}`
    process.stdout.write(`${JSON.stringify({ method: req.method, path: req.url, bytes: Buffer.concat(chunks).length, ok })}\n`)
    res.writeHead(ok ? 201 : 401).end()
  })
}).listen(Number(port), '0.0.0.0', () => process.stdout.write(`${JSON.stringify({ ready: true })}\n`))
