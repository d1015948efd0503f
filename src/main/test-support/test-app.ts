import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Channel, Contract, Envelope } from '../../shared/contract'
import type { InputOf, OutputOf } from '../../shared/contract/types'
import { ROLES, type Role } from '../../shared/domain/roles'
import type { Clock } from '../../shared/domain/time'
import { createApp, type App } from '../app'
import { testVin } from './fixtures'

// The one test kit for services: a real app per test file — a SQLite file in a temp dir, the real
// dispatcher with nothing allowed to answer INTERNAL, a clock the test moves — and a dealership
// set up the way the test needs it: through `setup.initialise` with a logged-in user for each
// role (the default), as the generated demo dealership, or not set up at all (first-run tests).
// `demoApp` is the same app seen as the demo's administrator, for the jobs, export and backup tests.

/** 10:30 on Friday 27 November 2026 in Shanghai. */
export const TEST_NOW = '2026-11-27T02:30:00Z'
export const TEST_PASSWORD = 'test-password-1'

export interface TestClock extends Clock {
  set(at: string | Date): void
  advance(ms: number): void
}

export function testClock(start: string = TEST_NOW): TestClock {
  let current = new Date(start)
  return {
    now: () => new Date(current.getTime()),
    set: (at) => {
      current = new Date(at)
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms)
    },
  }
}

export type Who = Role | { token: string } | null

export interface CallOptions {
  locale?: string
}

export interface TestApp {
  /** Replaceable: a test that reopens the data folder puts the new app here (close() closes it). */
  app: App
  clock: TestClock
  /** The test's temp folder (removed at close); the app's data folder is `dataDir` inside it. */
  dir: string
  dataDir: string
  tokens: Record<Role, string>
  userIds: Record<Role, number>
  /** Calls a channel as a role (its logged-in user), with a raw token, or anonymously (null). */
  call<K extends Channel>(who: Who, channel: K, input: InputOf<Contract[K]>, options?: CallOptions): Promise<Envelope<OutputOf<Contract[K]>>>
  /** Like `call`, with input that need not type-check (for validation tests). */
  callRaw(who: Who, channel: string, input: unknown, options?: CallOptions): Promise<Envelope<unknown>>
  /** The data of a call that must succeed; a failure throws with the envelope. */
  ok<K extends Channel>(who: Who, channel: K, input: InputOf<Contract[K]>): Promise<OutputOf<Contract[K]>>
  close(): Promise<void>
}

/** An INTERNAL answer is a defect, never an expected outcome: the test that met it fails. */
export class InternalAnswerError extends Error {
  constructor(channel: string, input: unknown, cause: string | undefined) {
    super(`${channel} answered INTERNAL for ${JSON.stringify(input)?.slice(0, 300)}\n${cause ?? ''}`)
    this.name = 'InternalAnswerError'
  }
}

/** The demo dealership's password for every generated user (`admin` is its administrator). */
export const DEMO_PASSWORD = 'demo-pass-1'

export interface TestAppOptions {
  /**
   * `initialised` (default): set up through `setup.initialise`, a user per role logged in;
   * `demo`: the small generated demo dealership, its administrator logged in;
   * `blank`: a fresh store nobody has set up.
   */
  dealership?: 'initialised' | 'demo' | 'blank'
  /** Roles to create users for in an `initialised` dealership (the administrator always exists). Default: every role. */
  roles?: readonly Role[]
  clock?: TestClock
  /** The temp folder's name prefix, so a leftover folder says which test made it. */
  prefix?: string
}

