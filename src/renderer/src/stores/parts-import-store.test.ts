import { describe, expect, it } from 'vitest'
import { createPartsImportStore } from './parts-import-store'
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

describe('the price-list import store', () => {
  it('sends the file once per dry run with the columns the person chose, and resets them for another heading row', async () => {
    const { api, calls } = fakePartsApi({ 'parts.import.preview': (input) => ok(preview((input.mapping ?? {}) as Record<string, number | null>)) })
    const store = createPartsImportStore(api)
    await store.getState().choose('vw.csv', 'QUJD')
    await store.getState().mapColumn('brand', 2)
    expect(calls[1]?.input).toMatchObject({ fileName: 'vw.csv', contentBase64: 'QUJD', encoding: 'auto', mapping: { brand: 2 } })
    await store.getState().setHeaderRow(2)
    expect(calls[2]?.input.mapping).toBeUndefined()
    expect(calls[2]?.input.headerRow).toBe(2)
    expect(store.getState().phase).toBe('preview')
  })

  it('imports exactly the previewed rows with the counts the dry run promised, skipping the bad ones', async () => {
    const { api, calls } = fakePartsApi({
      'parts.import.preview': () => ok(preview()),
      'parts.import.apply': () => ok({ added: 1, changed: 1, unchanged: 0 }),
    })
    const store = createPartsImportStore(api)
    await store.getState().choose('vw.csv', 'QUJD')
    expect(await store.getState().apply()).toEqual({ added: 1, changed: 1, unchanged: 0 })
    expect(calls[1]?.input).toEqual({ fileName: 'vw.csv', rows: preview().rows.map((r) => r.row), expect: { add: 1, change: 1 } })
    expect(store.getState().phase).toBe('done')
  })

  it('stays on the preview with the host\'s message when the catalogue changed since the dry run', async () => {
    const { api } = fakePartsApi({
      'parts.import.preview': () => ok(preview()),
      'parts.import.apply': () => ({ ok: false, code: 'CONFLICT', message: '自预览以来配件目录已变化，请重新预览' }),
    })
    const store = createPartsImportStore(api)
    await store.getState().choose('vw.csv', 'QUJD')
    expect(await store.getState().apply()).toBeNull()
    expect(store.getState()).toMatchObject({ phase: 'preview', error: '自预览以来配件目录已变化，请重新预览' })
  })
})
