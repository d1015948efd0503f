import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../app'
import { makeTestApp, testClock, type TestApp } from '../test-support/test-app'
import type { Envelope } from '../../shared/contract/errors'
import type { Out } from '../workshop/rows'
import { seedDemoDealership } from './seed'

// The areas of the demo that are replayed through the services (workshop, parts ledger, cashier):
// the generated data must satisfy the same invariants those services keep.

const NOW = '2026-11-27T10:30:00+08:00'
let kit: TestApp
let app: App

function data<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`${envelope.code}: ${envelope.message}`)
  return envelope.data as T
}

const all = <T>(sql: string, ...params: unknown[]) => app.store.sqlite.prepare(sql).all(...params) as T[]
const login = async (username: string) => data<{ token: string }>(await app.dispatch('auth.login', { username, password: 'demo-pass-1' })).token

beforeAll(async () => {
  kit = await makeTestApp({ dealership: 'blank', clock: testClock(NOW), prefix: 'demo-living-' })
  app = kit.app
  data(await app.dispatch('setup.demo', { password: 'demo-pass-1', scale: 'small' }))
})

afterAll(async () => {
  await kit.close()
})

describe('the demo workshop', () => {
  it('gives every technician a profile with skills, and has lifts, alignment, paint booth and wash bays', async () => {
    const techs = all<{ id: number; skills: string | null }>(
      `SELECT u.id, (SELECT group_concat(skill) FROM technician_skills s WHERE s.user_id = u.id) AS skills
         FROM users u JOIN technicians t ON t.user_id = u.id WHERE u.role = 'technician'`,
    )
    expect(techs).toHaveLength(all(`SELECT id FROM users WHERE role = 'technician'`).length)
    for (const t of techs) expect(t.skills, `technician ${t.id}`).toBeTruthy()
    const skills = new Set(techs.flatMap((t) => t.skills?.split(',') ?? []))
    expect([...skills].sort()).toEqual(['body', 'electrical', 'ev', 'general', 'mechanical', 'paint'])
    const kinds = new Set(all<{ kind: string }>('SELECT kind FROM bays WHERE active = 1').map((b) => b.kind))
    expect([...kinds].sort()).toEqual(['alignment', 'general', 'lift', 'paint_booth', 'wash'])
  })

  it('shows the supervisor a board with cars in every column, with overdue, waiting-parts, approval and rework flags', async () => {
    const board = data<Out<'workshop.board'>>(await app.dispatch('workshop.board', {}, { token: await login('workshop') }))
    const columns = new Set(board.cards.map((c) => c.column))
    expect([...columns].sort()).toEqual(['approval', 'dispatch', 'parts', 'qc', 'ready', 'repair', 'wash'])
    const flags = new Set(board.cards.flatMap((c) => c.flags))
    for (const flag of ['overdue', 'waiting_parts', 'awaiting_approval', 'rework'] as const) expect(flags, flag).toContain(flag)
    const running = board.cards.flatMap((c) => c.jobs).filter((j) => j.state === 'running')
    expect(running.length).toBeGreaterThanOrEqual(3)
    for (const j of running) expect(Date.parse(j.runningSince ?? '')).toBeLessThan(Date.parse(NOW))
    expect(board.technicians.filter((t) => t.runningJobIds.length > 0).length).toBe(new Set(running.map((j) => j.technicianId)).size)
    expect(board.bays.filter((b) => b.occupiedBy !== null).length).toBeGreaterThanOrEqual(4)
    expect(board.cards.some((c) => c.minutesToPromise !== null && c.minutesToPromise > 0 && c.minutesToPromise < 60)).toBe(true)
  })

  it('clocks no technician on two jobs at once, and all clocked time lies in the past', () => {
    const segments = all<{ technician_id: number; started_at: string; ended_at: string | null; allow: number }>(
      `SELECT s.technician_id, s.started_at, s.ended_at, t.allow_parallel AS allow FROM job_time_segments s
         JOIN technicians t ON t.user_id = s.technician_id ORDER BY s.technician_id, s.started_at`,
    )
    expect(segments.length).toBeGreaterThan(10)
    const now = Date.parse(NOW)
    let prev: (typeof segments)[number] | undefined
    for (const s of segments) {
      const start = Date.parse(s.started_at)
      const end = s.ended_at === null ? now : Date.parse(s.ended_at)
      expect(start).toBeLessThanOrEqual(end)
      expect(end).toBeLessThanOrEqual(now)
      if (prev?.technician_id === s.technician_id && s.allow === 0) {
        expect(start, `technician ${s.technician_id} at ${s.started_at}`).toBeGreaterThanOrEqual(Date.parse(prev.ended_at ?? NOW))
      }
      prev = s
    }
    const running = all<{ n: number }>(`SELECT count(*) AS n FROM job_time_segments WHERE ended_at IS NULL GROUP BY technician_id`)
    for (const r of running) expect(r.n).toBe(1)
    // A running segment means a running job, and the other way round.
    const mismatched = all(
      `SELECT j.id FROM ro_jobs j WHERE (j.state = 'running') <> EXISTS (SELECT 1 FROM job_time_segments s WHERE s.job_id = j.id AND s.ended_at IS NULL)`,
    )
    expect(mismatched).toEqual([])
  })

  it('has a month of finished jobs and inspections behind it: efficiency per technician and a first-pass rate', async () => {
    const token = await login('manager')
    const period = { from: '2026-10-27', to: '2026-11-27' }
    const eff = data<Out<'workshop.efficiency'>>(await app.dispatch('workshop.efficiency', period, { token }))
    expect(eff.rows.length).toBeGreaterThanOrEqual(4)
    expect(eff.total.efficiencyBp).toBeGreaterThan(8000)
    expect(eff.total.efficiencyBp).toBeLessThan(15000)
    const qc = data<Out<'workshop.qc.stats'>>(await app.dispatch('workshop.qc.stats', period, { token }))
    expect(qc.inspectedRos).toBeGreaterThan(20)
    expect(qc.firstPass).toBeLessThanOrEqual(qc.inspectedRos)
  })

  it('plays the shop the same way at any time of day, without a step the services refuse', async () => {
    for (const at of ['2026-11-27T07:10:00+08:00', '2026-11-27T13:45:00+08:00', '2026-11-27T20:30:00+08:00']) {
      const otherKit = await makeTestApp({ dealership: 'blank', clock: testClock(at), prefix: 'demo-living-' })
      const other = otherKit.app
      try {
        const result = seedDemoDealership({ store: other.store, clock: other.clock, timeZone: 'Asia/Shanghai' }, { password: 'demo-pass-1', scale: 'small' })
        expect(result.notes, at).toEqual([])
        const states = other.store.sqlite.prepare(`SELECT DISTINCT state FROM repair_orders`).pluck().all() as string[]
        expect(states, at).toEqual(expect.arrayContaining(['in_progress', 'quality_check', 'washing', 'ready']))
      } finally {
        await otherKit.close()
      }
    }
  }, 180_000) // three whole demo dealerships, seeded one after the other
})

