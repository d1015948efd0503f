import { describe, expect, it } from 'vitest'
import { itemResult, refuseResult, storedResult, type QcItemResult } from './qc-result'

describe('a checklist answer', () => {
  it.each([
    [{ result: 'fail' as const }, 'fail'],
    [{ result: 'not_checked' as const, ok: true }, 'not_checked'],
    [{ ok: true }, 'ok'],
    [{ ok: false }, 'fail'],
    [{}, 'not_checked'],
  ])('reads %j as %s', (answer, expected) => {
    expect(itemResult(answer)).toBe(expected)
  })

  it('round-trips through the stored (checked, ok) pair', () => {
    for (const r of ['ok', 'fail', 'not_checked'] as const) {
      expect(storedResult(r === 'not_checked' ? 0 : 1, r === 'ok' ? 1 : 0)).toBe(r)
    }
  })
})

describe('the result an inspection may have', () => {
  const cases: [string, 'pass' | 'fail', QcItemResult[], ReturnType<typeof refuseResult>][] = [
    ['a pass with every item ok', 'pass', ['ok', 'ok', 'ok'], null],
    ['a pass with an item not checked', 'pass', ['ok', 'not_checked', 'not_checked'], { key: 'workshop.qcPassNotAllChecked', count: 2 }],
    ['a pass with a failed item', 'pass', ['ok', 'fail', 'not_checked'], { key: 'workshop.qcPassWithFailures', count: 1 }],
    ['a fail with one failure and the rest untouched', 'fail', ['fail', 'not_checked', 'not_checked'], null],
    ['a fail with nothing checked', 'fail', ['not_checked', 'not_checked'], null],
  ]
  it.each(cases)('%s', (_, result, answers, expected) => {
    expect(refuseResult(result, answers)).toEqual(expected)
  })
})
