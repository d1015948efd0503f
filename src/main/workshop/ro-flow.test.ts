import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RO_STATES, type RoState } from '../../shared/domain/ro-state'
import { translate } from '../../shared/i18n'
import { dbFingerprint } from '../test-support/fixtures'
import { authorisedRo, jobOfLine, makeShop, type Shop } from './test-kit'

// Every workshop action that moves or needs a repair order, tried in every RO state: outside the
// states where it is legal it is refused with INVALID_STATE, a message naming the state, and no
// change to the store.

let shop: Shop
let roId: number
let version: number
let doneJob: number
let dispatchedJob: number
let dispatchedLine: number

beforeAll(async () => {
  shop = await makeShop()
  const { t, techA } = shop
  const ro = await authorisedRo(t, 601)
  roId = ro.id
  for (const lineId of ro.labourLineIds) await t.ok('workshop_supervisor', 'workshop.dispatch', { lineId, technicianId: techA.id })
  doneJob = await jobOfLine(t, ro.id, ro.labourLineIds[0]!)
  dispatchedLine = ro.labourLineIds[1]!
  dispatchedJob = await jobOfLine(t, ro.id, dispatchedLine)
  await t.ok({ token: techA.token }, 'workshop.clockOn', { jobId: doneJob })
  await t.ok({ token: techA.token }, 'workshop.finish', { jobId: doneJob })
  version = (await t.ok('workshop_supervisor', 'workshop.ro', { roId })).roVersion
})
afterAll(() => shop.t.close())

type Attempt = (state: RoState) => Promise<{ ok: boolean; code?: string; message?: string }>

const ACTIONS: [string, readonly RoState[], Attempt][] = [
  ['dispatch', ['authorised', 'in_progress'], () => shop.t.call('workshop_supervisor', 'workshop.dispatch', { lineId: dispatchedLine, technicianId: shop.techB.id })],
  ['clock on', ['in_progress'], () => shop.t.call({ token: shop.techA.token }, 'workshop.clockOn', { jobId: dispatchedJob })],
  [
    'raise additional work',
    ['in_progress'],
    () =>
      shop.t.call({ token: shop.techA.token }, 'workshop.additional.raise', {
        roId,
        finding: '轮胎老化',
        lines: [{ kind: 'labour', description: '更换轮胎', quantityMilli: 500, unitPriceFen: 30000, payer: 'customer' }],
      }),
  ],
  ['pass inspection', ['quality_check'], () => shop.t.call('technical_supervisor', 'workshop.qc.record', { roId, version, result: 'pass', items: [] })],
  ['pass inspection to the wash', ['quality_check'], () => shop.t.call('technical_supervisor', 'workshop.qc.record', { roId, version, result: 'pass', wash: true, items: [] })],
  [
    'fail inspection',
    ['quality_check'],
    () => shop.t.call('technical_supervisor', 'workshop.qc.record', { roId, version, result: 'fail', items: [], rework: [{ jobId: doneJob, reason: '复检不合格' }] }),
  ],
  ['finish the wash', ['washing'], () => shop.t.call('workshop_supervisor', 'workshop.washDone', { roId, version })],
]

const cases = ACTIONS.flatMap(([name, legal, attempt]) =>
  RO_STATES.filter((state) => !legal.includes(state)).map((state) => [name, state, attempt] as const),
)

describe('repair-order states in the workshop', () => {
  it('tries every action in every state where it is illegal', () => {
    expect(cases).toHaveLength(ACTIONS.reduce((n, [, legal]) => n + RO_STATES.length - legal.length, 0))
  })

  it.each(cases)('refuses to %s when the RO is %s', async (_name, state, attempt) => {
    shop.t.app.store.sqlite.prepare('UPDATE repair_orders SET state = ? WHERE id = ?').run(state, roId)
    const before = dbFingerprint(shop.t.app.store)
    const result = await attempt(state)
    expect(result).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect(result.message).toContain(`「${translate('zh-CN', `roState.${state}`)}」`)
    expect(dbFingerprint(shop.t.app.store)).toEqual(before)
  })
})