describe('the demo parts ledger', () => {
  it('keeps every part stock equal to the sum of its moves, never negative, each move carrying the balance after it', () => {
    const bad = all(
      `SELECT s.part_id FROM part_stock s
         LEFT JOIN (SELECT part_id, sum(quantity_milli) AS q, sum(value_fen) AS v FROM stock_moves GROUP BY part_id) m ON m.part_id = s.part_id
        WHERE s.on_hand_milli <> coalesce(m.q, 0) OR s.value_fen <> coalesce(m.v, 0) OR s.on_hand_milli < 0 OR s.value_fen < 0`,
    )
    expect(bad).toEqual([])
    expect(all(`SELECT part_id FROM stock_moves WHERE part_id NOT IN (SELECT part_id FROM part_stock)`)).toEqual([])
    const moves = all<{ part_id: number; at: string; quantity_milli: number; value_fen: number; on_hand_milli_after: number; value_fen_after: number }>(
      'SELECT part_id, at, quantity_milli, value_fen, on_hand_milli_after, value_fen_after FROM stock_moves ORDER BY part_id, id',
    )
    expect(moves.length).toBeGreaterThan(1000)
    const last = new Map<number, { q: number; v: number; at: string }>()
    for (const m of moves) {
      const prev = last.get(m.part_id) ?? { q: 0, v: 0, at: '' }
      expect(m.at >= prev.at, `part ${m.part_id} at ${m.at}`).toBe(true)
      expect([m.on_hand_milli_after, m.value_fen_after]).toEqual([prev.q + m.quantity_milli, prev.v + m.value_fen])
      last.set(m.part_id, { q: m.on_hand_milli_after, v: m.value_fen_after, at: m.at })
    }
  })

  it('issued every part line of the closed orders, and records what it issued per order', () => {
    const missing = all(
      `SELECT l.ro_id, l.part_id FROM ro_lines l JOIN repair_orders r ON r.id = l.ro_id
        WHERE l.kind = 'part' AND r.state IN ('settled', 'delivered')
          AND NOT EXISTS (SELECT 1 FROM ro_part_issues i WHERE i.ro_id = l.ro_id AND i.part_id = l.part_id)`,
    )
    expect(missing).toEqual([])
    const mismatch = all(
      `SELECT i.ro_id, i.part_id FROM ro_part_issues i
         JOIN (SELECT ref_id, part_id, -sum(quantity_milli) AS q, -sum(value_fen) AS v FROM stock_moves
                WHERE ref_type = 'ro' GROUP BY ref_id, part_id) m ON m.ref_id = i.ro_id AND m.part_id = i.part_id
        WHERE m.q <> i.issued_milli OR m.v <> i.issued_value_fen`,
    )
    expect(mismatch).toEqual([])
  })

  it('has empty bins, parts below safety, slow movers, an order on its way and an outside purchase awaiting its check', async () => {
    const token = await login('partsup')
    const empty = data<unknown[]>(await app.dispatch('stock.emptyBins', {}, { token }))
    expect(empty.length).toBeGreaterThan(0)
    expect(all(`SELECT id FROM purchase_orders WHERE state = 'sent'`)).toHaveLength(1)
    expect(all(`SELECT id FROM external_purchases WHERE state = 'pending_qc'`)).toHaveLength(1)
    const kinds = all<{ kind: string }>(`SELECT r.kind FROM alerts a JOIN rules r ON r.id = a.rule_id WHERE a.state = 'open'`).map((a) => a.kind)
    expect(kinds).toContain('part_below_safety_stock')
    expect(kinds).toContain('slow_moving_share')
    // Monthly outbound over the last months: the turnover and safety figures have data to work on.
    const months = all<{ m: string }>(`SELECT DISTINCT substr(at, 1, 7) AS m FROM stock_moves WHERE kind = 'issue'`)
    expect(months.length).toBeGreaterThanOrEqual(12)
  })
})

