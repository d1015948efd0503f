import { createRng } from '../src/main/demo/random'
import type { Store } from '../src/main/store/open'

// Bulk repair orders for the rules benchmark: two years of ROs, nearly all settled and delivered,
// a few hundred still waiting at the cashier or in the shop (the ones the settlement rules look
// at), insurance invoices with most of their money collected, RO part requests for the fill rate
// and an open stocktake. Raw prepared statements, one transaction per chunk. Times are +08:00
// text (Asia/Shanghai has no daylight saving), as the app stores them.

export interface RulesBenchSize {
  ros: number
  customers: number
  requests: number
  stocktakeLines: number
  days: number
}

export const FULL_RULES_BENCH: RulesBenchSize = { ros: 200_000, customers: 20_000, requests: 50_000, stocktakeLines: 5_000, days: 730 }

const shanghai = (ms: number) => `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`
const DAY = 86_400_000
const TYPES = ['maintenance', 'maintenance', 'maintenance', 'maintenance', 'maintenance', 'repair', 'repair', 'insurance', 'warranty', 'internal'] as const

function vin(n: number): string {
  // 17 characters from the allowed alphabet; uniqueness is all the benchmark needs.
  return `LBENCH${String(n).padStart(11, '0')}`
}

export interface RulesBenchData {
  roIds: number[]
}

