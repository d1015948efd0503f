import { createStore } from 'zustand/vanilla'
import type { ApiClient, Contract } from '../../../shared/contract'
import type { InputOf } from '../../../shared/contract/types'
import type { Failure } from '../api/failure'
import { fromServer, isDirty, toInput, type DraftLine } from './ro-draft'
import type { RoDetailT, RoSummaryT } from './types'

export type AuthoriseInput = {
  method: 'signature' | 'in_person' | 'phone'
  authorisedBy: string
  signaturePng?: string
  note: string
}

export interface RoState {
  ro: RoDetailT | null
  loading: boolean
  error: string | null
  draft: DraftLine[]
  dirty: boolean
  saving: boolean
  /** Set when a save met a newer version: the message, and the person decides to reload. */
  conflict: string | null
  /** Problems per line index from the host's validation. */
  lineErrors: Record<number, string[]>
  list: { rows: RoSummaryT[]; total: number; loading: boolean; error: string | null }
  load(id: number): Promise<void>
  reload(): Promise<void>
  setDraft(update: (lines: DraftLine[]) => DraftLine[]): void
  save(): Promise<Failure | null>
  authorise(input: AuthoriseInput): Promise<Failure | null>
  loadList(query: RoListQuery): Promise<void>
  /** A change event for an RO: refresh unless the person has unsaved edits. */
  changed(id: number | undefined): void
}

/** The RO list's search and filters, as `ro.list` takes them. */
export type RoListQuery = InputOf<Contract['ro.list']>

function lineErrorsOf(failure: Failure): Record<number, string[]> {
  const out: Record<number, string[]> = {}
  for (const f of failure.details?.fields ?? []) {
    const m = /^lines\.(\d+)/.exec(f.field)
    if (!m) continue
    const index = Number(m[1])
    ;(out[index] ??= []).push(f.message)
  }
  return out
}

export function createRoStore(api: ApiClient) {
  let seq = 0
  let listSeq = 0
  let lastListQuery: Parameters<RoState['loadList']>[0] | null = null

  return createStore<RoState>()((set, get) => {
    const accept = (ro: RoDetailT) =>
      set({ ro, draft: fromServer(ro.lines), dirty: false, conflict: null, lineErrors: {}, error: null, loading: false })

    return {
      ro: null,
      loading: false,
      error: null,
      draft: [],
      dirty: false,
      saving: false,
      conflict: null,
      lineErrors: {},
      list: { rows: [], total: 0, loading: false, error: null },

      async load(id) {
        const mine = ++seq
        if (get().ro?.id !== id) set({ ro: null, draft: [], dirty: false })
        set({ loading: true, error: null })
        const result = await api.call('ro.get', { id })
        if (mine !== seq) return
        if (result.ok) accept(result.data)
        else set({ loading: false, error: result.message })
      },

      async reload() {
        const id = get().ro?.id
        if (id) await get().load(id)
      },

      setDraft(update) {
        const ro = get().ro
        const draft = update(get().draft)
        set({ draft, dirty: ro ? isDirty(draft, ro.lines) : true, lineErrors: {} })
      },

      async save() {
        const ro = get().ro
        if (!ro) return null
        set({ saving: true })
        const result = await api.call('ro.saveLines', { id: ro.id, version: ro.version, lines: toInput(get().draft) })
        set({ saving: false })
        if (result.ok) {
          accept(result.data)
          return null
        }
        if (result.code === 'CONFLICT') set({ conflict: result.message })
        else set({ lineErrors: lineErrorsOf(result) })
        return result
      },

      async authorise(input) {
        const ro = get().ro
        if (!ro) return null
        const result = await api.call('ro.authorise', { id: ro.id, version: ro.version, ...input })
        if (result.ok) {
          accept(result.data)
          return null
        }
        if (result.code === 'CONFLICT') set({ conflict: result.message })
        return result
      },

      async loadList(query) {
        lastListQuery = query
        const mine = ++listSeq
        set({ list: { ...get().list, loading: true, error: null } })
        const result = await api.call('ro.list', query)
        if (mine !== listSeq) return
        if (result.ok) set({ list: { rows: result.data.rows, total: result.data.total, loading: false, error: null } })
        else set({ list: { rows: [], total: 0, loading: false, error: result.message } })
      },

      changed(id) {
        const { ro, dirty, saving } = get()
        if (ro && (id === undefined || id === ro.id) && !dirty && !saving) void get().load(ro.id)
        if (lastListQuery && !get().list.loading) void get().loadList(lastListQuery)
      },
    }
  })
}

export type RoStore = ReturnType<typeof createRoStore>
