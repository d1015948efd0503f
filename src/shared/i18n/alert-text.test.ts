import { describe, expect, it } from 'vitest'
import { alertText, formatDuration } from './alert-text'

// How long something has waited, and how much money is at stake, as the inbox says it.

describe('durations', () => {
  const cases: [number, string, string][] = [
    [0, '0 min', '0 分钟'],
    [30, '30 min', '30 分钟'],
    [59, '59 min', '59 分钟'],
    [60, '1 h', '1 小时'],
    [90, '1 h 30 min', '1 小时 30 分钟'],
    [10 * 60 + 20, '10 h', '10 小时'],
    [23 * 60 + 59, '23 h', '23 小时'],
    [24 * 60, '1 day', '1 天'],
    [26 * 60 + 5, '1 day 2 h', '1 天 2 小时'],
    [3 * 24 * 60, '3 days', '3 天'],
  ]
  for (const [minutes, en, zh] of cases) {
    it(`says ${minutes} minutes as "${en}" and "${zh}"`, () => {
      expect(formatDuration(minutes, 'en')).toBe(en)
      expect(formatDuration(minutes, 'zh-CN')).toBe(zh)
    })
  }

  it('says "30 min" for an RO half an hour past its promised time, never "0 hours"', () => {
    const params = { number: 'RO2026000001', promisedAt: '2026-11-27 10:00', state: 'roState.in_progress', since: '2026-11-27T10:00:00+08:00' }
    const now = new Date('2026-11-27T10:30:00+08:00')
    expect(alertText('en', 'alert.pastPromised', params, now)).toBe('RO RO2026000001 was promised for 2026-11-27 10:00; 30 min late, now "In progress"')
    expect(alertText('zh-CN', 'alert.pastPromised', params, now)).toContain('已超时 30 分钟')
  })
})

describe('money in alerts', () => {
  it('writes amounts with thousands separators through the one money formatter', () => {
    const params = { insurer: '人保', claimNo: 'C-1', number: 'INV1', due: '2026-11-30', balanceFen: 36_588_432 }
    expect(alertText('en', 'alert.insuranceReceivableBreach', params, new Date())).toContain('¥365,884.32 open on invoice INV1')
    expect(alertText('zh-CN', 'alert.insuranceReceivableBreach', params, new Date())).toContain('尚欠 ¥365,884.32')
  })

  it('leaves no amount in any alert message without the formatter: no "¥{" in an alert template', async () => {
    const { settlement: zh } = await import('./zh-CN/settlement')
    const { settlement: en } = await import('./en/settlement')
    for (const catalog of [zh, en]) {
      const raw = Object.entries(catalog).filter(([key, text]) => key.startsWith('alert.') && text.includes('¥{'))
      expect(raw.map(([key]) => key)).toEqual([])
    }
  })
})