export function generateRepairOrders(store: Store, size: RulesBenchSize, end: Date, userId: number, partIds: readonly number[], seed = 41): RulesBenchData {
  const rng = createRng(seed)
  const endMs = end.getTime()
  const first = endMs - size.days * DAY
  const now = shanghai(endMs)
  const customer = store.prepare('INSERT INTO customers (name, mobile, created_at, updated_at) VALUES (?, ?, ?, ?)')
  const vehicle = store.prepare(
    `INSERT INTO vehicles (vin, vin_rev, plate, make, model, owner_id, created_at, updated_at) VALUES (?, ?, ?, '大众', '朗逸', ?, ?, ?)`,
  )
  const vehicleIds: number[] = []
  const ownerOf: number[] = []
  store.tx(() => {
    for (let i = 0; i < size.customers; i++) {
      const c = Number(customer.run(`客户${i}`, `139${String(i).padStart(8, '0')}`, now, now).lastInsertRowid)
      const v = vin(i)
      vehicleIds.push(Number(vehicle.run(v, [...v].reverse().join(''), `沪B${String(i).padStart(5, '0')}`, c, now, now).lastInsertRowid))
      ownerOf.push(c)
    }
  })

  const ro = store.prepare(
    `INSERT INTO repair_orders (number, type, state, customer_id, vehicle_id, advisor_id, odometer_km, fuel_eighths, concerns, promised_at,
       net_fen, vat_fen, gross_fen, opened_at, completed_at, settled_at, delivered_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 20000, 4, '保养', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const settlement = store.prepare(`INSERT INTO settlements (ro_id, kind, gross_fen, user_id, at) VALUES (?, 'settle', ?, ?, ?)`)
  const invoice = store.prepare(
    `INSERT INTO invoices (number, settlement_id, ro_id, payer, kind, net_fen, vat_fen, gross_fen, state, insurer, claim_no, issued_at, issued_by)
     VALUES (?, ?, ?, 'insurance', 'invoice', ?, ?, ?, 'issued', '中国人保', ?, ?, ?)`,
  )
  const payment = store.prepare(`INSERT INTO payments (invoice_id, method, amount_fen, at, user_id) VALUES (?, 'transfer', ?, ?, ?)`)
  const roIds: number[] = []
  let invoices = 0
  const CHUNK = 20_000
  for (let start = 0; start < size.ros; start += CHUNK) {
    store.tx(() => {
      for (let n = start; n < Math.min(size.ros, start + CHUNK); n++) {
        const opened = first + Math.floor((n * size.days * DAY) / size.ros)
        const type = TYPES[n % TYPES.length]!
        const age = endMs - opened
        // The last few days hold the ROs still open: in the shop, at the cashier, settled not collected.
        const roll = rng.next()
        let state = 'delivered'
        if (age < 12 * DAY && roll < 0.4) state = roll < 0.15 ? 'in_progress' : roll < 0.3 ? 'ready' : 'settled'
        const completed = state === 'in_progress' ? null : opened + rng.int(2, 30) * 3_600_000
        const settled = state === 'delivered' || state === 'settled' ? completed! + rng.int(1, 120) * 3_600_000 : null
        const delivered = state === 'delivered' ? settled! + 3_600_000 : null
        const net = rng.int(200, 8_000) * 100
        const vat = Math.round(net * 0.13)
        const v = n % vehicleIds.length
        const id = Number(
          ro
            .run(`RO${String(n + 1).padStart(10, '0')}`, type, state, ownerOf[v]!, vehicleIds[v]!, userId, shanghai(opened + 8 * 3_600_000), net, vat, net + vat,
              shanghai(opened), completed === null ? null : shanghai(completed), settled === null ? null : shanghai(settled),
              delivered === null ? null : shanghai(delivered), shanghai(opened), shanghai(completed ?? opened)).lastInsertRowid,
        )
        roIds.push(id)
        if (type === 'insurance' && settled !== null) {
          const s = Number(settlement.run(id, net + vat, userId, shanghai(settled)).lastInsertRowid)
          invoices += 1
          const inv = Number(invoice.run(`INV${String(invoices).padStart(10, '0')}`, s, id, net, vat, net + vat, `CLAIM${n}`, shanghai(settled), userId).lastInsertRowid)
          // Insurers pay within weeks; the recent ones are still open.
          const paidAt = settled + rng.int(3, 40) * DAY
          if (paidAt < endMs) payment.run(inv, net + vat, shanghai(paidAt), userId)
        }
      }
    })
  }

  // Fill rate: each request is an (RO, part) pair, over the last 90 days.
  const request = store.prepare(
    `INSERT OR IGNORE INTO part_requests (ro_id, part_id, requested_milli, first_at, served_from_stock, user_id) VALUES (?, ?, 1000, ?, ?, ?)`,
  )
  store.tx(() => {
    for (let i = 0; i < size.requests; i++) {
      const roIndex = size.ros - 1 - (i % Math.max(1, Math.floor(size.ros / 8)))
      request.run(roIds[roIndex]!, partIds[rng.int(0, partIds.length - 1)]!, shanghai(endMs - rng.int(0, 90) * DAY), rng.chance(0.97) ? 1 : 0, userId)
    }
  })

  // An open stocktake of the first parts, counted with a few differences.
  store.tx(() => {
    const st = Number(
      store
        .prepare(`INSERT INTO stocktakes (number, scope, state, frozen_move_id, created_by, created_at, updated_at) VALUES ('ST-BENCH', 'all', 'counting', 0, ?, ?, ?)`)
        .run(userId, now, now).lastInsertRowid,
    )
    store
      .prepare(
        `INSERT INTO stocktake_lines (stocktake_id, part_id, book_milli, book_value_fen, unit_cost_fen, counted_milli)
         SELECT ?, part_id, on_hand_milli, value_fen, avg_cost_fen, on_hand_milli - CASE WHEN part_id % 50 = 0 THEN 1000 ELSE 0 END
           FROM part_stock WHERE on_hand_milli >= 1000 ORDER BY part_id LIMIT ?`,
      )
      .run(st, size.stocktakeLines)
  })
  return { roIds }
}

/** The counter's generator keeps only the last move per part; the rules also read the last issue and receipt. */
export function fillLastIssueAndReceipt(store: Store): void {
  store.tx(() =>
    store.sqlite.exec(`
      UPDATE part_stock SET
        last_issue_at = (SELECT MAX(m.at) FROM stock_moves m WHERE m.part_id = part_stock.part_id AND m.kind = 'issue'),
        last_receipt_at = (SELECT MAX(m.at) FROM stock_moves m WHERE m.part_id = part_stock.part_id AND m.kind = 'receipt')`),
  )
}