describe('the demo cashier history', () => {
  it('settled every closed order into invoices per payer that add up to its total less the waived change', () => {
    const rows = all<{ id: number; gross_fen: number; invoiced: number | null; discount: number | null }>(
      `SELECT r.id, r.gross_fen, sum(i.gross_fen) AS invoiced, sum(i.discount_fen) AS discount
         FROM repair_orders r LEFT JOIN invoices i ON i.ro_id = r.id WHERE r.state IN ('settled', 'delivered') GROUP BY r.id`,
    )
    expect(rows.length).toBeGreaterThan(500)
    for (const r of rows) expect((r.invoiced ?? 0) + (r.discount ?? 0), `RO ${r.id}`).toBe(r.gross_fen)
    expect(all(`SELECT ro_id FROM deliveries`)).toHaveLength(all(`SELECT id FROM repair_orders WHERE state = 'delivered'`).length)
  })

  it('leaves the customers paid up and a few insurance claims still open', async () => {
    expect(all(`SELECT invoice_id FROM receivables WHERE payer = 'customer' AND balance_fen <> 0`)).toEqual([])
    const insurance = all<{ invoice_id: number }>(`SELECT invoice_id FROM receivables WHERE payer = 'insurance' AND balance_fen > 0`)
    expect(insurance.length).toBeGreaterThanOrEqual(2)
    const list = data<{ rows: unknown[] }>(await app.dispatch('receivables.list', { payer: 'insurance' }, { token: await login('cashier') }))
    expect(list.rows.length).toBe(insurance.length)
  })
})

