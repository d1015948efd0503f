import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dbFingerprint } from '../test-support/fixtures'
import { authorisedRo, jobOfLine, makeShop, type Shop } from '../workshop/test-kit'

// Lines reach an RO two ways — the estimate saved at reception and additional work the customer
// approves in the workshop — and both run the handed-in line checks (warranty coverage) before
// anything is written. The class: every service that inserts RO lines calls the checks.

const MAIN = fileURLToPath(new URL('..', import.meta.url))

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return sources(path)
    return /\.ts$/.test(e.name) && !/\.test\.ts$|(^|\/)test-[^/]*\.ts$/.test(e.name) ? [path] : []
  })
}

describe('every service that writes RO lines', () => {
  it('runs the handed-in line checks (the demo data and migrations aside)', () => {
    const writers = sources(MAIN)
      .map((file) => relative(MAIN, file))
      .filter((file) => !/^(demo|store|test-support)\//.test(file))
      .filter((file) => /insertInto\('ro_lines'\)/.test(readFileSync(join(MAIN, file), 'utf8')))
    expect(writers.sort()).toEqual(['reception/ro-lines.ts', 'workshop/additional-decision.ts'])
    for (const file of writers) expect(readFileSync(join(MAIN, file), 'utf8'), file).toMatch(/\bcheckLines\(ctx,/)
  })
})

let shop: Shop
let serial = 871

beforeAll(async () => {
  shop = await makeShop()
})
afterAll(() => shop.t.close())

/** An RO in repair on a car whose basic warranty ended on 2025-01-01, with work raised as warranty. */
async function raisedWarrantyWork() {
  const { t, techA, bays } = shop
  const ro = await authorisedRo(t, ++serial)
  t.app.store.sqlite.prepare(`UPDATE vehicles SET first_registered_on = '2022-01-01' WHERE id = ?`).run(ro.vehicleId)
  await t.ok('workshop_supervisor', 'workshop.dispatch', { lineId: ro.labourLineIds[0]!, technicianId: techA.id, bayId: bays.lift1, override: '测试' })
  await t.ok({ token: techA.token }, 'workshop.clockOn', { jobId: await jobOfLine(t, ro.id, ro.labourLineIds[0]!), pauseOthers: true })
  const work = await t.ok({ token: techA.token }, 'workshop.additional.raise', {
    roId: ro.id,
    finding: '减震器漏油',
    lines: [{ kind: 'labour', description: '更换前减震器', quantityMilli: 1500, unitPriceFen: 30_000, payer: 'warranty' }],
  })
  return { ro, work }
}

const decide = (work: { id: number; version: number }) => ({ id: work.id, version: work.version, decision: 'approved' as const, method: 'phone' as const, decidedBy: '张三' })

describe('approving additional work the maker is to pay', () => {
  it('is refused outside coverage with the coverage and its end, changing nothing', async () => {
    const { work } = await raisedWarrantyWork()
    const before = dbFingerprint(shop.t.app.store)
    const refused = await shop.t.call('service_advisor', 'workshop.additional.decide', decide(work))
    expect(refused).toMatchObject({ ok: false, code: 'VALIDATION', details: { outOfCoverage: [{ coverage: 'basic', untilDate: '2025-01-01', endedBy: 'date' }] } })
    if (!refused.ok) expect(refused.message).toContain('整车保修')
    expect(dbFingerprint(shop.t.app.store)).toEqual(before)
    // The advisor may not let it through.
    expect(await shop.t.call('service_advisor', 'workshop.additional.decide', { ...decide(work), warrantyOverride: { reason: '厂家同意' } })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('goes through with a supervisor’s reason, recorded with the lines', async () => {
    const { ro, work } = await raisedWarrantyWork()
    await shop.t.ok('service_manager', 'workshop.additional.decide', { ...decide(work), warrantyOverride: { reason: '厂家区域经理同意' } })
    const detail = await shop.t.ok('service_advisor', 'ro.get', { id: ro.id })
    expect(detail.lines.map((l) => [l.description, l.payer])).toEqual([
      ['更换前刹车片', 'customer'],
      ['四轮定位', 'customer'],
      ['更换前减震器', 'warranty'],
    ])
    expect(shop.t.app.store.sqlite.prepare('SELECT coverage, reason FROM warranty_line_overrides WHERE ro_id = ?').all(ro.id)).toEqual([{ coverage: 'basic', reason: '厂家区域经理同意' }])
  })
})