export async function makeTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), options.prefix ?? 'dealer-test-'))
  const dataDir = join(dir, 'data')
  const clock = options.clock ?? testClock()
  // Nothing may ever answer INTERNAL: every one the dispatcher logs fails the call that caused it
  // (callRaw throws) and, should a test reach the dispatcher another way, the file (close throws).
  const internals: string[] = []
  const app = await createApp({
    dataDir,
    clock,
    log: (message, error) => {
      internals.push(`${message}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
      console.error(message, error)
    },
  })
  const tokens = {} as Record<Role, string>
  const userIds = {} as Record<Role, number>

  const tokenOf = (who: Who): string | null => {
    if (who === null) return null
    if (typeof who === 'object') return who.token
    const token = tokens[who]
    if (!token) throw new Error(`No test user with role ${who}`)
    return token
  }
  const callRaw = async (who: Who, channel: string, input: unknown, callOptions: CallOptions = {}) => {
    const envelope = await t.app.dispatch(channel, input, { token: tokenOf(who), locale: callOptions.locale ?? null })
    if (!envelope.ok && envelope.code === 'INTERNAL') throw new InternalAnswerError(channel, input, internals.at(-1))
    return envelope
  }
  const call = <K extends Channel>(who: Who, channel: K, input: InputOf<Contract[K]>, callOptions?: CallOptions) =>
    callRaw(who, channel, input, callOptions) as Promise<Envelope<OutputOf<Contract[K]>>>
  const ok = async <K extends Channel>(who: Who, channel: K, input: InputOf<Contract[K]>) => {
    const envelope = await call(who, channel, input, { locale: 'en' })
    if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.code} ${envelope.message} ${JSON.stringify(envelope.details ?? {})}`)
    return envelope.data
  }

  const t: TestApp = {
    app,
    clock,
    dir,
    dataDir,
    tokens,
    userIds,
    call,
    callRaw,
    ok,
    close: async () => {
      t.app.close()
      rmSync(dir, { recursive: true, force: true })
      if (internals.length > 0) throw new Error(`The API answered INTERNAL ${internals.length} time(s):\n${internals.join('\n')}`)
    },
  }

  const dealership = options.dealership ?? 'initialised'
  if (dealership === 'demo') {
    await ok(null, 'setup.demo', { password: DEMO_PASSWORD, scale: 'small' })
    const admin = await ok(null, 'auth.login', { username: 'admin', password: DEMO_PASSWORD })
    tokens.administrator = admin.token
    userIds.administrator = admin.user.id
  } else if (dealership === 'initialised') {
    await ok(null, 'setup.initialise', {
      dealerName: '测试汽车销售服务有限公司',
      dealerCode: 'TEST01',
      admin: { username: 'admin', displayName: '管理员', password: TEST_PASSWORD },
    })
    const admin = await ok(null, 'auth.login', { username: 'admin', password: TEST_PASSWORD })
    tokens.administrator = admin.token
    userIds.administrator = admin.user.id
    for (const role of options.roles ?? ROLES) {
      if (role === 'administrator') continue
      const username = role.replace(/_/g, '-')
      const user = await ok('administrator', 'users.create', { username, displayName: `测试${role}`, role, password: TEST_PASSWORD })
      const login = await ok(null, 'auth.login', { username, password: TEST_PASSWORD })
      tokens[role] = login.token
      userIds[role] = user.id
    }
  }
  return t
}

/** The demo dealership seen by its administrator: the jobs, export and backup tests' view of the kit. */
export interface DemoTestApp {
  app: App
  dir: string
  token: string
  now(): Date
  setNow(iso: string): void
  advance(ms: number): void
  /** A call as the administrator that must succeed; sessions that expired overnight are renewed. */
  call<T = unknown>(channel: string, input: unknown): Promise<T>
  close(): Promise<void>
}

export async function demoApp(startIso = '2026-11-27T10:00:00+08:00', prefix = 'export-'): Promise<DemoTestApp> {
  const kit = await makeTestApp({ dealership: 'demo', clock: testClock(startIso), prefix })
  const login = async () => {
    const result = await kit.app.dispatch('auth.login', { username: 'admin', password: DEMO_PASSWORD })
    if (!result.ok) throw new Error(result.message)
    return (result.data as { token: string }).token
  }
  const t: DemoTestApp = {
    get app() {
      return kit.app
    },
    set app(next) {
      kit.app = next
    },
    dir: kit.dir,
    get token() {
      return kit.tokens.administrator
    },
    set token(next) {
      kit.tokens.administrator = next
    },
    now: () => kit.clock.now(),
    setNow: (iso) => kit.clock.set(iso),
    advance: (ms) => kit.clock.advance(ms),
    async call<T>(channel: string, input: unknown) {
      let result = await kit.callRaw({ token: t.token }, channel, input, { locale: 'en' })
      // The test clock walks days ahead; sessions expire like they would overnight.
      if (!result.ok && (result.code === 'SESSION_EXPIRED' || result.code === 'UNAUTHENTICATED')) {
        t.token = await login()
        result = await kit.callRaw({ token: t.token }, channel, input, { locale: 'en' })
      }
      if (!result.ok) throw new Error(`${channel}: ${result.code} ${result.message}`)
      return result.data as T
    },
    close: () => kit.close(),
  }
  return t
}

/** Registers a vehicle with a new owner as a service advisor; returns the vehicle. */
export async function registerVehicle(
  t: TestApp,
  fields: { serial: number; plate?: string; name?: string; mobile?: string; odometerKm?: number; make?: string; model?: string },
) {
  return t.ok('service_advisor', 'vehicles.register', {
    vin: testVin(fields.serial),
    ...(fields.plate === undefined ? {} : { plate: fields.plate }),
    make: fields.make ?? '大众',
    model: fields.model ?? '朗逸 1.5L',
    odometerKm: fields.odometerKm ?? 10_000,
    newOwner: {
      name: fields.name ?? '张三',
      ...(fields.mobile === undefined ? {} : { mobile: fields.mobile }),
    },
  })
}
