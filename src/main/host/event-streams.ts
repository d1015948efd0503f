import type { IncomingMessage, ServerResponse } from 'node:http'
import type { LiveEvent } from '../../shared/contract/types'
import { displayMayReceive, roleMayReceive } from '../../shared/contract/live-events'
import type { App } from '../app'
import { peekSession } from '../api/sessions'
import { isDisplayToken } from '../workshop/display'
import { isDeviceTokenLive } from './devices'

/** How often open streams are re-checked when no event arrives (logout, expiry, revocation). */
export const STREAM_RECHECK_MS = 2_000

/** Who a stream was opened for: a user session or the wall display, and the PC it came through. */
export type StreamOwner = { kind: 'user'; token: string; deviceToken: string | null } | { kind: 'display'; token: string; deviceToken: string | null }

interface OpenStream {
  res: ServerResponse
  owner: StreamOwner
}

/**
 * The push channel's open streams. Each event goes only to streams whose role may read it, and a
 * stream ends as soon as its session or paired device does: checked before every event and on a
 * timer, so a logged-out desk or a revoked PC stops hearing about the dealership's work.
 */
export class EventStreams {
  private readonly open = new Set<OpenStream>()
  private readonly unsubscribe: () => void
  private readonly timer: ReturnType<typeof setInterval>
  private readonly heartbeat: ReturnType<typeof setInterval>

  /**
   * `heartbeatMs`: how often every stream gets a named `ping` event. Not an SSE comment: a
   * browser's EventSource never shows comments to the page, and a cut cable closes nothing, so
   * the pings are how a workstation notices within seconds (src/shared/live.ts).
   */
  constructor(
    private readonly app: App,
    heartbeatMs: number,
  ) {
    this.unsubscribe = app.hub.subscribe((event) => this.deliver(event))
    this.timer = setInterval(() => this.sweep(), STREAM_RECHECK_MS)
    this.timer.unref()
    this.heartbeat = setInterval(() => {
      for (const stream of this.open) stream.res.write('event: ping\ndata: {}\n\n')
    }, heartbeatMs)
    this.heartbeat.unref()
  }

  get size(): number {
    return this.open.size
  }

  /** Opens a stream for a checked owner; the caller has already refused unknown sessions. */
  add(req: IncomingMessage, res: ServerResponse, owner: StreamOwner): void {
    const stream = { res, owner }
    this.open.add(stream)
    req.on('close', () => this.open.delete(stream))
  }

  /** The role whose permissions decide what this owner may receive; null once it has ended. */
  private roleOf(owner: StreamOwner): 'display' | ReturnType<typeof peekSession> {
    const now = this.app.clock.now()
    if (owner.deviceToken !== null && !isDeviceTokenLive(this.app.store, owner.deviceToken)) return null
    if (owner.kind === 'display') return isDisplayToken(this.app.store, owner.token, now) ? 'display' : null
    return peekSession(this.app.store, owner.token, now)
  }

  private deliver(event: LiveEvent): void {
    const frame = `event: change\ndata: ${JSON.stringify(event)}\n\n`
    for (const stream of this.open) {
      const who = this.roleOf(stream.owner)
      if (who === null) {
        this.end(stream)
        continue
      }
      const may = who === 'display' ? displayMayReceive(event.type) : roleMayReceive(who.role, event.type)
      if (may) stream.res.write(frame)
    }
  }

  private sweep(): void {
    for (const stream of this.open) {
      if (this.roleOf(stream.owner) === null) this.end(stream)
    }
  }

  private end(stream: OpenStream): void {
    this.open.delete(stream)
    stream.res.end()
  }

  close(): void {
    this.unsubscribe()
    clearInterval(this.timer)
    clearInterval(this.heartbeat)
    for (const stream of this.open) stream.res.end()
    this.open.clear()
  }
}
