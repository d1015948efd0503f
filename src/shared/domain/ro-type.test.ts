import { describe, it, expect } from 'vitest'
import { isMessageKey } from '../i18n'
import { defaultPayerOf, isRoType, RO_TYPES } from './ro-type'

describe('repair-order types', () => {
  it('recognises every listed type and nothing else', () => {
    for (const type of RO_TYPES) expect(isRoType(type)).toBe(true)
    expect(isRoType('bodywork')).toBe(false)
    expect(isRoType(1)).toBe(false)
  })

  it('each have a name in the translation catalogs', () => {
    for (const type of RO_TYPES) expect(isMessageKey(`roType.${type}`)).toBe(true)
  })

  it('bills maintenance and general repair to the customer by default', () => {
    expect(defaultPayerOf('maintenance')).toBe('customer')
    expect(defaultPayerOf('repair')).toBe('customer')
  })

  it('bills claim-type orders to the matching payer by default', () => {
    expect(defaultPayerOf('warranty')).toBe('warranty')
    expect(defaultPayerOf('insurance')).toBe('insurance')
    expect(defaultPayerOf('internal')).toBe('internal')
    expect(defaultPayerOf('campaign')).toBe('campaign')
  })
})
