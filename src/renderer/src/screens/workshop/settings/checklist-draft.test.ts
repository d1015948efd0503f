import { describe, expect, it } from 'vitest'
import { draftOf, moved, sameItems, toSave } from './checklist-draft'

const saved = draftOf([
  { id: 1, label: 'qcItem.fluids' },
  { id: 2, label: 'qcItem.tyres' },
])

describe('checklist draft', () => {
  it('swaps an item with its neighbour and leaves the ends alone', () => {
    expect(moved(saved, 1, -1).map((i) => i.id)).toEqual([2, 1])
    expect(moved(saved, 0, -1).map((i) => i.id)).toEqual([1, 2])
    expect(moved(saved, 1, 1).map((i) => i.id)).toEqual([1, 2])
  })

  it('sends kept items with their id and new ones by label only', () => {
    const draft = [...saved, { key: 'new-1', label: '雨刮功能正常' }]
    expect(toSave(draft)).toEqual([{ id: 1, label: 'qcItem.fluids' }, { id: 2, label: 'qcItem.tyres' }, { label: '雨刮功能正常' }])
  })

  it('tells an edited list from the saved one', () => {
    expect(sameItems(saved, draftOf([{ id: 1, label: 'qcItem.fluids' }, { id: 2, label: 'qcItem.tyres' }]))).toBe(true)
    expect(sameItems(saved, moved(saved, 0, 1))).toBe(false)
    expect(sameItems(saved, saved.slice(1))).toBe(false)
  })
})
