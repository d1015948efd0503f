import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { seedCatalog, type SeededCatalog } from '../test-support/fixtures'

let t: TestApp
let catalog: SeededCatalog

beforeAll(async () => {
  t = await makeTestApp({ roles: ['parts_clerk'] })
  catalog = seedCatalog(t.app.store)
})
afterAll(() => t.close())

const parts = (q: string) => t.ok('parts_clerk', 'catalog.parts.search', { q })

describe('catalog.parts.search', () => {
  it('finds a part by its number typed with or without dashes and spaces', async () => {
    for (const q of ['06L-115-562-B', '06l115562b', '06L 115', '06L']) {
      expect((await parts(q)).map((p) => p.id), q).toEqual([catalog.oilFilterId])
    }
    const [hit] = await parts('06L115')
    expect(hit).toEqual({ id: catalog.oilFilterId, partNumber: '06L-115-562-B', name: '机油滤清器', brand: '大众原厂', unit: 'EA', bin: 'A-01-02', priceFen: 6800 })
  })

  it('finds a part by a word of its name', async () => {
    expect((await parts('机油')).map((p) => p.id).sort()).toEqual([catalog.oilFilterId, catalog.engineOilId].sort())
    expect((await parts('5W-30')).map((p) => p.id)).toEqual([catalog.engineOilId])
  })

  it('never offers an inactive part', async () => {
    expect(await parts('1K0-199')).toEqual([])
    expect(await parts('发动机支架')).toEqual([])
  })

  it('treats % and _ as ordinary characters', async () => {
    expect(await parts('%')).toEqual([])
  })
})

describe('catalog.labour.search', () => {
  it('finds operations by code prefix or description, codes first', async () => {
    const byCode = await t.ok('parts_clerk', 'catalog.labour.search', { q: 'by' })
    expect(byCode.map((o) => o.code)).toEqual(['BY001', 'BY002'])
    const byText = await t.ok('parts_clerk', 'catalog.labour.search', { q: '刹车' })
    expect(byText).toEqual([{ code: 'ZD001', description: '更换前刹车片', flatHoursMilli: 1200 }])
    expect(await t.ok('parts_clerk', 'catalog.labour.search', {})).toHaveLength(3)
  })
})
