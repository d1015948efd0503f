import { create, type StateCreator } from 'zustand'
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import type { ApiClient, Contract } from '../../../shared/contract'
import type { InputOf } from '../../../shared/contract/types'
import { apiQueryOptions, useApi, writeThrough } from '../api/query-client'
import type { ImportField, ImportPreviewT } from './parts-types'

// A price-list import: the file is read once and kept in the draft; the dry run is a query of the
// draft (every change of encoding, heading row or column choice is another key, so only the
// latest dry run shows), and the import sends exactly the rows the dry run showed with the counts
// it promised (the host refuses if the catalogue changed in between).

export type ImportEncoding = 'auto' | 'utf-8' | 'gb18030'
export type ImportMapping = Partial<Record<ImportField, number | null>>

export interface ImportResult {
  added: number
  changed: number
  unchanged: number
}

export interface PartsImportState {
  fileName: string | null
  /** The file's bytes as base64, read once. */
  content: string | null
  encoding: ImportEncoding
  headerRow: number | null
  /** Columns chosen by the person, over what the headings suggest. */
  mapping: ImportMapping
  applying: boolean
  result: ImportResult | null
  /** The host's refusal of the import (the dry run's own failure is the query's). */
  error: string | null
  choose(fileName: string, contentBase64: string): void
  setEncoding(encoding: ImportEncoding): void
  setHeaderRow(row: number | null): void
  mapColumn(field: ImportField, column: number | null): void
  reset(): void
}

const EMPTY = { fileName: null, content: null, encoding: 'auto', headerRow: null, mapping: {}, applying: false, result: null, error: null } as const

export function partsImportState(): StateCreator<PartsImportState> {
  return (set, get) => ({
    ...EMPTY,
    choose(fileName, content) {
      set({ fileName, content, headerRow: null, mapping: {}, result: null, error: null })
    },
    setEncoding(encoding) {
      set({ encoding, error: null })
    },
    setHeaderRow(headerRow) {
      // Other headings mean other columns: the choices made for the old ones no longer apply.
      set({ headerRow, mapping: {}, error: null })
    },
    mapColumn(field, column) {
      set({ mapping: { ...get().mapping, [field]: column }, error: null })
    },
    reset() {
      set({ ...EMPTY })
    },
  })
}

/** The import drawer's draft, one per window. */
export const usePartsImport = create<PartsImportState>()(partsImportState())

type Draft = Pick<PartsImportState, 'fileName' | 'content' | 'encoding' | 'headerRow' | 'mapping'>

export function previewInput(draft: Draft): InputOf<Contract['parts.import.preview']> | null {
  const { fileName, content, encoding, headerRow, mapping } = draft
  if (!fileName || content === null) return null
  return {
    fileName,
    contentBase64: content,
    encoding,
    ...(headerRow !== null ? { headerRow } : {}),
    ...(Object.keys(mapping).length > 0 ? { mapping } : {}),
  }
}

/** The dry run of the draft; a file's content is large, so an answer not shown is not kept. */
export function previewQuery(api: ApiClient, draft: Draft) {
  const input = previewInput(draft)
  return apiQueryOptions(api, 'parts.import.preview', input ?? { fileName: '', contentBase64: '', encoding: 'auto' }, {
    enabled: input !== null,
    keepPrevious: true,
    gcTime: 0,
  })
}

export function useImportPreview() {
  const draft = usePartsImport()
  const query = useQuery(previewQuery(useApi(), draft))
  const chosen = previewInput(draft) !== null
  return { preview: chosen ? (query.data ?? null) : null, previewing: chosen && query.isFetching, error: chosen ? (query.error?.message ?? null) : null }
}

/**
 * Imports what the dry run showed. Returns the counts, or null when there was nothing to import
 * or the host refused (its message is kept for the drawer).
 */
export async function applyImport(
  api: ApiClient,
  queryClient: QueryClient,
  ui: { getState(): PartsImportState; setState(patch: Partial<PartsImportState>): void },
  shown: ImportPreviewT | null,
): Promise<ImportResult | null> {
  const { fileName } = ui.getState()
  if (!shown || !fileName || shown.add + shown.change === 0) return null
  ui.setState({ applying: true, error: null })
  const rows = shown.rows.map((r) => r.row)
  // The dry run is not read again: the drawer shows the result, and closes.
  const result = await writeThrough(api, queryClient, 'parts.import.apply', { fileName, rows, expect: { add: shown.add, change: shown.change } }, ['parts.import.preview'])
  if (!result.ok) {
    ui.setState({ applying: false, error: result.message })
    return null
  }
  ui.setState({ applying: false, result: result.data })
  return result.data
}

export function useApplyImport() {
  const api = useApi()
  const queryClient = useQueryClient()
  return (shown: ImportPreviewT | null) => applyImport(api, queryClient, usePartsImport, shown)
}
