import { describe, it, expect } from 'vitest'
import { isMessageKey } from '../i18n'
import { isPayer, PAYERS } from './payer'

describe('payers', () => {
  it('recognises every listed payer and nothing else', () => {
    for (const payer of PAYERS) expect(isPayer(payer)).toBe(true)
    expect(isPayer('dealer')).toBe(false)
    expect(isPayer(undefined)).toBe(false)
  })

  it('each have a name in the translation catalogs', () => {
    for (const payer of PAYERS) expect(isMessageKey(`payer.${payer}`)).toBe(true)
  })
})
