import { describe, it, expect } from 'vitest'
import { checkPlate, normalisePlate, PLATE_PROVINCES, toHalfWidth } from './plate'

describe('normalisePlate', () => {
  it('removes the middle dot, spaces and hyphens and uppercases', () => {
    expect(normalisePlate(' 京a·12345 ')).toBe('京A12345')
    expect(normalisePlate('粤B D1234-5')).toBe('粤BD12345')
    expect(normalisePlate('沪C　88888')).toBe('沪C88888')
  })

  it('converts full-width letters and digits typed with a Chinese IME', () => {
    expect(normalisePlate('苏Ｅ１２３ａＢ')).toBe('苏E123AB')
  })

  it('leaves Chinese characters alone', () => {
    expect(normalisePlate('川A1234学')).toBe('川A1234学')
  })
})

describe('toHalfWidth', () => {
  it('maps full-width digits and letters only', () => {
    expect(toHalfWidth('０９ＡＺａｚ京')).toBe('09AZaz京')
  })
})

describe('checkPlate', () => {
  it.each(['京A12345', '沪AB1234', '粤BZZ999', '琼E0000A', '川A1234学', '浙A0123警'])('recognises %s as a fuel plate', (plate) => {
    expect(checkPlate(plate)).toEqual({ kind: 'fuel' })
  })

  it.each(['粤BD12345', '京AF12345', '沪AA12345', '苏EK1234X', '粤B12345D', '鲁A12345F'])(
    'recognises %s as a new-energy plate',
    (plate) => {
      expect(checkPlate(plate)).toEqual({ kind: 'new_energy' })
    },
  )

  it('accepts every province abbreviation', () => {
    for (const province of PLATE_PROVINCES) {
      expect(checkPlate(`${province}A12345`)).toEqual({ kind: 'fuel' })
    }
  })

  it.each([
    ['an unknown province', '港A12345'],
    ['a latin first character', 'AA12345'],
    ['a digit as the authority letter', '京112345'],
    ['I as the authority letter', '京I12345'],
    ['O among the serial characters', '京A1O345'],
    ['I among the serial characters', '京A12I45'],
    ['too few characters', '京A1234'],
    ['six characters without a new-energy marker', '京A123456'],
    ['a new-energy marker in the middle', '京A12D456'],
    ['seven serial characters', '粤BD123456'],
    ['a learner suffix on a new-energy plate', '粤BD1234学'],
    ['a suffix other than 学 or 警', '粤Z1234港'],
    ['a lowercase letter', '京a12345'],
    ['an empty string', ''],
  ])('rejects %s (%s)', (_why, plate) => {
    expect(checkPlate(plate)).toBeNull()
  })

  it('accepts a normalised version of messy input', () => {
    expect(checkPlate(normalisePlate(' 粤ｂ·ｄ１２３４５ '))).toEqual({ kind: 'new_energy' })
  })
})