describe('the demo insurance claims', () => {
  it('settles a handful of claims split between insurer and customer, paid in the month, late or not yet, and leaves one assessed RO ready for today', async () => {
    const claims = all<{ ro_id: number; state: string; assessed_on: string | null; arrived_on: string; deductible_fen: number }>(
      `SELECT c.ro_id, r.state, c.assessed_on, c.arrived_on, c.deductible_fen FROM insurance_claims c JOIN repair_orders r ON r.id = c.ro_id ORDER BY c.arrived_on`,
    )
    const settled = claims.filter((c) => c.state === 'settled' || c.state === 'delivered')
    expect(settled.length).toBeGreaterThanOrEqual(5)
    expect(new Set(settled.map((c) => c.arrived_on.slice(0, 7))).size).toBeGreaterThanOrEqual(3)
    expect(claims.every((c) => c.assessed_on !== null)).toBe(true)
    expect(all(`SELECT id FROM insurance_supplements`).length).toBeGreaterThanOrEqual(1)
    // Each settled claim: an insurer invoice (and the customer's share, where there is one) adding up to the RO to the fen.
    let split = 0
    for (const c of settled) {
      const inv = all<{ payer: string; gross_fen: number }>(`SELECT payer, gross_fen FROM invoices WHERE ro_id = ? AND kind = 'invoice' AND state = 'issued'`, c.ro_id)
      expect(inv.map((i) => i.payer), `RO ${c.ro_id}`).toContain('insurance')
      if (inv.some((i) => i.payer === 'customer')) split += 1
      expect(inv.reduce((s, i) => s + i.gross_fen, 0)).toBe(all<{ gross_fen: number }>(`SELECT gross_fen FROM repair_orders WHERE id = ?`, c.ro_id)[0]!.gross_fen)
    }
    expect(split).toBeGreaterThanOrEqual(2)
    const token = await login('frontdesk')
    const figures = data<{ timeliness: { onTime: number; due: number }[]; collection: { collectedFen: number; settledFen: number }[] }>(
      await app.dispatch('insurance.figures', { months: 6 }, { token }),
    )
    const due = figures.timeliness.reduce((s, p) => s + p.due, 0)
    const onTime = figures.timeliness.reduce((s, p) => s + p.onTime, 0)
    expect(onTime).toBeGreaterThan(0)
    expect(onTime).toBeLessThan(due)
    const settledFen = figures.collection.reduce((s, p) => s + p.settledFen, 0)
    const collectedFen = figures.collection.reduce((s, p) => s + p.collectedFen, 0)
    expect(collectedFen).toBeGreaterThan(0)
    expect(collectedFen).toBeLessThan(settledFen)
    // Today's: work finished, parts issued, assessed — settling it is the cashier's next step.
    const ready = claims.filter((c) => c.state === 'ready')
    expect(ready).toHaveLength(1)
    const view = data<{ ro: { state: string }; claim: { assessedOn: string | null }; lines: { payer: string; assessedFen: number | null }[]; split: { insurer: { grossFen: number }; customer: { grossFen: number }; roGrossFen: number } }>(
      await app.dispatch('insurance.get', { roId: ready[0]!.ro_id }, { token }),
    )
    expect(view.claim.assessedOn).not.toBeNull()
    expect(view.lines.filter((l) => l.payer === 'insurance').every((l) => l.assessedFen !== null)).toBe(true)
    expect(view.split.insurer.grossFen).toBeGreaterThan(0)
    expect(view.split.customer.grossFen).toBeGreaterThan(0)
    expect(view.split.insurer.grossFen + view.split.customer.grossFen).toBe(view.split.roGrossFen)
    expect(all(`SELECT id FROM stock_moves WHERE ref_type = 'ro' AND ref_id = ? AND kind = 'issue'`, ready[0]!.ro_id).length).toBeGreaterThan(0)
  })
})
