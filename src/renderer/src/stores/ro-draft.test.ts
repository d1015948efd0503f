import { describe, expect, it } from 'vitest'
import { blankLine, draftTotals, fromServer, isDirty, labourLine, partLine, toInput } from './ro-draft'
import type { RoLineT } from './types'

const saved: RoLineT = {
  id: 7,
  position: 1,
  kind: 'labour',
  opCode: 'BY001',
  partId: null,
  partNumber: null,
  description: '更换机油机滤',
  quantityMilli: 500,
  unitPriceFen: 30000,
  amountFen: 15000,
  payer: 'customer',
  vatRateBp: 1300,
}

describe('the estimate draft', () => {
  it('fills a labour line from the operation and the labour rate, and a part line from the catalogue price', () => {
    const labour = labourLine({ code: 'BY001', description: '更换机油机滤', flatHoursMilli: 500 }, 30000, 'customer', 1300)
    const part = partLine({ id: 3, partNumber: 'A1', name: '机油', brand: null, unit: 'L', bin: null, priceFen: 9900 }, 'warranty', 1300)
    expect(toInput([labour, part])).toEqual([
      { kind: 'labour', opCode: 'BY001', description: '更换机油机滤', quantityMilli: 500, unitPriceFen: 30000, payer: 'customer' },
      { kind: 'part', partId: 3, description: '机油', quantityMilli: 1000, unitPriceFen: 9900, payer: 'warranty' },
    ])
  })

  it('sends a saved line back with its id (the host keeps what hangs on it) and a new line without one', () => {
    const draft = [...fromServer([saved]), blankLine('labour', 30000, 'insurance', 1300)]
    const sent = toInput(draft.map((l) => (l.id === null ? { ...l, description: '钣金' } : l)))
    expect(sent.map((l) => l.id)).toEqual([7, undefined])
    expect(isDirty(fromServer([saved]), [saved])).toBe(false)
  })

  it('totals per payer with VAT on each payer\'s sum', () => {
    const lines = [
      labourLine({ code: 'X', description: 'x', flatHoursMilli: 1500 }, 30000, 'customer', 1300),
      { ...blankLine('part', 0, 'insurance', 1300), description: 'p', unitPriceFen: 10001 },
    ]
    const totals = draftTotals(lines)
    expect(totals.byPayer.customer).toEqual({ netFen: 45000, vatFen: 5850, grossFen: 50850 })
    expect(totals.byPayer.insurance).toEqual({ netFen: 10001, vatFen: 1300, grossFen: 11301 })
    expect(totals.grossFen).toBe(62151)
  })

  it('is dirty only when what would be saved differs from what the host holds', () => {
    const draft = fromServer([saved])
    expect(isDirty(draft, [saved])).toBe(false)
    expect(isDirty([{ ...draft[0]!, quantityMilli: 1000 }], [saved])).toBe(true)
    expect(isDirty([], [saved])).toBe(true)
  })
})
