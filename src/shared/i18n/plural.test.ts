import { describe, expect, it } from 'vitest'
import { app } from './en/app'
import { data } from './en/data'
import { domain } from './en/domain'
import { errors } from './en/errors'
import { parts } from './en/parts'
import { reception } from './en/reception'
import { settlement } from './en/settlement'
import { workshop } from './en/workshop'
import { frontDesk } from './en/front-desk'
import { security } from './en/security'
import { translate } from './index'

// English counts read as English: "1 batch waiting", "3 batches waiting"; Chinese has no plural.

describe('counts in messages', () => {
  it('picks the singular for one and the plural otherwise, in English', () => {
    expect(translate('en', 'data.export.pending', { count: 1 })).toBe('1 batch waiting')
    expect(translate('en', 'data.export.pending', { count: 0 })).toBe('0 batches waiting')
    expect(translate('en', 'data.export.pending', { count: 30 })).toBe('30 batches waiting')
    expect(translate('en', 'pt.import.applySkipping', { n: 1, bad: 2 })).toBe('Import 1 part (skip 2 bad rows)')
    expect(translate('en', 'alert.stockValue', { stock: '1.00', factor: '1.5', days: 30, outbound: '1.00', limit: '1.50' })).toContain('the last 30 days’ outbound')
    expect(translate('zh-CN', 'data.export.pending', { count: 1 })).not.toMatch(/plural/)
  })

  it('writes no English count before a plural noun without choosing the form by the number', () => {
    // `{n} parts` reads "1 parts" for one; every count goes through {n, plural, …}.
    const unplural = Object.entries({ ...app, ...data, ...domain, ...errors, ...parts, ...reception, ...settlement, ...workshop, ...frontDesk, ...security }).filter(([, text]) => /\{\w+\} (?!(?:is|was|has|does)\b)[a-z-]+s\b/.test(text))
    expect(unplural.map(([key]) => key)).toEqual([])
  })
})
