import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runExport } from './service'
import { demoApp, type DemoTestApp as TestApp } from '../test-support/test-app'
import { verifyPath } from './verify'

// The parts ledger and settlement tables travel in the batch: rows as those areas write them
// (inserted here directly, in the shapes their migrations allow) verify against their schemas.

let t: TestApp
beforeEach(async () => {
  t = await demoApp('2026-11-27T10:00:00+08:00', 'after-sales-')
  t.advance(60_000)
})
afterEach(() => t.close())

describe('settlement, payments, stock moves and alerts', () => {
  it('are exported, settlements and invoices with their order, and verify against their schemas', async () => {
    await runExport({ store: t.app.store, dataDir: t.app.dataDir, clock: t.app.clock })
    t.advance(60_000)
    const db = t.app.store.sqlite
    const at = '2026-11-27T10:01:30+08:00'
    // An order the demo has not settled yet (its history is settled, with invoices and gate passes of its own).
    const ro = db.prepare(`SELECT id, customer_id FROM repair_orders WHERE state = 'estimate' ORDER BY id LIMIT 1`).get() as { id: number; customer_id: number }
    const part = db.prepare(`SELECT id FROM parts LIMIT 1`).get() as { id: number }
    t.app.store.tx(() => {
      db.prepare(`INSERT INTO stock_moves (part_id, at, kind, quantity_milli, unit_cost_fen, value_fen, on_hand_milli_after, value_fen_after, reason, ref_type, ref_id)
                  VALUES (?, ?, 'issue', -1000, 5000, -5000, 2000, 10000, '', 'ro', ?)`).run(part.id, at, ro.id)
      const s = db.prepare(`INSERT INTO settlements (ro_id, kind, gross_fen, user_id, at) VALUES (?, 'settle', 11300, 1, ?)`).run(ro.id, at)
      const inv = db
        .prepare(`INSERT INTO invoices (number, settlement_id, ro_id, payer, customer_id, kind, net_fen, vat_fen, gross_fen, state, issued_at, issued_by)
                  VALUES ('INV-TEST-000001', ?, ?, 'customer', ?, 'invoice', 10000, 1300, 11300, 'issued', ?, 1)`)
        .run(s.lastInsertRowid, ro.id, ro.customer_id, at)
      db.prepare(`INSERT INTO payments (invoice_id, method, amount_fen, at, user_id) VALUES (?, 'wechat_pay', 11300, ?, 1)`).run(inv.lastInsertRowid, at)
      db.prepare(`INSERT INTO deliveries (ro_id, gate_pass_no, delivered_at, user_id) VALUES (?, 'GP-TEST-0001', ?, 1)`).run(ro.id, at)
      const rule = db.prepare(`INSERT INTO rules (kind, params, severity, inbox_role, updated_at) VALUES ('test.rule', '{}', 'warning', 'cashier', ?)`).run(at)
      db.prepare(`INSERT INTO alerts (rule_id, subject_type, subject_id, stage, state, message_key, first_raised_at, raised_at, updated_at)
                  VALUES (?, 'ro', ?, 'warning', 'open', 'rules.x', ?, ?, ?)`).run(rule.lastInsertRowid, ro.id, at, at, at)
      // Settling stamps the order (updateVersioned), which is what carries its children.
      db.prepare(`UPDATE repair_orders SET state = 'settled', settled_at = ?, updated_at = ? WHERE id = ?`).run(at, at, ro.id)
    })
    const batch = await runExport({ store: t.app.store, dataDir: t.app.dataDir, clock: t.app.clock })
    const rows = Object.fromEntries(batch.manifest.files.map((f) => [f.table, f.rows]))
    expect(rows).toMatchObject({ stock_moves: 1, settlements: 1, invoices: 1, payments: 1, deliveries: 1, alerts: 1, repair_orders: 1 })
    const report = await verifyPath(batch.dir)
    expect(report.batches[0]?.errors).toEqual([])
    expect(report.ok).toBe(true)
  })
})
