import { describe, expect, it } from 'vitest'
import { dateTime, decimalToMilli, km, fenToYuanText, milliToDecimal, money, nowWallClock, todayIn, wallClockToIso, yuanTextToFen } from './format'

describe('format', () => {
  it('shows an odometer nobody read as unknown, never as 0 km', () => {
    expect(km(0, 'zh-CN')).toBe('—')
    expect(km(null, 'en')).toBe('—')
    expect(km(undefined, 'en')).toBe('—')
    expect(km(12345, 'zh-CN')).toBe('12,345 km')
  })


  it('shows stored local times as the shop wall clock, whatever zone the PC is in', () => {
    expect(dateTime('2026-11-27T15:30:00+08:00')).toBe('2026-11-27 15:30')
    expect(dateTime(null)).toBe('—')
  })

  it('turns a time typed at the desk into local ISO with the dealership offset', () => {
    expect(wallClockToIso('2026-11-27T15:30', 'Asia/Shanghai')).toBe('2026-11-27T15:30:00+08:00')
    expect(wallClockToIso('2026-07-01T09:00', 'Europe/Berlin')).toBe('2026-07-01T09:00:00+02:00')
  })

  it('knows today and now in the dealership zone', () => {
    const instant = new Date('2026-11-27T17:30:00Z')
    expect(todayIn('Asia/Shanghai', instant)).toBe('2026-11-28')
    expect(nowWallClock('Asia/Shanghai', instant)).toBe('2026-11-28T01:30')
  })

  it('round-trips quantities in thousandths without floating-point drift', () => {
    expect(decimalToMilli('1.5')).toBe(1500)
    expect(decimalToMilli('0.125')).toBe(125)
    expect(decimalToMilli('1.2345')).toBeNull()
    expect(decimalToMilli('abc')).toBeNull()
    expect(milliToDecimal(1500)).toBe('1.5')
    expect(milliToDecimal(2000)).toBe('2')
  })

  it('edits money as yuan text and stores it as fen', () => {
    expect(fenToYuanText(12345)).toBe('123.45')
    expect(fenToYuanText(5)).toBe('0.05')
    expect(yuanTextToFen('0.1')).toBe(10)
    expect(yuanTextToFen('12.345')).toBeNull()
  })

  it('keeps the sign of negative and fractional figures (a stocktake shortage is not a surplus)', () => {
    const cases: [number, string][] = [
      [-250, '-0.25'],
      [-1, '-0.001'],
      [-1000, '-1'],
      [-1500, '-1.5'],
      [250, '0.25'],
      [1, '0.001'],
      [0, '0'],
    ]
    for (const [milli, text] of cases) expect(milliToDecimal(milli), String(milli)).toBe(text)
    expect(fenToYuanText(-5)).toBe('-0.05')
    expect(fenToYuanText(-12345)).toBe('-123.45')
    expect(money(-5, 'zh-CN')).toBe('-¥0.05')
    expect(money(-36588432, 'en')).toBe('-¥365,884.32')
    // Every formatter that takes a signed number gives back what the parser reads as the same number.
    for (let milli = -2005; milli <= 2005; milli += 7) {
      const text = milliToDecimal(milli)
      expect(Math.sign(milli) < 0 ? text.startsWith('-') : !text.startsWith('-'), text).toBe(true)
      if (milli >= 0) expect(decimalToMilli(text)).toBe(milli)
    }
    for (let fen = -1005; fen <= 1005; fen += 11) expect(yuanTextToFen(fenToYuanText(fen))).toBe(fen)
  })
})
