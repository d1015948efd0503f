import type { LiveEvent } from '../../shared/contract/types'

export type LiveListener = (event: LiveEvent) => void

/** Fan-out of committed changes to every open screen (push channel, Electron windows, rules). */
export class EventHub {
  private readonly listeners = new Set<LiveListener>()

  subscribe(listener: LiveListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  publish(event: LiveEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event)
      } catch {
        // One broken subscriber must not stop the others or the write that caused the event.
      }
    }
  }

  get size(): number {
    return this.listeners.size
  }
}

/** Events raised inside a transaction wait here until it commits; a rollback drops them. */
export class EventBuffer {
  readonly pending: Omit<LiveEvent, 'at'>[] = []

  emit(event: Omit<LiveEvent, 'at'>): void {
    this.pending.push(event)
  }
}
