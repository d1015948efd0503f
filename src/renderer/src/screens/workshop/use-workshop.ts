import { useEffect, useState } from 'react'
import { useStore } from 'zustand'
import type { ApiClient } from '../../../../shared/contract'
import { useSessionStore } from '../../i18n'
import { useApi } from '../../api/query-client'
import { createWorkshopStore, type WorkshopStore } from '../../stores/workshop-store'
import { hostNow } from './countdown'

// One workshop store per API client, kept while the app runs: going from the board to an order
// and back shows the board at once instead of an empty screen.
const stores = new WeakMap<ApiClient, WorkshopStore>()

export function useWorkshopStore(): WorkshopStore {
  const api = useApi()
  let store = stores.get(api)
  if (!store) {
    store = createWorkshopStore(api)
    stores.set(api, store)
  }
  return store
}

/** Keeps the push channel open while the component shows. */
export function useWorkshopLive(store: WorkshopStore): void {
  useEffect(() => store.getState().connect(), [store])
}

/** The one UI permission check (src/renderer/src/permissions.ts), re-exported for this area. */
export { useCan } from '../../permissions'

export function useMe(): number | null {
  return useStore(useSessionStore(), (s) => s.user?.id ?? null)
}

/** The PC's clock, re-read every `everyMs` so countdowns and running clocks move. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  return now
}

/** The host's time now, from the last board read. */
export function useHostNow(store: WorkshopStore, everyMs = 30_000): number {
  const now = useNow(everyMs)
  const at = useStore(store, (s) => s.board?.at ?? null)
  const receivedAt = useStore(store, (s) => s.receivedAt)
  return at === null ? now : hostNow(at, receivedAt, now)
}
