import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import type { Envelope, LiveEvent } from '../../src/shared/contract'
import type { Lan, Pc } from './netns'

const ROOT = resolve(import.meta.dirname, '../..')
const TSX = join(ROOT, 'node_modules/.bin/tsx')
export const HOST_PORT = 4780

async function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  child.kill(signal)
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
  await exited
  clearTimeout(timer)
}

export interface HostPc {
  url: string
  output(): string
  /** Stops the host process (SIGTERM, as a shutdown would) and keeps its data. */
  stop(): Promise<void>
  /** Starts it again on the same data, as after a reboot. */
  start(): Promise<void>
  dispose(): Promise<void>
}

/**
 * The real host (`src/main/host/cli.ts --host 0.0.0.0`) on the LAN, with the demo dealership; or,
 * with `password: null` and `bind: '127.0.0.1'`, a fresh copy on a new PC that is not set up yet.
 */
export async function startHostPc(lan: Lan, pc: Pc, password: string | null, bind = '0.0.0.0', wrap: string[] = []): Promise<HostPc> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dealer-lan-'))
  let child: ChildProcess | null = null
  let log = ''
  const start = async () => {
    const args = ['src/main/host/cli.ts', '--host', bind, '--port', String(HOST_PORT), '--data-dir', dataDir]
    if (password) args.push('--demo', '--demo-password', password)
    const [command = TSX, ...prefix] = wrap.length ? [...wrap, TSX] : [TSX]
    const started = lan.spawnIn(pc, command, [...prefix, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    child = started
    const before = log.length
    started.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()))
    started.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()))
    await new Promise<void>((ready, fail) => {
      const timer = setTimeout(() => fail(new Error(`host did not start in time:\n${log}`)), 90_000)
      const check = () => {
        if (/Host ready: /.test(log.slice(before))) {
          clearTimeout(timer)
          ready()
        }
      }
      started.stdout?.on('data', check)
      started.once('exit', (code) => {
        clearTimeout(timer)
        fail(new Error(`host exited with ${code}:\n${log}`))
      })
    })
  }
  const stop = async () => {
    if (child) await stopChild(child)
    child = null
  }
  await start()
  return {
    url: `http://${bind === '0.0.0.0' ? pc.ip : bind}:${HOST_PORT}/`,
    output: () => log,
    stop,
    start,
    dispose: async () => {
      await stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export interface Stamped<T> {
  value: T
  at: number
}

/** A terminal-mode PC: the real terminal backend in its namespace, driven line by line. */
export interface TerminalPc {
  connect(hostUrl: string, deviceToken: string): Promise<void>
  call<T = unknown>(channel: string, input: unknown, token: string | null): Promise<{ result: Envelope<T>; at: number }>
  events: Stamped<LiveEvent>[]
  statuses: Stamped<boolean>[]
  readonly streaming: boolean
  dispose(): Promise<void>
}

export async function startTerminalPc(lan: Lan, pc: Pc): Promise<TerminalPc> {
  const child = lan.spawnIn(pc, TSX, ['e2e/lan/terminal-agent.ts'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] })
  const pending = new Map<number, (reply: { result: Envelope<unknown>; at: number }) => void>()
  const events: Stamped<LiveEvent>[] = []
  const statuses: Stamped<boolean>[] = []
  let nextId = 1
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const ready = new Promise<void>((done, fail) => {
    child.once('exit', (code) => fail(new Error(`terminal agent exited with ${code}: ${stderr}`)))
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const message = JSON.parse(line) as { ready?: true; id?: number; result?: Envelope<unknown>; at?: number; event?: LiveEvent; streaming?: boolean }
      if (message.ready) return done()
      if (message.event) events.push({ value: message.event, at: message.at ?? Date.now() })
      else if (typeof message.streaming === 'boolean') statuses.push({ value: message.streaming, at: message.at ?? Date.now() })
      else if (message.id !== undefined) {
        pending.get(message.id)?.({ result: message.result as Envelope<unknown>, at: message.at ?? Date.now() })
        pending.delete(message.id)
      }
    })
  })
  await ready
  const request = <T>(body: Record<string, unknown>) =>
    new Promise<{ result: Envelope<T>; at: number }>((done) => {
      const id = nextId++
      pending.set(id, done as (reply: { result: Envelope<unknown>; at: number }) => void)
      child.stdin?.write(`${JSON.stringify({ id, ...body })}\n`)
    })
  return {
    connect: async (hostUrl, deviceToken) => {
      await request({ op: 'connect', hostUrl, deviceToken })
    },
    call: (channel, input, token) => request({ op: 'call', channel, input, token }),
    events,
    statuses,
    get streaming() {
      return statuses.at(-1)?.value ?? false
    },
    dispose: async () => {
      child.stdin?.end()
      await stopChild(child)
    },
  }
}

/** Chromium inside a PC's namespace: Playwright talks to it over a pipe, which crosses namespaces. */
export function chromiumIn(pc: Pc): { executablePath: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'lan-chromium-'))
  const executablePath = join(dir, 'chromium')
  writeFileSync(executablePath, `#!/bin/sh\nexec ip netns exec ${pc.ns} /usr/bin/chromium "$@"\n`)
  chmodSync(executablePath, 0o755)
  return { executablePath, dispose: () => rmSync(dir, { recursive: true, force: true }) }
}
