import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, testClock, type TestApp } from '../test-support/test-app'
import { BASE_PARTS } from './catalogue-data'
import { SUPPLIERS } from './seed-suppliers'
import { MODELS } from './vehicle-data'

// The demo dealership must hang together the way a parts clerk expects: an Accord's history holds
// Honda parts (or universal oil and filters), never BYD or Buick ones; the filter wholesaler sells
// filters, not mirrors; a battery car never has its oil changed.

let kit: TestApp

beforeAll(async () => {
  kit = await makeTestApp({ dealership: 'demo', clock: testClock('2026-11-27T10:30:00+08:00'), prefix: 'demo-coherence-' })
})
afterAll(() => kit.close())

const all = <T>(sql: string) => kit.app.store.sqlite.prepare(sql).all() as T[]

/** The model a part is named for ("前刹车片（雅阁）"), or null for a part that fits any car. */
const modelInName = (name: string) => /（([^（）]+)）$/.exec(name)?.[1] ?? null
const makeOfModel = new Map(MODELS.map((m) => [m.model, m.make]))
const UNIVERSAL_NAMES = new Set(BASE_PARTS.filter((p) => p.universal).map((p) => p.name))

interface Line {
  ro: string
  make: string
  model: string
  name: string
  brand: string
  category: string
}

const LINES_SQL = (table: string, roJoin: string) => `
  SELECT r.number AS ro, v.make, v.model, p.name, p.brand, p.category
    FROM ${table} l ${roJoin} JOIN vehicles v ON v.id = r.vehicle_id JOIN parts p ON p.id = l.part_id
   WHERE l.part_id IS NOT NULL`

/** The make each original-equipment brand makes parts for, read from the parts named for a model. */
function oemMakes(): Map<string, Set<string>> {
  const makes = new Map<string, Set<string>>()
  for (const p of all<{ name: string; brand: string }>(`SELECT name, brand FROM parts WHERE brand LIKE '%原厂'`)) {
    const model = modelInName(p.name)
    const make = model === null ? undefined : makeOfModel.get(model)
    if (make) makes.set(p.brand, (makes.get(p.brand) ?? new Set()).add(make))
  }
  return makes
}

function misfits(lines: readonly Line[]): string[] {
  const makes = oemMakes()
  return lines.flatMap((l) => {
    const model = modelInName(l.name)
    const wrongModel = model !== null && makeOfModel.get(model) !== l.make
    const wrongBrand = l.brand.endsWith('原厂') && !(makes.get(l.brand)?.has(l.make) ?? false)
    const notUniversal = model === null && !UNIVERSAL_NAMES.has(l.name)
    return wrongModel || wrongBrand || notUniversal ? [`${l.ro} ${l.make} ${l.model}: ${l.name} (${l.brand})`] : []
  })
}

describe('the demo dealership’s parts', () => {
  it('gives each maker’s original-equipment brand to that maker’s cars only', () => {
    const makes = oemMakes()
    expect(makes.size).toBeGreaterThanOrEqual(10)
    // Volkswagen's two joint ventures share its parts; every other brand serves one make.
    expect([...(makes.get('大众原厂') ?? [])].sort()).toEqual(['一汽-大众', '上汽大众'].sort())
    for (const [brand, set] of makes) if (brand !== '大众原厂') expect([...set], brand).toHaveLength(1)
  })

  it('puts on every repair order only parts that fit the car’s make, or universal ones', () => {
    const lines = all<Line>(LINES_SQL('ro_lines', 'JOIN repair_orders r ON r.id = l.ro_id'))
    expect(lines.length).toBeGreaterThan(500)
    expect(misfits(lines)).toEqual([])
    // Both kinds are there: the model's own parts and the universal shelf.
    expect(lines.some((l) => modelInName(l.name) !== null)).toBe(true)
    expect(lines.some((l) => UNIVERSAL_NAMES.has(l.name))).toBe(true)
  })

  it('raises additional work and buys outside only parts that fit the car', () => {
    const extra = all<Line>(
      LINES_SQL('additional_work_lines', 'JOIN additional_work a ON a.id = l.additional_work_id JOIN repair_orders r ON r.id = a.ro_id'),
    )
    const bought = all<Line>(LINES_SQL('external_purchases', 'JOIN repair_orders r ON r.id = l.ro_id'))
    expect(extra.length + bought.length).toBeGreaterThan(0)
    expect(misfits([...extra, ...bought])).toEqual([])
  })

  it('has each supplier supply only the categories it deals in', () => {
    const rows = all<{ code: string; category: string; n: number }>(`
      SELECT s.code, p.category, count(*) AS n FROM part_suppliers ps JOIN suppliers s ON s.id = ps.supplier_id JOIN parts p ON p.id = ps.part_id
       GROUP BY s.code, p.category`)
    const dealsIn = new Map(SUPPLIERS.map((s) => [s.code, new Set(s.categories)]))
    const wrong = rows.filter((r) => !(dealsIn.get(r.code)?.has(r.category) ?? false)).map((r) => `${r.code}: ${r.n} × ${r.category}`)
    expect(wrong).toEqual([])
    // The filter wholesaler is there, with filters.
    expect(rows.filter((r) => r.code === 'FILTER-GZ').map((r) => r.category)).toEqual(['滤清器'])
  })

  it('never services an engine on a battery car', () => {
    const battery = MODELS.filter((m) => m.plateMark === 'D').map((m) => `'${m.model}'`)
    const engineWork = ['BY001', 'BY004', 'BY009', 'FD001', 'FD002', 'FD003', 'FD004', 'FD005', 'DQ004', 'DQ005']
    const rows = all<{ ro: string; model: string; op_code: string }>(`
      SELECT r.number AS ro, v.model, l.op_code FROM ro_lines l JOIN repair_orders r ON r.id = l.ro_id JOIN vehicles v ON v.id = r.vehicle_id
       WHERE v.model IN (${battery.join(', ')}) AND l.kind = 'labour'`)
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.filter((r) => engineWork.includes(r.op_code))).toEqual([])
  })
})
