import { describe, expect, it } from 'vitest'
import { parsePartsPath, partsHref, type PartsView } from './parts-route'

const parse = (href: string): PartsView => {
  const [path = '', query = ''] = href.replace(/^#\/parts\/?/, '').split('?')
  return parsePartsPath(path.split('/').filter(Boolean), new URLSearchParams(query))
}

describe('the parts counter paths', () => {
  const views: PartsView[] = [
    { kind: 'tab', tab: 'counter' },
    { kind: 'tab', tab: 'stocktake' },
    { kind: 'part', id: 7 },
    { kind: 'pick', roId: 12 },
    { kind: 'pickPrint', roId: 12 },
    { kind: 'po', id: 3 },
    { kind: 'stocktake', id: 4 },
    { kind: 'stocktakePrint', id: 4, sheet: 'count' },
    { kind: 'stocktakePrint', id: 4, sheet: 'variance' },
    { kind: 'binsPrint' },
    { kind: 'labels' },
    { kind: 'labels', binFrom: 'A-01', binTo: 'B-99' },
    { kind: 'labels', partIds: [3, 9] },
  ]

  it('reads back every path it writes', () => {
    for (const view of views) expect(parse(partsHref(view))).toEqual(view)
  })

  it('opens the counter queue for an unknown tab or a path without a valid id', () => {
    expect(parse('#/parts?tab=nowhere')).toEqual({ kind: 'tab', tab: 'counter' })
    expect(parse('#/parts/pick/abc')).toEqual({ kind: 'tab', tab: 'counter' })
    expect(parse('#/parts/po/0')).toEqual({ kind: 'tab', tab: 'counter' })
  })

  it('drops label ids that are not positive whole numbers', () => {
    expect(parse('#/parts/labels?ids=4,x,-2,5')).toEqual({ kind: 'labels', partIds: [4, 5] })
  })
})
