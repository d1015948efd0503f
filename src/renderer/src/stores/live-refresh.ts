import type { ApiClient, LiveEvent } from '../../../shared/contract'
import type { LiveStatus } from '../api/meta'

export interface LiveRefreshOptions {
  api: Pick<ApiClient, 'subscribe'>
  /** Event areas (`workshop` of `workshop.changed`) that make the screen read again. */
  areas: readonly string[]
  refresh: () => unknown
  onStatus: (status: LiveStatus) => void
  onEvent?: (event: LiveEvent) => void
  debounceMs: number
}

/**
 * A screen area's link to the push channel: one subscription however many panels are mounted,
 * a debounced re-read on relevant events, and a full re-read after a reconnect (events sent
 * while the stream was down are lost).
 */
export function createLiveRefresh(options: LiveRefreshOptions) {
  const areas = new Set(options.areas)
  let timer: ReturnType<typeof setTimeout> | null = null
  let connections = 0
  let unsubscribe: (() => void) | null = null

  const cancelPending = () => {
    if (timer) clearTimeout(timer)
    timer = null
  }
  const changed = () => {
    cancelPending()
    timer = setTimeout(() => {
      timer = null
      void options.refresh()
    }, options.debounceMs)
  }

  function connect(): () => void {
    connections += 1
    if (connections === 1) {
      let wasConnected: boolean | null = null
      unsubscribe = options.api.subscribe(
        (event) => {
          if (areas.has(event.type.split('.')[0] ?? '')) changed()
          options.onEvent?.(event)
        },
        (connected) => {
          options.onStatus(connected ? 'connected' : 'stale')
          if (connected && wasConnected === false) {
            changed()
            options.onEvent?.({ type: 'reconnected', at: '' })
          }
          wasConnected = connected
        },
      )
    }
    let released = false
    return () => {
      if (released) return
      released = true
      connections -= 1
      if (connections > 0) return
      unsubscribe?.()
      unsubscribe = null
      options.onStatus('connecting')
    }
  }

  /** After the screen's own write: read now, and drop a re-read the write's event queued. */
  async function afterWrite() {
    cancelPending()
    await options.refresh()
  }

  return { changed, connect, afterWrite }
}
