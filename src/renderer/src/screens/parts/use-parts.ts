import { useCallback, useEffect } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { useStore } from 'zustand'
import type { ApiClient, Channel, Contract } from '../../../../shared/contract'
import type { InputOf, OutputOf } from '../../../../shared/contract/types'
import { useSessionStore } from '../../i18n'
import { useApi, useApiQuery } from '../../api/query-client'
import { channelsOf, invalidateChannels } from '../../api/live-events'
import { createPartsCatalogueStore, type PartsCatalogueStore } from '../../stores/parts-catalogue-store'
import { createPartsImportStore, type PartsImportStore } from '../../stores/parts-import-store'
import { createPartsLiveStore, type PartsLiveStore } from '../../stores/parts-live-store'
import { createPartsStocktakeStore, type PartsStocktakeStore } from '../../stores/parts-stocktake-store'

export interface PartsStores {
  catalogue: PartsCatalogueStore
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
  const queryClient = useQueryClient()
  useEffect(() => live.getState().connect(), [live])
  // After this PC's own write (`bump`), what the parts screens read through the query cache is
  // read again at once too, without waiting for the write's event.
  useEffect(
    () =>
      live.subscribe((state, before) => {
        if (state.ownWrites !== before.ownWrites) void invalidateChannels(queryClient, PARTS_CHANNELS)
      }),
    [live, queryClient],
  )
}

const PARTS_CHANNELS = [
  ...new Set(['part.changed', 'stock.changed', 'po.changed', 'stocktake.changed', 'oldpart.changed', 'external.changed', 'ro.parts'].flatMap((t) => channelsOf(t))),
]

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
 * Reads one channel through the query cache; the live-event table re-reads it when something it
 * shows changes on the host, and the previous answer stays while a new input loads. `input` null
 * means "nothing to read yet".
 */
export function useChannel<K extends Channel>(channel: K, input: InputOf<Contract[K]> | null): Loaded<OutputOf<Contract[K]>> {
  const query = useApiQuery(channel, (input ?? {}) as InputOf<Contract[K]>, { enabled: input !== null, keepPrevious: true })
  const { refetch } = query
  const reload = useCallback(() => void refetch(), [refetch])
  return { data: input === null ? null : (query.data ?? null), error: query.error?.message ?? null, loading: query.isFetching, reload }
}
