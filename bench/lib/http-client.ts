import { Agent, request } from 'node:http'

// A desk PC's view of the host: POST /api/<channel> over one keep-alive connection, the reply
// read and parsed as the renderer's http client would.

export interface HttpCaller {
  call(channel: string, input: unknown): Promise<{ status: number; body: unknown }>
  close(): void
}

export function httpCaller(baseUrl: string, token: string): HttpCaller {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  const base = new URL(baseUrl)
  return {
    call(channel, input) {
      const payload = Buffer.from(JSON.stringify(input))
      return new Promise((resolve, reject) => {
        const req = request(
          {
            agent,
            host: base.hostname,
            port: base.port,
            method: 'POST',
            path: `/api/${channel}`,
            headers: { 'content-type': 'application/json', 'content-length': payload.length, authorization: `Bearer ${token}` },
          },
          (res) => {
            const chunks: Buffer[] = []
            res.on('data', (c: Buffer) => chunks.push(c))
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }))
            res.on('error', reject)
          },
        )
        req.on('error', reject)
        req.end(payload)
      })
    },
    close: () => agent.destroy(),
  }
}
