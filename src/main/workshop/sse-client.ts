import { request, type ClientRequest } from 'node:http'
import type { LiveEvent } from '../../shared/contract'

// A minimal subscriber of the host's push channel (`GET /api/events`, server-sent events), as a
// board in another PC's browser would be: for tests and the push-latency benchmark.

export interface EventStream {
  /** Resolves with the next event matching `match` (already received ones included). */
  next(match: (event: LiveEvent) => boolean, timeoutMs?: number): Promise<LiveEvent>
  close(): void
}

export function openEventStream(url: string): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const received: LiveEvent[] = []
    const waiters = new Set<{ match: (e: LiveEvent) => boolean; done: (e: LiveEvent) => void }>()
    let buffer = ''
    const deliver = (event: LiveEvent) => {
      for (const w of waiters) {
        if (w.match(event)) {
          waiters.delete(w)
          w.done(event)
          return
        }
      }
      received.push(event)
    }
    const req: ClientRequest = request(url, { headers: { accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`event stream refused: HTTP ${res.statusCode}`))
        res.resume()
        return
      }
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        buffer += chunk
        let end = buffer.indexOf('\n\n')
        while (end >= 0) {
          const frame = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const data = frame.split('\n').find((line) => line.startsWith('data: '))
          if (frame.split('\n').includes('event: change') && data) deliver(JSON.parse(data.slice(6)) as LiveEvent)
          end = buffer.indexOf('\n\n')
        }
      })
      resolve({
        next(match, timeoutMs = 5000) {
          const index = received.findIndex(match)
          if (index >= 0) return Promise.resolve(received.splice(index, 1)[0]!)
          return new Promise((done, fail) => {
            const waiter = {
              match,
              done: (e: LiveEvent) => {
                clearTimeout(timer)
                done(e)
              },
            }
            const timer = setTimeout(() => {
              waiters.delete(waiter)
              fail(new Error('no matching event in time'))
            }, timeoutMs)
            waiters.add(waiter)
          })
        },
        close: () => req.destroy(),
      })
    })
    req.on('error', reject)
    req.end()
  })
}
