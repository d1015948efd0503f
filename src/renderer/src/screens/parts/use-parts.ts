import { useCallback } from 'react'
import { useStore } from 'zustand'
import type { Channel, Contract } from '../../../../shared/contract'
import type { InputOf, OutputOf } from '../../../../shared/contract/types'
import { useSessionStore } from '../../i18n'
import { useApiQuery } from '../../api/query-client'

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
