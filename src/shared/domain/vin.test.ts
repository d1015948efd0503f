import { describe, it, expect } from 'vitest'
import { checkVin, normaliseVin, vinCheckDigit, withValidCheckDigit } from './vin'

const VALID_VINS = ['1M8GDM9AXKP042788', '1HGCM82633A004352', 'JH4KA7561PC008269', 'LSVAU218XN2183294']

describe('normaliseVin', () => {
  it('trims, uppercases and removes inner spaces', () => {
    expect(normaliseVin('  lsvau 2180n 2183294 ')).toBe('LSVAU2180N2183294')
  })

  it('removes tabs and other whitespace', () => {
    expect(normaliseVin('1m8gdm9a\txkp042788\n')).toBe('1M8GDM9AXKP042788')
  })
})

describe('checkVin', () => {
  it.each(VALID_VINS)('accepts the real-world VIN %s', (vin) => {
    expect(checkVin(vin)).toBeNull()
  })

  it.each(['', 'LSVAU218XN218329', 'LSVAU218XN21832944', '1M8GDM9AXKP04278'])('reports a length problem for "%s"', (vin) => {
    expect(checkVin(vin)).toBe('length')
  })

  it.each(['1M8GDM9AXKP0427O8', 'IM8GDM9AXKP042788', '1M8GDM9AXKP04278Q', '1M8GDM9AXKP04278-', '1m8gdm9axkp042788'])(
    'reports a character problem for "%s"',
    (vin) => {
      expect(checkVin(vin)).toBe('chars')
    },
  )

  it('reports a length problem before a character problem', () => {
    expect(checkVin('IOQ')).toBe('length')
  })

  it.each(['LSVAU2180N2183294', '1M8GDM9A1KP042788', '1HGCM82643A004352', 'JH4KA7561PC008268'])(
    'reports a wrong check digit in %s',
    (vin) => {
      expect(checkVin(vin)).toBe('checkDigit')
    },
  )

  it('expects a normalised VIN, so a lowercase one fails until normalised', () => {
    expect(checkVin('1hgcm82633a004352')).toBe('chars')
    expect(checkVin(normaliseVin(' 1hgcm82633a004352 '))).toBeNull()
  })
})

describe('vinCheckDigit', () => {
  it('computes a numeric check digit', () => {
    expect(vinCheckDigit('1HGCM82633A004352')).toBe('3')
  })

  it('uses X when the remainder is 10', () => {
    expect(vinCheckDigit('1M8GDM9AXKP042788')).toBe('X')
    expect(vinCheckDigit('LSVAU2180N2183294')).toBe('X')
  })

  it('ignores whatever is currently at position 9', () => {
    expect(vinCheckDigit('1HGCM82603A004352')).toBe('3')
  })

  it('throws for input that is not 17 VIN characters', () => {
    expect(() => vinCheckDigit('1HGCM82633A00435')).toThrow(RangeError)
    expect(() => vinCheckDigit('1HGCM82633A00435O')).toThrow(RangeError)
  })
})

describe('withValidCheckDigit', () => {
  it('corrects position 9 and leaves the rest unchanged', () => {
    expect(withValidCheckDigit('LSVAU2180N2183294')).toBe('LSVAU218XN2183294')
  })

  it('returns an already valid VIN unchanged', () => {
    for (const vin of VALID_VINS) expect(withValidCheckDigit(vin)).toBe(vin)
  })

  it('produces VINs that pass checkVin', () => {
    for (const draft of ['LFV3A23C0J3000001', 'LGBH52E00KY000002', 'LSGGA53E0CH000003']) {
      expect(checkVin(withValidCheckDigit(draft))).toBeNull()
    }
  })
})
