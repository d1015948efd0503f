import { describe, it, expect } from 'vitest'
import type { z } from 'zod'
import { isMessageKey } from '../i18n'
import { FenSchema, MobileSchema, PhoneSchema, PlateSchema, QuantityMilliSchema, VinSchema } from './schemas'

function messagesOf(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input)
  return result.success ? [] : result.error.issues.map((issue) => issue.message)
}

describe('VinSchema', () => {
  it('normalises a valid VIN', () => {
    expect(VinSchema.parse(' 1hgcm 82633a004352 ')).toBe('1HGCM82633A004352')
  })

  it.each([
    ['1HGCM82633A00435', 'vin.length'],
    ['1HGCM82633A00435O', 'vin.chars'],
    ['1HGCM82643A004352', 'vin.checkDigit'],
  ])('rejects %s with the single message key %s', (vin, key) => {
    expect(messagesOf(VinSchema, vin)).toEqual([key])
  })

  it('rejects a non-string with a type error', () => {
    const result = VinSchema.safeParse(12345)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.code).toBe('invalid_type')
  })
})

describe('PlateSchema', () => {
  it('normalises a valid plate', () => {
    expect(PlateSchema.parse('粤b·d12345')).toBe('粤BD12345')
  })

  it('rejects an invalid plate with plate.invalid', () => {
    expect(messagesOf(PlateSchema, '京I12345')).toEqual(['plate.invalid'])
  })
})

describe('MobileSchema', () => {
  it('normalises a valid mobile', () => {
    expect(MobileSchema.parse('+86 138-1234-5678')).toBe('13812345678')
  })

  it('rejects a landline with phone.invalid', () => {
    expect(messagesOf(MobileSchema, '010-65123456')).toEqual(['phone.invalid'])
  })
})

describe('PhoneSchema', () => {
  it('accepts a mobile or a landline, normalised', () => {
    expect(PhoneSchema.parse('138 1234 5678')).toBe('13812345678')
    expect(PhoneSchema.parse('0755-8888 9999')).toBe('075588889999')
  })

  it('rejects anything else with phone.invalid', () => {
    expect(messagesOf(PhoneSchema, '12345')).toEqual(['phone.invalid'])
  })
})

describe('FenSchema', () => {
  it('accepts zero and amounts up to 10^11 fen', () => {
    expect(FenSchema.parse(0)).toBe(0)
    expect(FenSchema.parse(100_000_000_000)).toBe(100_000_000_000)
  })

  it('rejects negative, fractional and too large amounts', () => {
    expect(FenSchema.safeParse(-1).success).toBe(false)
    expect(messagesOf(FenSchema, 1.5)).toEqual(['validation.notInteger'])
    expect(FenSchema.safeParse(100_000_000_001).success).toBe(false)
    expect(FenSchema.safeParse('100').success).toBe(false)
  })
})

describe('QuantityMilliSchema', () => {
  it('accepts positive quantities up to 10^9', () => {
    expect(QuantityMilliSchema.parse(1500)).toBe(1500)
    expect(QuantityMilliSchema.parse(1_000_000_000)).toBe(1_000_000_000)
  })

  it('rejects zero, negative, fractional and too large quantities', () => {
    expect(QuantityMilliSchema.safeParse(0).success).toBe(false)
    expect(QuantityMilliSchema.safeParse(-1000).success).toBe(false)
    expect(messagesOf(QuantityMilliSchema, 1.5)).toEqual(['validation.notInteger'])
    expect(QuantityMilliSchema.safeParse(1_000_000_001).success).toBe(false)
  })
})

describe('message keys', () => {
  it('are all in the translation catalogs', () => {
    for (const key of ['vin.length', 'vin.chars', 'vin.checkDigit', 'plate.invalid', 'phone.invalid', 'validation.notInteger']) {
      expect(isMessageKey(key)).toBe(true)
    }
  })
})
