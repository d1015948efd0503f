import { describe, expect, it } from 'vitest'
import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { createStore } from 'zustand/vanilla'
import type { ApiClient } from '../../../shared/contract'
import { applyImport, partsImportState, previewQuery } from './parts-import-store'
import type { ImportPreviewT } from './parts-types'
import { fakePartsApi, ok } from './parts-test-api'

const preview = (mapping: Record<string, number | null> = {}): ImportPreviewT => ({
  fileName: 'vw.csv', format: 'csv', encoding: 'gb18030', sheet: null, headerRow: 1, columns: ['零件号', '名称', '售价'],
  mapping: { partNumber: 0, name: 1, price: 2, ...mapping }, totalRows: 3, add: 1, change: 1, unchanged: 0,
  rows: [
    { row: { line: 2, partNumber: 'A1', name: '新件', priceFen: 100 }, action: 'add', before: null },
    { row: { line: 3, partNumber: 'B2', priceFen: 250 }, action: 'change', before: { priceFen: 200 } },
  ],
  errors: [{ line: 4, field: 'price', message: '金额无法识别：abc' }],
})

const settle = () => new Promise((done) => setTimeout(done, 5))

/** The drawer as the hooks wire it: the draft, and the dry run the draft asks for. */
function drawer(api: ApiClient) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const ui = createStore(partsImportState())
  const observer = new QueryObserver(client, previewQuery(api, ui.getState()))
  ui.subscribe((s) => observer.setOptions(previewQuery(api, s)))
  observer.subscribe(() => {})
  const shown = () => observer.getCurrentResult().data ?? null
  return { client, ui, shown, apply: () => applyImport(api, client, ui, shown()) }
}

describe('the price-list import store', () => {
  it('sends the file once per dry run with the columns the person chose, and resets them for another heading row', async () => {
    const { api, calls } = fakePartsApi({ 'parts.import.preview': (input) => ok(preview((input.mapping ?? {}) as Record<string, number | null>)) })
    const screen = drawer(api)
    screen.ui.getState().choose('vw.csv', 'QUJD')
    await settle()
    screen.ui.getState().mapColumn('brand', 2)
    await settle()
    expect(calls[1]?.input).toMatchObject({ fileName: 'vw.csv', contentBase64: 'QUJD', encoding: 'auto', mapping: { brand: 2 } })
    screen.ui.getState().setHeaderRow(2)
    await settle()
    expect(calls[2]?.input.mapping).toBeUndefined()
    expect(calls[2]?.input.headerRow).toBe(2)
    expect(calls).toHaveLength(3)
    expect(screen.shown()).not.toBeNull()
  })

  it('imports exactly the previewed rows with the counts the dry run promised, skipping the bad ones', async () => {
    const { api, calls } = fakePartsApi({
      'parts.import.preview': () => ok(preview()),
      'parts.import.apply': () => ok({ added: 1, changed: 1, unchanged: 0 }),
    })
    const screen = drawer(api)
    screen.ui.getState().choose('vw.csv', 'QUJD')
    await settle()
    expect(await screen.apply()).toEqual({ added: 1, changed: 1, unchanged: 0 })
    expect(calls[1]?.input).toEqual({ fileName: 'vw.csv', rows: preview().rows.map((r) => r.row), expect: { add: 1, change: 1 } })
    expect(screen.ui.getState().result).toEqual({ added: 1, changed: 1, unchanged: 0 })
  })

  it('stays on the preview with the host\'s message when the catalogue changed since the dry run', async () => {
    const { api } = fakePartsApi({
      'parts.import.preview': () => ok(preview()),
      'parts.import.apply': () => ({ ok: false, code: 'CONFLICT', message: '自预览以来配件目录已变化，请重新预览' }),
    })
    const screen = drawer(api)
    screen.ui.getState().choose('vw.csv', 'QUJD')
    await settle()
    expect(await screen.apply()).toBeNull()
    expect(screen.ui.getState()).toMatchObject({ result: null, applying: false, error: '自预览以来配件目录已变化，请重新预览' })
    expect(screen.shown()).not.toBeNull()
  })
})
