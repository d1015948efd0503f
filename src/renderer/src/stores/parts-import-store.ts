import { createStore } from 'zustand/vanilla'
import type { ApiClient } from '../../../shared/contract'
import type { ImportField, ImportPreviewT } from './parts-types'

export type ImportEncoding = 'auto' | 'utf-8' | 'gb18030'
export type ImportMapping = Partial<Record<ImportField, number | null>>

export interface ImportResult {
  added: number
  changed: number
  unchanged: number
}

export interface PartsImportState {
  phase: 'idle' | 'previewing' | 'preview' | 'applying' | 'done'
  fileName: string | null
  encoding: ImportEncoding
  headerRow: number | null
  /** Columns chosen by the person, over what the headings suggest. */
  mapping: ImportMapping
  preview: ImportPreviewT | null
  result: ImportResult | null
  error: string | null
  choose(fileName: string, contentBase64: string): Promise<void>
  setEncoding(encoding: ImportEncoding): Promise<void>
  setHeaderRow(row: number | null): Promise<void>
  mapColumn(field: ImportField, column: number | null): Promise<void>
  apply(): Promise<ImportResult | null>
  reset(): void
}

/**
 * A price-list import: the file is read once, every change of encoding, heading row or column
 * choice runs the dry run again, and the import sends exactly the rows the dry run showed with
 * the counts it promised (the host refuses if the catalogue changed in between).
 */
export function createPartsImportStore(api: ApiClient) {
  let content: string | null = null
  let seq = 0

  return createStore<PartsImportState>()((set, get) => {
    const preview = async () => {
      const { fileName, encoding, headerRow, mapping } = get()
      if (!fileName || content === null) return
      const mine = ++seq
      set({ phase: 'previewing', error: null, result: null })
      const result = await api.call('parts.import.preview', {
        fileName,
        contentBase64: content,
        encoding,
        ...(headerRow !== null ? { headerRow } : {}),
        ...(Object.keys(mapping).length > 0 ? { mapping } : {}),
      })
      if (mine !== seq) return
      if (result.ok) set({ phase: 'preview', preview: result.data })
      else set({ phase: 'idle', preview: null, error: result.message })
    }

    return {
      phase: 'idle',
      fileName: null,
      encoding: 'auto',
      headerRow: null,
      mapping: {},
      preview: null,
      result: null,
      error: null,

      async choose(fileName, contentBase64) {
        content = contentBase64
        set({ fileName, headerRow: null, mapping: {}, preview: null })
        await preview()
      },

      async setEncoding(encoding) {
        set({ encoding })
        await preview()
      },

      async setHeaderRow(headerRow) {
        // Other headings mean other columns: the choices made for the old ones no longer apply.
        set({ headerRow, mapping: {} })
        await preview()
      },

      async mapColumn(field, column) {
        set({ mapping: { ...get().mapping, [field]: column } })
        await preview()
      },

      async apply() {
        const { preview: shown, fileName } = get()
        if (!shown || !fileName) return null
        if (shown.add + shown.change === 0) return null
        const rows = shown.rows.map((r) => r.row)
        set({ phase: 'applying', error: null })
        const result = await api.call('parts.import.apply', { fileName, rows, expect: { add: shown.add, change: shown.change } })
        if (!result.ok) {
          set({ phase: 'preview', error: result.message })
          return null
        }
        set({ phase: 'done', result: result.data })
        return result.data
      },

      reset() {
        content = null
        seq++
        set({ phase: 'idle', fileName: null, encoding: 'auto', headerRow: null, mapping: {}, preview: null, result: null, error: null })
      },
    }
  })
}

export type PartsImportStore = ReturnType<typeof createPartsImportStore>
