import { useCallback, useEffect, useRef, useState } from 'react'
import { useStore } from 'zustand'
import type { ApiClient, Channel, Contract } from '../../../../shared/contract'
import type { InputOf, OutputOf } from '../../../../shared/contract/types'
import { useSessionStore } from '../../i18n'
import { useApi } from '../../api/query-client'
import { createPartsCatalogueStore, type PartsCatalogueStore } from '../../stores/parts-catalogue-store'
import { createPartsCounterStore, type PartsCounterStore } from '../../stores/parts-counter-store'
import { createPartsImportStore, type PartsImportStore } from '../../stores/parts-import-store'
import { createPartsLiveStore, type PartsLiveStore } from '../../stores/parts-live-store'
import { createPartsStocktakeStore, type PartsStocktakeStore } from '../../stores/parts-stocktake-store'

export interface PartsStores {
  catalogue: PartsCatalogueStore
  counter: PartsCounterStore
  stocktake: PartsStocktakeStore
  importer: PartsImportStore
  live: PartsLiveStore
}

// One set of parts stores per API client, kept while the app runs: going from the queue to a
// pick list and back shows the queue at once instead of an empty table.
const bundles = new WeakMap<ApiClient, PartsStores>()

export function usePartsStores(): PartsStores {
  const api = useApi()
  let bundle = bundles.get(api)
  if (!bundle) {
    bundle = {
      catalogue: createPartsCatalogueStore(api),
      counter: createPartsCounterStore(api),
      stocktake: createPartsStocktakeStore(api),
      importer: createPartsImportStore(api),
      live: createPartsLiveStore(api),
    }
    bundles.set(api, bundle)
  }
  return bundle
}

/** Keeps the push channel open while a parts screen shows. */
export function usePartsLive(): void {
  const { live } = usePartsStores()
  useEffect(() => live.getState().connect(), [live])
}

/** The revision that moves with every relevant change: effects that read depend on it. */
export function useRevision(): number {
  return useStore(usePartsStores().live, (s) => s.revision)
}

/** The one UI permission check (src/renderer/src/permissions.ts), re-exported for this area. */
export { useCan } from '../../permissions'

export function useTimeZone(): string {
  return useStore(useSessionStore(), (s) => s.settings?.timeZone ?? 'Asia/Shanghai')
}

export interface Loaded<T> {
  data: T | null
  error: string | null
  loading: boolean
  reload(): void
}

/**
 * Reads one channel and reads it again when its input changes or anything relevant changes on
 * the host; only the latest answer is kept. `input` null means "nothing to read yet".
 */
export function useChannel<K extends Channel>(channel: K, input: InputOf<Contract[K]> | null): Loaded<OutputOf<Contract[K]>> {
  const api = useApi()
  const revision = useRevision()
  const [data, setData] = useState<OutputOf<Contract[K]> | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)
  const [nudge, setNudge] = useState(0)
  const seq = useRef(0)
  const key = input === null ? null : JSON.stringify(input)

  useEffect(() => {
    if (key === null) return
    const mine = ++seq.current
    setLoading(true)
    void api.call(channel, JSON.parse(key) as InputOf<Contract[K]>).then((result) => {
      if (mine !== seq.current) return
      setLoading(false)
      if (result.ok) {
        setData(result.data)
        setError(null)
      } else setError(result.message)
    })
  }, [api, channel, key, revision, nudge])

  const reload = useCallback(() => setNudge((n) => n + 1), [])
  return { data, error, loading, reload }
}
