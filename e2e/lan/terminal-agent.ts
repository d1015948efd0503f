// One workstation PC in terminal mode, run inside its own network namespace by the LAN spec:
// the real terminal backend (src/main/host/terminal.ts) that the Electron shell uses, driven over
// stdin/stdout with one JSON object per line. Requests: {id, op:'connect', hostUrl, deviceToken}
// | {id, op:'call', channel, input, token, locale?}. Replies: {id, result}. Unprompted lines:
// {event, at} for each live event and {streaming, at} when the stream opens or is lost.
import { createInterface } from 'node:readline'
import { createTerminalBackend, type TerminalBackend } from '../../src/main/host/terminal'

type Request =
  | { id: number; op: 'connect'; hostUrl: string; deviceToken: string }
  | { id: number; op: 'call'; channel: string; input: unknown; token: string | null; locale?: string }

let backend: TerminalBackend | null = null
const send = (message: unknown) => process.stdout.write(`${JSON.stringify(message)}\n`)

function connect(hostUrl: string, deviceToken: string) {
  backend?.close()
  const next = createTerminalBackend({ hostUrl, deviceToken, log: (line) => process.stderr.write(`${line}\n`) })
  next.subscribe((event) => send({ event, at: Date.now() }))
  next.onStatus((streaming) => send({ streaming, at: Date.now() }))
  backend = next
}

createInterface({ input: process.stdin }).on('line', (line) => {
  const request = JSON.parse(line) as Request
  if (request.op === 'connect') {
    connect(request.hostUrl, request.deviceToken)
    send({ id: request.id, result: null })
    return
  }
  if (!backend) return send({ id: request.id, result: { ok: false, code: 'OFFLINE', message: 'not connected' } })
  const started = Date.now()
  void backend
    .dispatch(request.channel, request.input, { token: request.token, locale: request.locale ?? 'zh-CN' })
    .then((result) => send({ id: request.id, result, ms: Date.now() - started, at: Date.now() }))
})
process.stdin.on('end', () => {
  backend?.close()
  process.exit(0)
})
send({ ready: true })
