import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import {
  QueryClient,
  QueryClientProvider,
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type UseMutationOptions,
  type UseQueryOptions,
} from '@tanstack/react-query'
import { App, type FormInstance } from 'antd'
import { useStore } from 'zustand'
import type { ApiClient, Channel, Contract, Envelope, ErrorCode, LiveEvent } from '../../../shared/contract'
import type { InputOf, OutputOf } from '../../../shared/contract/types'
import { ApiFailure, unwrap } from './failure'
import { applyFailure, summaryOf } from '../components/form-errors'
import { channelsOf, connectLive, eventsOfWrite, invalidateChannels } from './live-events'
import type { SessionStore } from '../stores/session-store'

export type In<K extends Channel> = InputOf<Contract[K]>
export type Out<K extends Channel> = OutputOf<Contract[K]>
export type ApiKey<K extends Channel> = readonly [K, In<K>]

/** Failures that asking again will not change: the answer is about the request or the person. */
const FINAL: ReadonlySet<ErrorCode> = new Set([
  'VALIDATION',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_STATE',
  'UNKNOWN_CHANNEL',
  'DUPLICATE',
  'PAYLOAD_TOO_LARGE',
  'TOO_MANY_ATTEMPTS',
  'NOT_INITIALISED',
])

export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiFailure && FINAL.has(error.failure.code)) return false
  return failureCount < 1
}

/**
 * Defaults for a desktop app on the dealership's LAN: live events say when data changed, so no
 * re-reads on window focus or browser "online" (the LAN works without the internet); one retry
 * for transport trouble, none for answers a retry cannot change.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        networkMode: 'always',
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        staleTime: 2_000,
        gcTime: 5 * 60_000,
        retry: shouldRetry,
        retryDelay: 500,
      },
      mutations: { networkMode: 'always', retry: false },
    },
  })
}

const ApiContext = createContext<ApiClient | null>(null)

export function useApi(): ApiClient {
  const api = useContext(ApiContext)
  if (!api) throw new Error('ApiProvider is missing')
  return api
}

/** The query layer for the window: the client, the cache, and the one live-event connection. */
export function ApiProvider({ api, queryClient, children }: { api: ApiClient; queryClient: QueryClient; children: ReactNode }) {
  return (
    <ApiContext.Provider value={api}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </ApiContext.Provider>
  )
}

/**
 * Opens the window's one live-event subscription while someone is logged in (the stream needs
 * the token), reporting its state to the session store for the header.
 */
export function LiveConnection({ session }: { session: SessionStore }) {
  const api = useApi()
  const queryClient = useQueryClient()
  const token = useStore(session, (s) => (s.phase === 'ready' ? s.token : null))
  useEffect(() => {
    if (!token) return
    const off = connectLive({ api, queryClient, onStatus: (status) => session.getState().setLive(status) })
    return () => {
      off()
      session.getState().setLive('connecting')
    }
  }, [api, queryClient, session, token])
  return null
}

/** Listens to live events through the window's one subscription (for what is not a query). */
export function useLiveEvent(handler: (event: LiveEvent) => void, enabled = true): void {
  const api = useApi()
  useEffect(() => {
    if (!enabled) return
    return api.subscribe(handler)
  }, [api, handler, enabled])
}

export function apiKey<K extends Channel>(channel: K, input: In<K>): ApiKey<K> {
  return [channel, input] as const
}

/** The query function for a channel: the envelope unwrapped, `ApiFailure` thrown on `ok:false`. */
export async function fetchApi<K extends Channel>(api: ApiClient, channel: K, input: In<K>): Promise<Out<K>> {
  return unwrap(await api.call(channel, input))
}

export type ApiQueryOptions<K extends Channel, T = Out<K>> = Omit<
  UseQueryOptions<Out<K>, ApiFailure, T, ApiKey<K>>,
  'queryKey' | 'queryFn' | 'placeholderData'
> & {
  /** Keep showing the previous answer while a new input loads (typed search, paging). */
  keepPrevious?: boolean
}

/** The options `useApiQuery` passes to TanStack (also for a `QueryObserver` in a unit test). */
export function apiQueryOptions<K extends Channel, T = Out<K>>(api: ApiClient, channel: K, input: In<K>, options: ApiQueryOptions<K, T> = {}) {
  const { keepPrevious, ...rest } = options
  return {
    queryKey: apiKey(channel, input),
    queryFn: () => fetchApi(api, channel, input),
    ...(keepPrevious ? { placeholderData: keepPreviousData } : {}),
    ...rest,
  } satisfies UseQueryOptions<Out<K>, ApiFailure, T, ApiKey<K>>
}

