import { describe, expect, it } from 'vitest'
import { RULE_KINDS } from '../../../../shared/domain/rules'
import { completeParams, fromShown, paramFields, toShown } from './rule-params'

describe('rule parameter fields', () => {
  it('gives the safety-stock rule the manual’s 1.5 × over 3 months, with the schema’s bounds', () => {
    expect(paramFields('part_below_safety_stock')).toEqual([
      { kind: 'number', name: 'factorBp', unit: 'factor', min: 1_000, max: 100_000, defaultValue: 15_000 },
      { kind: 'number', name: 'windowMonths', unit: 'months', min: 1, max: 24, defaultValue: 3 },
    ])
  })

  it('shows turnover in times a year and shares in percent, and stores them back as integers', () => {
    const [, min] = paramFields('stock_turnover')
    expect(min).toMatchObject({ name: 'minCenti', unit: 'times', defaultValue: 400 })
    expect(toShown(400, 'times')).toBe(4)
    expect(fromShown(4.5, 'times')).toBe(450)
    expect(fromShown(0.3, 'percent')).toBe(30)
    expect(fromShown(1.55, 'factor')).toBe(15_500)
  })

  it('offers RO types for the settlement deadlines, maintenance by default', () => {
    expect(paramFields('maintenance_settlement_overdue')[1]).toEqual({ kind: 'roTypes', name: 'roTypes', defaultValue: ['maintenance'] })
  })

  it('has a field with a unit for every parameter of every kind', () => {
    for (const kind of RULE_KINDS) {
      for (const f of paramFields(kind)) if (f.kind === 'number') expect(f.max, `${kind}.${f.name}`).toBeGreaterThan(f.min)
    }
  })

  it('fills parameters left out with the manual’s figures', () => {
    expect(completeParams('fill_rate', { minBp: 9_500 })).toEqual({ days: 30, minBp: 9_500, minRequests: 1 })
  })
})
