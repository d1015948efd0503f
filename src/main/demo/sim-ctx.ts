import type { z } from 'zod'
import type { UserCtx, SessionUser } from '../api/context'
import type { EventBuffer } from '../api/events'
import { contract, type Contract } from '../../shared/contract'
import type { Role } from '../../shared/domain/roles'
import { toLocalIso } from '../../shared/domain/time'
import type { Store } from '../store/open'
import { first } from '../store/query'

// The demo replays the dealership's past through the real services (dispatch, clock, QC, issue,
// settle…), each call at the moment it "happened": one clock the generator moves forward, and a
// context per user the way the dispatcher builds one. Audit entries and events are dropped: the
// generator runs inside the caller's one transaction and nothing listens to the past.

export interface SimClock {
  /** Moves the simulated clock; `iso` is the local text when the caller already has it. */
  set(ms: number, iso?: string): void
  readonly ms: number
  readonly iso: string
}

export interface Sim {
  clock: SimClock
  /** A context acting as the demo user `username` at the simulated time. */
  as(username: string): UserCtx
  asId(userId: number): UserCtx
}

// Events are discarded (no one listens to the past), so nothing piles up over 100k calls.
const dropEvents: EventBuffer = { pending: [], emit: () => undefined }

export function createSim(store: Store, timeZone: string, startMs: number): Sim {
  let ms = startMs
  let iso = toLocalIso(new Date(ms), timeZone)
  const clock: SimClock = {
    set(next, text) {
      ms = next
      iso = text ?? toLocalIso(new Date(next), timeZone)
    },
    get ms() {
      return ms
    },
    get iso() {
      return iso
    },
  }
  const contexts = new Map<string, UserCtx>()
  const build = (user: SessionUser): UserCtx => ({
    store,
    clock: { now: () => new Date(ms) },
    timeZone,
    locale: 'zh-CN',
    user,
    token: null,
    channel: 'setup.demo',
    events: dropEvents,
    audit: () => undefined,
    nowIso: () => iso,
  })
  const byName = (where: 'username' | 'id', value: string | number): UserCtx => {
    const key = `${where}:${value}`
    let ctx = contexts.get(key)
    if (!ctx) {
      const users = store.db.selectFrom('users').select(['id', 'username', 'display_name', 'role']).orderBy('id').limit(1).$narrowType<{ role: Role }>()
      const row = first(store, where === 'id' ? users.where('id', '=', Number(value)) : users.where('username', '=', String(value)))
      if (!row) throw new Error(`demo: no user with ${where} ${value}`)
      ctx = build({ id: row.id, username: row.username, displayName: row.display_name, role: row.role, locale: 'zh-CN' })
      contexts.set(key, ctx)
    }
    return ctx
  }
  return { clock, as: (username) => byName('username', username), asId: (id) => byName('id', id) }
}

/** A channel's input as its service receives it: validated, defaults filled, as the dispatcher does. */
export function input<K extends keyof Contract>(channel: K, raw: z.input<Contract[K]['input']>): z.output<Contract[K]['input']> {
  return contract[channel].input.parse(raw) as z.output<Contract[K]['input']>
}