/** A read through the query cache, keyed `[channel, input]`, typed from the contract. */
export function useApiQuery<K extends Channel, T = Out<K>>(channel: K, input: In<K>, options: ApiQueryOptions<K, T> = {}) {
  const api = useApi()
  return useQuery<Out<K>, ApiFailure, T, ApiKey<K>>(apiQueryOptions(api, channel, input, options))
}

/** Re-reads every query of the given channels (for a screen's "refresh" button). */
export function useInvalidate() {
  const client = useQueryClient()
  return (...channels: Channel[]) => invalidateChannels(client, channels)
}

/** What a write on `channel` makes stale: what its live events would refresh, and `extra`. */
export function staleAfterWrite(channel: Channel, extra: readonly Channel[] = []): Channel[] {
  return [...new Set([...eventsOfWrite(channel).flatMap((type) => channelsOf(type)), ...extra])]
}

export interface ApiMutationOptions<K extends Channel, C = unknown>
  extends Omit<UseMutationOptions<Out<K>, ApiFailure, In<K>, C>, 'mutationFn' | 'onError'> {
  /** Field problems go on this form's fields; what no field shows goes in the message. */
  form?: FormInstance
  /**
   * Where the failure shows: with antd `message` (true, the default), as the mutation's `problem`
   * for a dialog to show above its form ('inline'), or not at all (false: the screen shows it).
   */
  showError?: boolean | 'inline'
  /** Failures the screen shows in a dialog of its own (so they are not also shown as `showError` says). */
  handledHere?: (failure: ApiFailure) => boolean
  /** Channels to re-read besides what the write's live events refresh. */
  invalidates?: readonly Channel[]
  onError?: (failure: ApiFailure, input: In<K>) => void
}

/**
 * The one way to write: on failure the host's message shows the same way on every screen (and
 * field problems at their fields); on success what the write's events make stale is re-read.
 */
export function useApiMutation<K extends Channel, C = unknown>(channel: K, options: ApiMutationOptions<K, C> = {}) {
  const api = useApi()
  const queryClient = useQueryClient()
  const { message } = App.useApp()
  const { form, showError = true, handledHere, invalidates = [], onError, onSuccess, onMutate, ...rest } = options
  const stale = useMemo(() => staleAfterWrite(channel, invalidates), [channel, invalidates])
  const [problem, setProblem] = useState<string | null>(null)
  const mutation = useMutation<Out<K>, ApiFailure, In<K>, C>({
    mutationFn: (input) => fetchApi(api, channel, input),
    ...rest,
    onMutate: (input, context) => {
      setProblem(null)
      return onMutate?.(input, context) as C | Promise<C>
    },
    onSuccess: async (data, input, context, mutation) => {
      await invalidateChannels(queryClient, stale)
      await onSuccess?.(data, input, context, mutation)
    },
    onError: (error, input) => {
      const failure = error instanceof ApiFailure ? error : new ApiFailure({ ok: false, code: 'INTERNAL', message: String(error) })
      const shown = handledHere?.(failure) ? '' : form ? summaryOf(applyFailure(form, failure.failure), failure.failure) : failure.message
      if (showError === 'inline') setProblem(shown || null)
      else if (showError && shown) void message.error(shown)
      onError?.(failure, input)
    },
  })
  /** The failure's message no form field shows, for `showError: 'inline'`. */
  return { ...mutation, problem }
}

/**
 * The same write for screens that branch on the envelope itself (one dialog trying several
 * writes, a refusal that opens a confirmation): what the write makes stale is re-read on success
 * exactly as with `useApiMutation`; showing a refusal is left to the caller.
 */
export function useApiWrite() {
  const api = useApi()
  const queryClient = useQueryClient()
  return useCallback(<K extends Channel>(channel: K, input: In<K>) => writeThrough(api, queryClient, channel, input), [api, queryClient])
}

/**
 * `useApiWrite` without React: the call, then on success `answered` (to put the answer in the
 * cache) and the re-reads of all the write makes stale but `keep`.
 */
export async function writeThrough<K extends Channel>(
  api: ApiClient,
  queryClient: QueryClient,
  channel: K,
  input: In<K>,
  keep: readonly Channel[] = [],
  answered?: (data: Out<K>) => void | Promise<void>,
): Promise<Envelope<Out<K>>> {
  const result = await api.call(channel, input)
  if (!result.ok) return result
  await answered?.(result.data)
  await invalidateChannels(queryClient, staleAfterWrite(channel).filter((c) => !keep.includes(c)))
  return result
}

/** The failure of a settled mutation or query, or null. */
export function failureOf(error: unknown): ApiFailure | null {
  return error instanceof ApiFailure ? error : null
}
