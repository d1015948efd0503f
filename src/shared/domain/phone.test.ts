import { describe, it, expect } from 'vitest'
import { isLandline, isMobile, normalisePhone } from './phone'

describe('normalisePhone', () => {
  it('removes spaces and hyphens', () => {
    expect(normalisePhone(' 138 1234-5678 ')).toBe('13812345678')
  })

  it('drops a leading +86 or 0086', () => {
    expect(normalisePhone('+86 138 1234 5678')).toBe('13812345678')
    expect(normalisePhone('0086-13812345678')).toBe('13812345678')
    expect(normalisePhone('+8613812345678')).toBe('13812345678')
  })

  it('converts full-width digits and the full-width plus sign', () => {
    expect(normalisePhone('＋８６１３８１２３４５６７８')).toBe('13812345678')
  })

  it('restores the trunk 0 of a landline written in international form', () => {
    expect(normalisePhone('+86 10 6512 3456')).toBe('01065123456')
    expect(normalisePhone('+86 755 8888 9999')).toBe('075588889999')
  })

  it('removes brackets around an area code', () => {
    expect(normalisePhone('(021) 6123-4567')).toBe('02161234567')
    expect(normalisePhone('（0755）88889999')).toBe('075588889999')
  })

  it('leaves a domestic landline with its 0 untouched', () => {
    expect(normalisePhone('010-65123456')).toBe('01065123456')
  })
})

describe('isMobile', () => {
  it.each(['13812345678', '19912345678', '15000000000', '+86 177 0000 1111', '0086 18612345678'])('accepts %s', (phone) => {
    expect(isMobile(phone)).toBe(true)
  })

  it.each([
    ['a second digit below 3', '12812345678'],
    ['ten digits', '1381234567'],
    ['twelve digits', '138123456789'],
    ['a first digit other than 1', '23812345678'],
    ['letters', '1381234567a'],
    ['a landline', '01065123456'],
    ['an empty string', ''],
  ])('rejects %s (%s)', (_why, phone) => {
    expect(isMobile(phone)).toBe(false)
  })
})

describe('isLandline', () => {
  it.each(['010-65123456', '021-6123456', '0755-88889999', '0571-8888888', '01065123456', '+86 10 6512 3456'])(
    'accepts %s',
    (phone) => {
      expect(isLandline(phone)).toBe(true)
    },
  )

  it.each([
    ['no leading 0', '10-65123456'],
    ['a number that is too short', '010-123456'],
    ['a number that is too long', '0755-888899991'],
    ['a mobile number', '13812345678'],
    ['letters', '010-6512345x'],
  ])('rejects %s (%s)', (_why, phone) => {
    expect(isLandline(phone)).toBe(false)
  })
})
