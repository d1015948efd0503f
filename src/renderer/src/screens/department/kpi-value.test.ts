import { describe, expect, it } from 'vitest'
import { kpiInputText, kpiText, parseKpi } from './kpi-value'

// A KPI target typed in the unit people think in and stored as the integer the ledger uses.
describe('KPI values', () => {
  it('read typed targets in yuan, percent, hours and points as fen, basis points, milli-hours and tenths', () => {
    expect(parseKpi('revenue', '12,345.6')).toBe(1_234_560)
    expect(parseKpi('fill_rate', '98')).toBe(9_800)
    expect(parseKpi('stocktake_variance', '0.3%')).toBe(30)
    expect(parseKpi('sold_hours', '120.5')).toBe(120_500)
    expect(parseKpi('csi', '950')).toBe(9_500)
    expect(parseKpi('ros', '40')).toBe(40)
  })

  it('refuses more decimals than the unit keeps, and text that is no number', () => {
    expect(parseKpi('ros', '4.5')).toBeNull()
    expect(parseKpi('revenue', '1.234')).toBeNull()
    expect(parseKpi('efficiency', 'abc')).toBeNull()
    expect(parseKpi('reworks', '-1')).toBeNull()
  })

  it('gives back what was typed when the input opens again, and shows values in their unit', () => {
    for (const [kpi, text] of [['revenue', '12345.6'], ['fill_rate', '98'], ['sold_hours', '120.5'], ['csi', '950'], ['ros', '40']] as const) {
      expect(kpiInputText(kpi, parseKpi(kpi, text))).toBe(text)
    }
    expect(kpiText('fill_rate', 9_213, 'zh-CN')).toBe('92.13%')
    expect(kpiText('csi', 9_505, 'en')).toBe('950.5')
    expect(kpiText('ros', null, 'en')).toBe('—')
  })
})
