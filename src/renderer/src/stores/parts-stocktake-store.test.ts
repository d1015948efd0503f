import { describe, expect, it } from 'vitest'
import { createPartsStocktakeStore, RECENT_SCANS } from './parts-stocktake-store'
import type { CountLineT, StocktakeT } from './parts-types'
import { fakePartsApi, ok } from './parts-test-api'

const stocktake: StocktakeT = {
  id: 4, number: 'ST2026000004', scope: 'all', binFrom: null, binTo: null, state: 'counting', note: '', createdAt: '2026-03-01T09:00:00+08:00',
  createdBy: '曾凯', decidedAt: null, decidedBy: null, lineCount: 1, countedCount: 0, version: 1,
}
const line = (countedMilli: number | null): CountLineT => ({ partId: 3, partNumber: '06L115562', name: '机油滤清器', unit: 'EA', bin: 'A-01', countedMilli })
const variance = { stocktake, lines: [], bookValueFen: 0, countedValueFen: 0, absVarianceFen: 0, netVarianceFen: 0, absVarianceMilli: 0, rateBp: null, targetBp: 30, uncounted: 1 }

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
    const store = createPartsStocktakeStore(api)
    await store.getState().open(4)
    await store.getState().count('06L-115-562', 3000, 'set')
    await store.getState().count('NOPE', 1000, 'set')
    const [latest, first] = store.getState().entries
    expect(latest?.error).toBe('未找到零件号 NOPE')
    expect(first?.line?.countedMilli).toBe(3000)
    expect(store.getState().lines[0]?.countedMilli).toBe(3000)
    expect(store.getState().stocktake?.version).toBe(2)
  })

  it(`shows only the last ${RECENT_SCANS} scans`, async () => {
    const { api } = fakePartsApi({
      'stocktake.sheet': () => ok({ stocktake, lines: [line(null)] }),
      'stocktake.variance': () => ok(variance),
      'stocktake.count': (input) => ok({ stocktake, line: line(input.quantityMilli as number) }),
    })
    const store = createPartsStocktakeStore(api)
    await store.getState().open(4)
    for (let i = 1; i <= RECENT_SCANS + 3; i++) await store.getState().count('06L115562', i * 1000, 'set')
    expect(store.getState().entries).toHaveLength(RECENT_SCANS)
    expect(store.getState().entries[0]?.quantityMilli).toBe((RECENT_SCANS + 3) * 1000)
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
    const store = createPartsStocktakeStore(api)
    await store.getState().open(4)
    expect((await store.getState().approve()).ok).toBe(true)
    expect(calls.find((c) => c.channel === 'stocktake.approve')?.input).toEqual({ id: 4, version: 1 })
    expect(store.getState().adjustments?.map((m) => m.refId)).toEqual([4])
  })
})
