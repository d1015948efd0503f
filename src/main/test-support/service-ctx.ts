import type { Ctx, SessionUser } from '../api/context'
import { EventBuffer } from '../api/events'
import type { Store } from '../store/open'
import type { Clock } from '../../shared/domain/time'
import { toLocalIso } from '../../shared/domain/time'

// A service context outside the dispatcher, for tests and benchmarks that call a service
// directly: the store, the clock and the zone given, events collected in a fresh buffer, no
// audit (the dispatcher writes that).

export interface DirectCtxOptions {
  store: Store
  clock: Clock
  timeZone?: string
  locale?: 'zh-CN' | 'en'
  user?: SessionUser | null
  channel?: string
}

export function directCtx(options: DirectCtxOptions): Ctx & { events: EventBuffer } {
  const timeZone = options.timeZone ?? 'Asia/Shanghai'
  return {
    store: options.store,
    clock: options.clock,
    timeZone,
    locale: options.locale ?? 'zh-CN',
    user: options.user ?? null,
    token: null,
    channel: options.channel ?? 'test',
    events: new EventBuffer(),
    audit: () => undefined,
    nowIso: () => toLocalIso(options.clock.now(), timeZone),
  }
}
