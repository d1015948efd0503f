import { useEffect, useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { create } from 'zustand'
import type { Contract } from '../../../shared/contract'
import type { InputOf } from '../../../shared/contract/types'
import { outOfCoverage, type ApiFailure, type Failure } from '../api/failure'
import { apiKey, failureOf, useApiMutation, useApiQuery } from '../api/query-client'
import { fromServer, isDirty, toInput, type DraftLine } from './ro-draft'
import type { RoDetailT } from './types'

export type AuthoriseInput = {
  method: 'signature' | 'in_person' | 'phone'
  authorisedBy: string
  signaturePng?: string
  note: string
}

/** The RO list's search and filters, as `ro.list` takes them. */
export type RoListQuery = InputOf<Contract['ro.list']>

/**
 * The estimate being edited: the order as it was when editing began (its version is what a save
 * sends, so someone else's newer save is a CONFLICT, not overwritten), the lines as typed, and
 * what the host said about them.
 */
export interface RoDraftState {
  ro: RoDetailT | null
  draft: DraftLine[]
  dirty: boolean
  /** Set when a save met a newer version: the message, and the person decides to reload. */
  conflict: string | null
  /** Problems per line index from the host's validation. */
  lineErrors: Record<number, string[]>
  /** Takes the host's order as the new starting point, dropping the edits. */
  accept(ro: RoDetailT): void
  /** A newer read of the order: taken unless the person has unsaved edits of this order. */
  sync(ro: RoDetailT): void
  setDraft(update: (lines: DraftLine[]) => DraftLine[]): void
  refused(failure: Failure): void
}

export function lineErrorsOf(failure: Failure): Record<number, string[]> {
  const out: Record<number, string[]> = {}
  for (const f of failure.details?.fields ?? []) {
    const m = /^lines\.(\d+)/.exec(f.field)
    if (!m) continue
    const index = Number(m[1])
    ;(out[index] ??= []).push(f.message)
  }
  return out
}

export const useRoDraft = create<RoDraftState>()((set, get) => ({
  ro: null,
  draft: [],
  dirty: false,
  conflict: null,
  lineErrors: {},

  accept(ro) {
    set({ ro, draft: fromServer(ro.lines), dirty: false, conflict: null, lineErrors: {} })
  },

  sync(ro) {
    const { ro: current, dirty } = get()
    if (current?.id === ro.id && dirty) return
    if (current?.id === ro.id && current.version === ro.version && current === ro) return
    get().accept(ro)
  },

  setDraft(update) {
    const ro = get().ro
    const draft = update(get().draft)
    set({ draft, dirty: ro ? isDirty(draft, ro.lines) : true, lineErrors: {} })
  },

  refused(failure) {
    if (failure.code === 'CONFLICT') set({ conflict: failure.message })
    else set({ lineErrors: lineErrorsOf(failure) })
  },
}))

/** The order `id` as the screen shows it: the host's, or the one being edited. */
export function useRo(id: number) {
  const query = useApiQuery('ro.get', { id })
  useEffect(() => {
    if (query.data) useRoDraft.getState().sync(query.data)
  }, [query.data])
  const ro = useRoDraft((s) => (s.ro?.id === id ? s.ro : null))
  const reload = async () => {
    const fresh = await query.refetch()
    if (fresh.data) useRoDraft.getState().accept(fresh.data)
  }
  return { ro, error: query.error?.message ?? null, reload }
}

/** Writes that answer with the whole order: it becomes the new starting point at once. */
function useRoWrite<K extends 'ro.saveLines' | 'ro.authorise'>(channel: K, showError: boolean, handledHere?: (failure: ApiFailure) => boolean) {
  const queryClient = useQueryClient()
  return useApiMutation(channel, {
    showError,
    ...(handledHere ? { handledHere } : {}),
    onSuccess: (ro) => {
      queryClient.setQueryData(apiKey('ro.get', { id: ro.id }), ro)
      useRoDraft.getState().accept(ro)
    },
    onError: (failure) => {
      if (channel === 'ro.saveLines' || failure.failure.code === 'CONFLICT') useRoDraft.getState().refused(failure.failure)
    },
  })
}

const isCoverageRefusal = (failure: ApiFailure) => outOfCoverage(failure.failure) !== null

/**
 * Saves the lines as typed against the version editing began from. A warranty line outside the
 * vehicle's coverage comes back as `coverageRefusal` (the screen asks for a reason and saves again
 * with it) instead of a message.
 */
export function useSaveLines() {
  const mutation = useRoWrite('ro.saveLines', true, isCoverageRefusal)
  const [coverageRefusal, setCoverageRefusal] = useState<Failure | null>(null)
  const save = async (overrideReason?: string): Promise<boolean> => {
    const { ro, draft } = useRoDraft.getState()
    if (!ro) return false
    try {
      await mutation.mutateAsync({
        id: ro.id,
        version: ro.version,
        lines: toInput(draft),
        ...(overrideReason === undefined ? {} : { warrantyOverride: { reason: overrideReason.trim() } }),
      })
      setCoverageRefusal(null)
      return true
    } catch (error) {
      const failure = failureOf(error)
      setCoverageRefusal(failure && isCoverageRefusal(failure) ? failure.failure : null)
      return false
    }
  }
  return { save, saving: mutation.isPending, coverageRefusal, dismissRefusal: () => setCoverageRefusal(null) }
}

/** Records the customer's approval; the panel shows a refusal itself. */
export function useAuthorise() {
  const mutation = useRoWrite('ro.authorise', false)
  const authorise = async (input: AuthoriseInput): Promise<Failure | null> => {
    const ro = useRoDraft.getState().ro
    if (!ro) return null
    try {
      await mutation.mutateAsync({ id: ro.id, version: ro.version, ...input })
      return null
    } catch (error) {
      return (error as { failure?: Failure }).failure ?? null
    }
  }
  return { authorise, busy: mutation.isPending }
}
