import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export interface RunningHost {
  url: string
  dataDir: string
  output(): string
  stop(): Promise<void>
}

const ROOT = resolve(import.meta.dirname, '../..')

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolvePort(port))
    })
  })
}

/**
 * Starts the real host (`src/main/host/cli.ts`) on a free port with a fresh data directory and
 * resolves once it prints `Host ready: <url>`. The built renderer in out/renderer is served.
 */
export async function startHost(options: { demoPassword?: string; timeoutMs?: number; bind?: string } = {}): Promise<RunningHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dealer-e2e-'))
  const port = await freePort()
  const args = ['src/main/host/cli.ts', '--port', String(port), '--data-dir', dataDir]
  if (options.demoPassword) args.push('--demo', '--demo-password', options.demoPassword)
  // Bound to every interface, the host is reached from this PC by loopback and from "other
  // devices" (a TV) by this machine's LAN address, which the host sees as a remote peer.
  if (options.bind) args.push('--host', options.bind)
  const child: ChildProcess = spawn(join(ROOT, 'node_modules/.bin/tsx'), args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()))

  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
      await exited
      clearTimeout(timer)
    }
    rmSync(dataDir, { recursive: true, force: true })
    // Nothing may answer INTERNAL: the dispatcher and the HTTP host log each one, and the spec fails.
    const internals = log.split('\n').filter((line) => /^\[dispatch\] .* failed|^\[host\] request failed/.test(line))
    if (internals.length > 0) throw new Error(`The host answered INTERNAL ${internals.length} time(s):\n${internals.join('\n')}\n${log.slice(-4000)}`)
  }

  try {
    const url = await new Promise<string>((ready, fail) => {
      const timer = setTimeout(() => fail(new Error(`host did not start in time:\n${log}`)), options.timeoutMs ?? 60_000)
      const check = () => {
        const match = /Host ready: (\S+)/.exec(log)
        if (match?.[1]) {
          clearTimeout(timer)
          ready(match[1].replace('//0.0.0.0:', '//127.0.0.1:'))
        }
      }
      child.stdout?.on('data', check)
      child.once('exit', (code) => {
        clearTimeout(timer)
        fail(new Error(`host exited with ${code}:\n${log}`))
      })
    })
    return { url, dataDir, output: () => log, stop }
  } catch (error) {
    await stop()
    throw error
  }
}
