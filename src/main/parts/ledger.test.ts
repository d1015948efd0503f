import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { addPart, authorisedRo, ledgerMismatches } from './test-helpers'

// Property test of the stock ledger through the real dispatcher: random sequences of receipts,
// issues (some beyond what is on hand), returns, adjustments and transfers. After every step
// the shelf must match an independent model of moving-average valuation to the fen, never be
// negative, and the running balance must equal the sum of the moves.

const SEQUENCES = 200

/** mulberry32: a tiny seeded PRNG, so a failure names the seed that reproduces it. */
function prng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let x = a
    x = Math.imul(x ^ (x >>> 15), x | 1)
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61)
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) }
}

/** a × b / c rounded half up, by BigInt: written apart from the code under test on purpose. */
const share = (a: number, b: number, c: number) => Number((BigInt(a) * BigInt(b) * 2n + BigInt(c)) / (BigInt(c) * 2n))

interface Model {
  q: number
  v: number
  issued: number
  issuedValue: number
}

let t: TestApp
const parts: { id: number }[] = []
let roId = 0
/** Which kinds of step ran, so the test proves it exercised each path. */
const seen = new Set<string>()

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'parts_clerk', 'parts_supervisor'] })
  for (let i = 0; i < SEQUENCES; i++) parts.push(await addPart(t, { partNumber: `PT-${i}`, name: `测试件${i}`, bin: `Z-${String(i).padStart(3, '0')}`, costFen: 1_000 + i }))
  const ro = await authorisedRo(t, parts.map((p) => ({ partId: p.id, quantityMilli: 1_000_000_000 })))
  roId = ro.id
}, 120_000)
afterAll(() => t.close())

async function step(seed: number, partId: number, m: Model, r: ReturnType<typeof prng>): Promise<void> {
  const op = r.int(0, 9)
  const small = () => (r.next() < 0.2 ? r.int(1, 7) : r.int(1, 40) * (r.next() < 0.5 ? 1_000 : 250))
  if (op <= 2 || m.q === 0) {
    const q = small()
    const c = r.int(0, 99_999)
    await t.ok('parts_clerk', 'stock.receive', { partId, quantityMilli: q, unitCostFen: c, reason: `seed ${seed}` })
    m.v += share(q, c, 1_000)
    seen.add('receipt')
    m.q += q
  } else if (op <= 5) {
    const q = r.int(1, Math.ceil(m.q * 1.3))
    const res = await t.call('parts_clerk', 'parts.issue', { roId, lines: [{ partId, quantityMilli: q }] })
    if (q > m.q) {
      expect(res).toMatchObject({ ok: false, code: 'INSUFFICIENT_STOCK', details: { availableMilli: m.q, requestedMilli: q } })
      return void seen.add('refused issue')
    }
    seen.add(q === m.q ? 'last issue' : 'issue')
    expect(res.ok, JSON.stringify(res)).toBe(true)
    const out = q === m.q ? m.v : share(m.v, q, m.q)
    m.q -= q
    m.v -= out
    m.issued += q
    m.issuedValue += out
  } else if (op === 6 && m.issued > 0) {
    const q = r.int(1, m.issued)
    await t.ok('parts_clerk', 'parts.return', { roId, lines: [{ partId, quantityMilli: q }], reason: `seed ${seed}` })
    seen.add('return')
    const back = q === m.issued ? m.issuedValue : share(m.issuedValue, q, m.issued)
    m.q += q
    m.v += back
    m.issued -= q
    m.issuedValue -= back
  } else if (op === 7) {
    const q = small()
    await t.ok('parts_supervisor', 'stock.adjust', { partId, quantityMilli: q, reason: `seed ${seed}` })
    m.v += share(m.v, q, m.q)
    seen.add('adjust up')
    m.q += q
  } else if (op === 8) {
    const q = r.int(1, Math.ceil(m.q * 1.2))
    const res = await t.call('parts_supervisor', 'stock.adjust', { partId, quantityMilli: -q, reason: `seed ${seed}` })
    if (q > m.q) return void (expect(res).toMatchObject({ ok: false, code: 'INSUFFICIENT_STOCK' }), seen.add('refused adjust'))
    seen.add('adjust down')
    const out = q === m.q ? m.v : share(m.v, q, m.q)
    m.q -= q
    m.v -= out
  } else {
    const part = await t.ok('parts_clerk', 'parts.get', { id: partId, moves: 1 })
    seen.add('transfer')
    await t.ok('parts_clerk', 'stock.transfer', { partId, version: part.part.version, toBin: `Y-${r.int(0, 999_999)}`, reason: `seed ${seed}` })
  }
}

describe('stock ledger properties', () => {
  it(`keeps on-hand = sum of moves, never negative, and the value exact to the fen over ${SEQUENCES} random sequences`, async () => {
    const stock = t.app.store.sqlite.prepare('SELECT on_hand_milli AS q, value_fen AS v FROM part_stock WHERE part_id = ?')
    const sums = t.app.store.sqlite.prepare('SELECT COALESCE(SUM(quantity_milli), 0) AS q, COALESCE(SUM(value_fen), 0) AS v, MIN(on_hand_milli_after) AS low FROM stock_moves WHERE part_id = ?')
    for (let seed = 1; seed <= SEQUENCES; seed++) {
      const partId = parts[seed - 1]!.id
      const r = prng(seed)
      const m: Model = { q: 0, v: 0, issued: 0, issuedValue: 0 }
      const steps = r.int(10, 30)
      for (let i = 0; i < steps; i++) {
        await step(seed, partId, m, r)
        const row = (stock.get(partId) as { q: number; v: number } | undefined) ?? { q: 0, v: 0 }
        expect({ seed, i, ...row }).toEqual({ seed, i, q: m.q, v: m.v })
      }
      const total = sums.get(partId) as { q: number; v: number; low: number }
      expect({ seed, q: total.q, v: total.v }).toEqual({ seed, q: m.q, v: m.v })
      expect(total.low).toBeGreaterThanOrEqual(0)
      const api = await t.ok('parts_clerk', 'parts.get', { id: partId, moves: 1 })
      expect(api.part).toMatchObject({ onHandMilli: m.q, valueFen: m.v })
    }
    expect(ledgerMismatches(t)).toEqual([])
    expect([...seen].sort()).toEqual(['adjust down', 'adjust up', 'issue', 'last issue', 'receipt', 'refused adjust', 'refused issue', 'return', 'transfer'])
    const moves = t.app.store.sqlite.prepare('SELECT COUNT(*) AS n FROM stock_moves').get() as { n: number }
    expect(moves.n).toBeGreaterThan(2_000)
  }, 300_000)

  it('never lets a stock row hold value without quantity', () => {
    const bad = t.app.store.sqlite.prepare('SELECT COUNT(*) AS n FROM stock_moves WHERE on_hand_milli_after = 0 AND value_fen_after <> 0').get() as { n: number }
    expect(bad.n).toBe(0)
  })
})
