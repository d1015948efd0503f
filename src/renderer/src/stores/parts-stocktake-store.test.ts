import { describe, expect, it } from 'vitest'
import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { createStore } from 'zustand/vanilla'
import { apiQueryOptions } from '../api/query-client'
import { adjustmentsQuery, approveStocktake, countScan, RECENT_SCANS, stocktakeUiState } from './parts-stocktake-store'
import type { CountLineT, StocktakeT } from './parts-types'
import { fakePartsApi, ok } from './parts-test-api'
import type { ApiClient } from '../../../shared/contract'

const stocktake: StocktakeT = {
  id: 4, number: 'ST2026000004', scope: 'all', binFrom: null, binTo: null, state: 'counting', note: '', createdAt: '2026-03-01T09:00:00+08:00',
  createdBy: '曾凯', decidedAt: null, decidedBy: null, lineCount: 1, countedCount: 0, version: 1,
}
const line = (countedMilli: number | null): CountLineT => ({ partId: 3, partNumber: '06L115562', name: '机油滤清器', unit: 'EA', bin: 'A-01', countedMilli })
const variance = { stocktake, lines: [], bookValueFen: 0, countedValueFen: 0, absVarianceFen: 0, netVarianceFen: 0, absVarianceMilli: 0, rateBp: null, targetBp: 30, uncounted: 1 }

/** The stocktake screen as the hooks wire it: the sheet query and the station's UI state. */
async function station(api: ApiClient) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const ui = createStore(stocktakeUiState())
  ui.getState().open(4)
  const sheet = new QueryObserver(client, apiQueryOptions(api, 'stocktake.sheet', { id: 4 }))
  sheet.subscribe(() => {})
  await client.fetchQuery(apiQueryOptions(api, 'stocktake.sheet', { id: 4 }))
  const count = (partNumber: string, quantityMilli: number, mode: 'set' | 'add') => countScan(api, client, ui.getState(), { id: 4, partNumber, quantityMilli, mode })
  return { client, ui, sheet: () => sheet.getCurrentResult().data, count }
}

describe('the stocktake store', () => {
  it('keeps the newest scans first, marks refused ones and updates the sheet line counted', async () => {
    const { api } = fakePartsApi({
      'stocktake.sheet': () => ok({ stocktake, lines: [line(null)] }),
      'stocktake.variance': () => ok(variance),
      'stocktake.count': (input) =>
        input.partNumber === 'NOPE'
          ? { ok: false, code: 'NOT_FOUND', message: '未找到零件号 NOPE' }
          : ok({ stocktake: { ...stocktake, countedCount: 1, version: 2 }, line: line(input.quantityMilli as number) }),
    })
    const screen = await station(api)
    await screen.count('06L-115-562', 3000, 'set')
    expect(screen.sheet()?.lines[0]?.countedMilli).toBe(3000)
    expect(screen.sheet()?.stocktake.version).toBe(2)
    await screen.count('NOPE', 1000, 'set')
    const [latest, first] = screen.ui.getState().entries
    expect(latest?.error).toBe('未找到零件号 NOPE')
    expect(first?.line?.countedMilli).toBe(3000)
  })

  it(`shows only the last ${RECENT_SCANS} scans`, async () => {
    const { api } = fakePartsApi({
      'stocktake.sheet': () => ok({ stocktake, lines: [line(null)] }),
      'stocktake.variance': () => ok(variance),
      'stocktake.count': (input) => ok({ stocktake, line: line(input.quantityMilli as number) }),
    })
    const screen = await station(api)
    for (let i = 1; i <= RECENT_SCANS + 3; i++) await screen.count('06L115562', i * 1000, 'set')
    expect(screen.ui.getState().entries).toHaveLength(RECENT_SCANS)
    expect(screen.ui.getState().entries[0]?.quantityMilli).toBe((RECENT_SCANS + 3) * 1000)
  })

  it('approves the version it shows and then lists the adjustment moves of this stocktake only', async () => {
    let approved = false
    const decided = { ...stocktake, state: 'approved' as const, decidedAt: '2026-03-02T10:00:00+08:00', version: 3 }
    const move = (refId: number) => ({ id: refId, partId: 3, partNumber: '06L115562', at: decided.decidedAt, kind: 'stocktake' as const, quantityMilli: -1000, unitCostFen: 100, valueFen: -100,
      onHandMilliAfter: 0, valueFenAfter: 0, userName: '张建国', reason: 'ST', refType: 'stocktake', refId, bin: 'A-01' })
    const { api, calls } = fakePartsApi({
      'stocktake.sheet': () => ok({ stocktake: approved ? decided : stocktake, lines: [line(0)] }),
      'stocktake.variance': () => ok(variance),
      'stocktake.approve': () => {
        approved = true
        return ok({ ...variance, stocktake: decided })
      },
      'stock.moves': () => ok([move(4), move(9)]),
    })
    const screen = await station(api)
    expect((await approveStocktake(api, screen.client, stocktake)).ok).toBe(true)
    expect(calls.find((c) => c.channel === 'stocktake.approve')?.input).toEqual({ id: 4, version: 1 })
    const st = screen.sheet()?.stocktake ?? null
    expect(st?.state).toBe('approved')
    const adjustments = new QueryObserver(screen.client, adjustmentsQuery(api, st))
    adjustments.subscribe(() => {})
    await new Promise((done) => setTimeout(done, 5))
    expect(adjustments.getCurrentResult().data?.map((m) => m.refId)).toEqual([4])
  })
})
