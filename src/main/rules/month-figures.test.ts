import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, type App } from '../app'
import type { Envelope } from '../../shared/contract/errors'
import type { OutputOf } from '../../shared/contract/types'
import type { Contract } from '../../shared/contract'
import type { DashboardTarget } from '../../shared/domain/rules'
import { testClock } from '../test-support/test-app'

// The dashboard keeps closed months' figures (month_figures, migration 0010). Kept or computed
// from the rows, a figure must be the same: after every kind of change that can move a closed
// month's figure, the dashboard read with what is kept equals the dashboard computed from
// nothing kept — and the change really moved the figure, so the comparison is not of nothing.

type Targets = OutputOf<Contract['dashboard.targets']>

const clock = testClock('2026-11-27T02:30:00Z') // 10:30 on 27 November in Shanghai
let app: App
let dir: string
let token = ''

function data<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`${envelope.code}: ${envelope.message} ${JSON.stringify(envelope.details ?? {})}`)
  return envelope.data as T
}
async function as<K extends keyof Contract>(channel: K, input: unknown): Promise<OutputOf<Contract[K]>> {
  return data(await app.dispatch(channel, input, { token, locale: 'en' }))
}
const targets = () => as('dashboard.targets', { months: 12 })
const kept = () => (app.store.sqlite.prepare('SELECT COUNT(*) AS n FROM month_figures').get() as { n: number }).n
async function fromNothingKept(): Promise<Targets> {
  app.store.sqlite.exec('DELETE FROM month_figures')
  return targets()
}
const seriesOf = (t: Targets, key: DashboardTarget) => t.targets.find((s) => s.key === key)!.series
const sql = (text: string, ...params: unknown[]) => app.store.sqlite.prepare(text).run(...params)
const one = <T>(text: string, ...params: unknown[]) => app.store.sqlite.prepare(text).get(...params) as T

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'month-figures-'))
  app = await createApp({ dataDir: dir, clock })
  data(await app.dispatch('setup.demo', { password: 'demo-pass-1', scale: 'small' }))
  token = data<{ token: string }>(await app.dispatch('auth.login', { username: 'manager', password: 'demo-pass-1' })).token
}, 120_000)
afterAll(() => {
  app.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('closed months kept by the dashboard', () => {
  it('keeps every closed month of each kept figure and reads the same figures back', async () => {
    const cold = await fromNothingKept()
    // 11 closed months × (slow-moving, settlement ×3, fill rate) + 22 ledger months (turnover's window).
    expect(kept()).toBe(11 * 5 + 11 + 12)
    expect(await targets()).toEqual(cold)
  })

  it('a stock move recorded now leaves the closed months kept', async () => {
    await targets()
    const before = kept()
    const part = one<{ id: number }>('SELECT part_id AS id FROM part_stock WHERE on_hand_milli > 0 ORDER BY part_id LIMIT 1')
    await app.dispatch('stock.receive', { partId: part.id, quantityMilli: 1_000, unitCostFen: 1_000, reason: '补货' }, { token: data<{ token: string }>(await app.dispatch('auth.login', { username: 'parts1', password: 'demo-pass-1' })).token })
    expect(kept()).toBe(before)
    expect(await targets()).toEqual(await fromNothingKept())
  })

  const changes: { name: string; moves: DashboardTarget; change: () => void | Promise<void> }[] = [
    {
      name: 'a stock move dated in August (a late-posted receipt)',
      moves: 'turnover',
      change: () => {
        // Straight into the ledger, as a correction would be: the running balance moves with it.
        const part = one<{ id: number; q: number; v: number }>('SELECT part_id AS id, on_hand_milli AS q, value_fen AS v FROM part_stock WHERE on_hand_milli > 0 ORDER BY value_fen DESC LIMIT 1')
        sql(
          `INSERT INTO stock_moves (part_id, at, kind, quantity_milli, unit_cost_fen, value_fen, on_hand_milli_after, value_fen_after, reason, ref_type)
           VALUES (?, '2026-08-14T10:00:00+08:00', 'receipt', 50000, 100000, 5000000, ?, ?, 'late', 'manual')`,
          part.id,
          part.q + 50_000,
          part.v + 5_000_000,
        )
        sql('UPDATE part_stock SET on_hand_milli = on_hand_milli + 50000, value_fen = value_fen + 5000000 WHERE part_id = ?', part.id)
      },
    },
    {
      name: 'a maintenance RO of September settled late after all',
      moves: 'maintenance_settlement',
      change: () => {
        const ro = one<{ id: number }>(
          `SELECT id FROM repair_orders WHERE type = 'maintenance' AND state <> 'cancelled' AND completed_at LIKE '2026-09%' AND settled_at IS NOT NULL ORDER BY id LIMIT 1`,
        )
        sql(`UPDATE repair_orders SET settled_at = '2026-10-20T10:00:00+08:00' WHERE id = ?`, ro.id)
      },
    },
    {
      name: 'an insurance RO of September cancelled',
      moves: 'insurance_settlement',
      change: () => {
        const ro = one<{ id: number }>(`SELECT id FROM repair_orders WHERE type = 'insurance' AND state <> 'cancelled' AND completed_at LIKE '2026-09%' ORDER BY id LIMIT 1`)
        sql(`UPDATE repair_orders SET state = 'cancelled' WHERE id = ?`, ro.id)
      },
    },
    {
      name: 'a payment on an insurance invoice of September recorded late',
      moves: 'insurance_collection',
      change: () => {
        // The insurer's transfer arrived in September but is only recorded now: the invoice was
        // collected within its month after all.
        const i = one<{ id: number; due: number; user_id: number }>(
          `SELECT i.id, i.gross_fen - COALESCE((SELECT SUM(p.amount_fen) FROM payments p WHERE p.invoice_id = i.id), 0) AS due,
                  (SELECT id FROM users ORDER BY id LIMIT 1) AS user_id
             FROM invoices i WHERE i.payer = 'insurance' AND i.kind = 'invoice' AND i.state = 'issued' AND i.issued_at LIKE '2026-09%'
              AND i.gross_fen > COALESCE((SELECT SUM(p.amount_fen) FROM payments p WHERE p.invoice_id = i.id AND substr(p.at, 1, 7) = '2026-09'), 0)
            ORDER BY i.id LIMIT 1`,
        )
        sql(`INSERT INTO payments (invoice_id, method, amount_fen, at, user_id) VALUES (?, 'transfer', ?, '2026-09-29T10:00:00+08:00', ?)`, i.id, Math.max(i.due, 1), i.user_id)
      },
    },
    {
      name: 'a part request of October recorded late',
      moves: 'fill_rate',
      change: () => {
        const r = one<{ ro_id: number; part_id: number; user_id: number }>(
          `SELECT ro.id AS ro_id, (SELECT id FROM parts WHERE id NOT IN (SELECT part_id FROM part_requests WHERE ro_id = ro.id) LIMIT 1) AS part_id, ro.advisor_id AS user_id
             FROM repair_orders ro WHERE ro.opened_at LIKE '2026-10%' ORDER BY ro.id LIMIT 1`,
        )
        for (let k = 0; k < 5; k++) {
          sql(
            `INSERT INTO part_requests (ro_id, part_id, requested_milli, first_at, served_from_stock, user_id) VALUES (?, (SELECT id FROM parts WHERE id NOT IN (SELECT part_id FROM part_requests WHERE ro_id = ?) ORDER BY id LIMIT 1 OFFSET ?), 1000, '2026-10-12T09:00:00+08:00', 0, ?)`,
            r.ro_id,
            r.ro_id,
            k,
            r.user_id,
          )
        }
      },
    },
  ]
  for (const c of changes) {
    it(`after ${c.name}, what is kept equals what the rows give`, async () => {
      const before = await targets()
      expect(kept()).toBeGreaterThan(0)
      await c.change()
      const read = await targets()
      const cold = await fromNothingKept()
      expect(read).toEqual(cold)
      expect(seriesOf(read, c.moves), `the change moved ${c.moves}`).not.toEqual(seriesOf(before, c.moves))
    })
  }
})
