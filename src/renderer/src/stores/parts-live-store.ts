import { createStore } from 'zustand/vanilla'
import type { ApiClient, LiveEvent } from '../../../shared/contract'

// Areas whose changes show on a parts screen: stock and catalogue, purchasing, old parts, the
// stocktake, and repair orders (a newly authorised order joins the counter queue).
const RELEVANT = new Set(['stock', 'part', 'parts', 'po', 'external', 'oldpart', 'stocktake', 'ro'])

export interface PartsLiveState {
  /** Bumped once per burst of relevant changes; views read again when it moves. */
  revision: number
  /** Bumped by this PC's own writes only. */
  ownWrites: number
  changed(event: LiveEvent): void
  /** Forces a re-read now (after one's own write, so the screen does not wait for the echo). */
  bump(): void
  /** Subscribes to the push channel; returns the unsubscribe. */
  connect(): () => void
}

export function isPartsEvent(event: LiveEvent): boolean {
  return RELEVANT.has(event.type.split('.')[0] ?? '')
}

export function createPartsLiveStore(api: ApiClient, debounceMs = 250) {
  let timer: ReturnType<typeof setTimeout> | null = null
  return createStore<PartsLiveState>()((set, get) => ({
    revision: 0,
    ownWrites: 0,

    changed(event) {
      if (!isPartsEvent(event)) return
      if (timer) return
      timer = setTimeout(() => {
        timer = null
        set({ revision: get().revision + 1 })
      }, debounceMs)
    },

    bump() {
      set({ revision: get().revision + 1, ownWrites: get().ownWrites + 1 })
    },

    connect() {
      const off = api.subscribe((event) => get().changed(event))
      return () => {
        off()
        if (timer) clearTimeout(timer)
        timer = null
      }
    },
  }))
}

export type PartsLiveStore = ReturnType<typeof createPartsLiveStore>
