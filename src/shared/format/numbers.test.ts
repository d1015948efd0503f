import { describe, expect, it } from 'vitest'
import { decimalFromCenti, decimalFromMilli, decimalFromTenths, fileSize, percentFromBp } from './numbers'

describe('percentFromBp', () => {
  it.each([
    [9850, {}, '98.5%'],
    [9800, {}, '98%'],
    [30, {}, '0.3%'],
    [30, { fixed: true }, '0.30%'],
    [-30, {}, '-0.3%'],
    [-1, { digits: 0 }, '0%'],
    [11250, { digits: 0 }, '113%'],
    [-11250, { digits: 0 }, '-113%'],
    [8755, { digits: 1 }, '87.6%'],
    [8745, { digits: 1 }, '87.5%'],
    [7_200_000_000, { digits: 0 }, '72000000%'],
  ] as const)('%i bp with %o reads %s', (bp, options, text) => {
    expect(percentFromBp(bp, options)).toBe(text)
  })

  it('shows a missing figure as a dash and refuses a figure that is not whole', () => {
    expect(percentFromBp(null)).toBe('—')
    expect(() => percentFromBp(1.5)).toThrow(RangeError)
  })
})

describe('decimalFromCenti and decimalFromMilli', () => {
  it('keep the sign of negative and fractional values', () => {
    expect(decimalFromCenti(450)).toBe('4.5')
    expect(decimalFromCenti(-1250)).toBe('-12.5')
    expect(decimalFromCenti(-5, { digits: 1 })).toBe('-0.1')
    expect(decimalFromCenti(-4, { digits: 1 })).toBe('0')
    expect(decimalFromMilli(-250)).toBe('-0.25')
    expect(decimalFromMilli(1500)).toBe('1.5')
    expect(decimalFromMilli(2000)).toBe('2')
    expect(decimalFromMilli(-1)).toBe('-0.001')
  })
})

describe('fileSize', () => {
  it('reads megabytes with one decimal and small files in whole kilobytes', () => {
    expect(fileSize(1_572_864)).toBe('1.5 MB')
    expect(fileSize(2_300)).toBe('3 KB')
    expect(fileSize(1)).toBe('1 KB')
  })
})

describe('decimalFromTenths', () => {
  it('writes CSI points with one decimal only when there is one, negatives included', () => {
    expect(decimalFromTenths(9525)).toBe('952.5')
    expect(decimalFromTenths(9500)).toBe('950')
    expect(decimalFromTenths(-15)).toBe('-1.5')
    expect(decimalFromTenths(0)).toBe('0')
    expect(decimalFromTenths(null)).toBe('—')
  })
})
