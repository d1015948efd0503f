// The parts counter's own hash paths under `#/parts`. The app router hands everything after
// `parts/` to these two functions, so the store room's screens change without touching it.

/** Tabs of the parts screen, in the order the counter uses them most. */
export const PARTS_TABS = ['counter', 'catalogue', 'purchasing', 'external', 'oldParts', 'stocktake', 'bins', 'valuation'] as const
export type PartsTab = (typeof PARTS_TABS)[number]

export type StocktakeSheet = 'count' | 'variance'

export type PartsView =
  | { kind: 'tab'; tab: PartsTab }
  | { kind: 'part'; id: number }
  | { kind: 'pick'; roId: number }
  | { kind: 'pickPrint'; roId: number }
  | { kind: 'po'; id: number }
  | { kind: 'stocktake'; id: number }
  | { kind: 'stocktakePrint'; id: number; sheet: StocktakeSheet }
  | { kind: 'binsPrint' }
  | { kind: 'labels'; binFrom?: string; binTo?: string; partIds?: number[] }

/** Views that are a printed page on their own, without the application around them. */
export function isPartsPrint(view: PartsView): boolean {
  return view.kind === 'pickPrint' || view.kind === 'stocktakePrint' || view.kind === 'binsPrint' || view.kind === 'labels'
}

const positive = (s: string | null | undefined): number | undefined => {
  const n = Number(s)
  return Number.isInteger(n) && n > 0 ? n : undefined
}

/** `segments` are the path parts after `parts`; unknown paths open the counter queue. */
export function parsePartsPath(segments: readonly string[], params: URLSearchParams): PartsView {
  const [head, a, b] = segments
  const id = positive(a)
  switch (head) {
    case 'part':
      if (id) return { kind: 'part', id }
      break
    case 'pick':
      if (id) return b === 'print' ? { kind: 'pickPrint', roId: id } : { kind: 'pick', roId: id }
      break
    case 'po':
      if (id) return { kind: 'po', id }
      break
    case 'stocktake':
      if (id && b === 'print') return { kind: 'stocktakePrint', id, sheet: params.get('sheet') === 'variance' ? 'variance' : 'count' }
      if (id) return { kind: 'stocktake', id }
      break
    case 'bins':
      if (a === 'print') return { kind: 'binsPrint' }
      break
    case 'labels': {
      const view: PartsView = { kind: 'labels' }
      const from = params.get('from')
      const to = params.get('to')
      const ids = (params.get('ids') ?? '')
        .split(',')
        .map((s) => positive(s))
        .filter((n): n is number => n !== undefined)
      if (from) view.binFrom = from
      if (to) view.binTo = to
      if (ids.length > 0) view.partIds = ids
      return view
    }
  }
  const tab = PARTS_TABS.find((t) => t === params.get('tab'))
  return { kind: 'tab', tab: tab ?? 'counter' }
}

export function partsHref(view: PartsView): string {
  switch (view.kind) {
    case 'tab':
      return view.tab === 'counter' ? '#/parts' : `#/parts?tab=${view.tab}`
    case 'part':
      return `#/parts/part/${view.id}`
    case 'pick':
      return `#/parts/pick/${view.roId}`
    case 'pickPrint':
      return `#/parts/pick/${view.roId}/print`
    case 'po':
      return `#/parts/po/${view.id}`
    case 'stocktake':
      return `#/parts/stocktake/${view.id}`
    case 'stocktakePrint':
      return `#/parts/stocktake/${view.id}/print?sheet=${view.sheet}`
    case 'binsPrint':
      return '#/parts/bins/print'
    case 'labels': {
      const params = new URLSearchParams()
      if (view.binFrom) params.set('from', view.binFrom)
      if (view.binTo) params.set('to', view.binTo)
      if (view.partIds?.length) params.set('ids', view.partIds.join(','))
      const query = params.toString()
      return query ? `#/parts/labels?${query}` : '#/parts/labels'
    }
  }
}

/** Opens a parts view (the app router reads the hash back). */
export function goParts(view: PartsView): void {
  window.location.hash = partsHref(view)
}
