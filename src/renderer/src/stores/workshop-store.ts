import { createStore } from 'zustand/vanilla'
import { createLiveRefresh } from './live-refresh'
import type { z } from 'zod'
import type { ApiClient, Contract, Envelope } from '../../../shared/contract'
import type { InputOf, OutputOf } from '../../../shared/contract/types'
import type { AdditionalWork, Board, BoardCard, Job, JobDetail, WorkshopRo } from '../../../shared/contract/workshop'
import type { RoType } from '../../../shared/domain/ro-type'
import type { LiveStatus } from '../api/meta'

// Output shapes of the workshop channels, named once for the screens.
export type BoardT = z.output<typeof Board>
export type BoardCardT = z.output<typeof BoardCard>
export type JobT = z.output<typeof Job>
export type JobDetailT = z.output<typeof JobDetail>
export type WorkshopRoT = z.output<typeof WorkshopRo>
export type AdditionalWorkT = z.output<typeof AdditionalWork>

/** Filters of the board. Applied on the screen: one board serves every tab and filters answer at once. */
export interface BoardFilter {
  advisorId?: number
  type?: RoType
  bayId?: number
}

type WorkshopChannel = Extract<keyof Contract, `workshop.${string}`>

export interface WorkshopState {
  board: BoardT | null
  /** The PC's clock when the board arrived: countdowns run on from the host's `at`. */
  receivedAt: number
  boardError: string | null
  filter: BoardFilter
  live: LiveStatus
  ro: WorkshopRoT | null
  roError: string | null
  queue: AdditionalWorkT[] | null
  queueAdvisorId: number | undefined
  /** Bumped on every refresh after a change, so panels with their own reads (stats, settings) follow. */
  revision: number
  loadBoard(): Promise<void>
  setFilter(filter: BoardFilter): void
  loadRo(id: number): Promise<void>
  loadQueue(advisorId?: number): Promise<void>
  /** A write; on success everything showing is read again at once. */
  write<K extends WorkshopChannel>(channel: K, input: InputOf<Contract[K]>): Promise<Envelope<OutputOf<Contract[K]>>>
  /** A change happened somewhere: refresh what is showing, once per burst of events. */
  changed(): void
  /** Subscribes to the push channel; returns the unsubscribe. */
  connect(): () => void
}

export interface WorkshopStoreOptions {
  /** How the board is read: the logged-in board by default, the wall display with its token. */
  readBoard?: (api: ApiClient) => Promise<Envelope<BoardT>>
  debounceMs?: number
}

export function createWorkshopStore(api: ApiClient, options: WorkshopStoreOptions = {}) {
  const readBoard = options.readBoard ?? ((client: ApiClient) => client.call('workshop.board', {}))
  const debounceMs = options.debounceMs ?? 120
  let boardSeq = 0
  let roSeq = 0
  let queueSeq = 0
  let boardWanted = false
  let queueWanted = false

  return createStore<WorkshopState>()((set, get) => {
    const refresh = () => {
      set({ revision: get().revision + 1 })
      const jobs: Promise<void>[] = []
      if (boardWanted) jobs.push(get().loadBoard())
      const ro = get().ro
      if (ro) jobs.push(get().loadRo(ro.roId))
      if (queueWanted) jobs.push(get().loadQueue(get().queueAdvisorId))
      return Promise.all(jobs)
    }
    const live = createLiveRefresh({
      api,
      areas: ['workshop', 'ro'],
      refresh,
      debounceMs,
      onStatus: (status) => set({ live: status }),
    })

    return {
      board: null,
      receivedAt: 0,
      boardError: null,
      filter: {},
      live: 'connecting',
      ro: null,
      roError: null,
      queue: null,
      queueAdvisorId: undefined,
      revision: 0,

      async loadBoard() {
        boardWanted = true
        const mine = ++boardSeq
        const result = await readBoard(api)
        // Only the newest answer counts: a slow read never replaces a fresher board.
        if (mine !== boardSeq) return
        if (result.ok) set({ board: result.data, receivedAt: Date.now(), boardError: null })
        else set({ boardError: result.message })
      },

      setFilter(filter) {
        set({ filter })
      },

      async loadRo(id) {
        const mine = ++roSeq
        if (get().ro?.roId !== id) set({ ro: null, roError: null })
        const result = await api.call('workshop.ro', { roId: id })
        if (mine !== roSeq) return
        if (result.ok) set({ ro: result.data, roError: null })
        else set({ roError: result.message })
      },

      async loadQueue(advisorId) {
        queueWanted = true
        const mine = ++queueSeq
        set({ queueAdvisorId: advisorId })
        const result = await api.call('workshop.additional.queue', advisorId === undefined ? {} : { advisorId })
        if (mine !== queueSeq) return
        if (result.ok) set({ queue: result.data })
      },

      async write(channel, input) {
        const result = await api.call(channel, input)
        if (result.ok) await live.afterWrite()
        return result
      },

      changed: live.changed,
      // One subscription for every panel that shows workshop data, however many are mounted.
      connect: live.connect,
    }
  })
}

export type WorkshopStore = ReturnType<typeof createWorkshopStore>
