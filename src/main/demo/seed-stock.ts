import { receive, takeOut, type MoveEffect, type StockState } from '../../shared/domain/stock'
import { postMove, stockOf, type MoveMeta } from '../parts/ledger'
import { nextNumber } from '../parts/next-number'
import { shiftIso } from './local-time'
import type { Sim } from './sim-ctx'
import type { World } from './world'
import { all } from '../store/query'

// The parts ledger since the day the store went live: opening stock by receipt, every part line
// of the repair orders since then issued at the counter shortly after check-in, a weekly stock
// order (a closed PO per supplier) topping up what fell below its safety level, and urgent
// orders when the shelf could not serve a car. Replayed in time order through the ledger's own
// postMove, so stock_moves and part_stock agree the way the counter keeps them.

const MIN = 60_000
const UNIT = 1000
/** Monthly demand (thousandths) from which a part is on the shelf from the start. */
const RARE = 80
/** The safety level's window: three months of issues. */
const WINDOW = 91 * 86_400_000

export interface StockPlan {
  /** The day the ledger starts: opening stock is received that morning. */
  goLiveDay: number
  /** Parts today's cars will take from the shelf: at least that much is kept for them. */
  needs: Map<number, number>
  /** Parts a car in the shop is waiting for: backordered, and the shelf is empty. */
  missing: Set<number>
}

interface Part {
  cost: number
  bin: string | null
  supplier: number | null
  /** Opening stock in thousandths. */
  opening: number
}

interface Issue {
  roId: number
  number: string
  partId: number
  q: number
  ms: number
  iso: string
}

const wholeUnits = (milli: number) => Math.ceil(milli / UNIT) * UNIT
/** The weekly order of a part below its safety level: up to two months of issues, whole units. */
const orderFor = (safety: number, have: number) => Math.max(UNIT, wholeUnits((safety * 4) / 3) - have)

/** Replays the ledger; returns the parts below their safety level now (what the next order needs). */
export function seedStock(w: World, sim: Sim, supplierOf: Map<number, number>, plan: StockPlan): { partId: number; quantityMilli: number; supplierId: number; costFen: number }[] {
  const { store, rng, cal } = w
  const clerk = sim.as('parts1')
  const buyer = sim.as('partsup')
  const liveFrom = cal.iso(plan.goLiveDay + 1, 0)
  // raw SQL: bulk generator speed — one read of the whole generated history (thousands of rows)
  const rows = store
    .prepare(
      `SELECT r.id, r.number, r.opened_at, r.completed_at, l.part_id, sum(l.quantity_milli) AS q
         FROM repair_orders r JOIN ro_lines l ON l.ro_id = r.id
        WHERE l.kind = 'part' AND r.opened_at >= ? AND r.state IN ('ready', 'settled', 'delivered')
        GROUP BY r.id, l.part_id ORDER BY r.opened_at, r.id`,
    )
    .all(liveFrom) as { id: number; number: string; opened_at: string; completed_at: string | null; part_id: number; q: number }[]
  const issues: Issue[] = rows.map((r) => {
    const opened = Date.parse(r.opened_at)
    let minutes = 25 + rng.int(0, 20)
    if (r.completed_at !== null) minutes = Math.max(1, Math.min(minutes, Math.floor((Date.parse(r.completed_at) - opened) / MIN) - 1))
    return { roId: r.id, number: r.number, partId: r.part_id, q: r.q, ms: opened + minutes * MIN, iso: shiftIso(r.opened_at, minutes) }
  })
  issues.sort((a, b) => a.ms - b.ms)

  // Opening levels from the year's demand: 2.5 months of issues for parts that sell every month
  // or so, one on the shelf for those asked for a few times a year; dear parts (bumpers, lamps,
  // compressors) only when they sell every few months.
  const months = Math.max(1, -plan.goLiveDay / 30.44)
  const demand = new Map<number, number>()
  for (const i of issues) demand.set(i.partId, (demand.get(i.partId) ?? 0) + i.q)
  const parts = new Map<number, Part>()
  for (const p of all(store, store.db.selectFrom('parts').select(['id', 'cost_fen', 'bin']).orderBy('id'))) {
    const monthly = (demand.get(p.id) ?? 0) / months
    const kept = monthly >= (p.cost_fen > 80_000 ? 4 * RARE : RARE)
    parts.set(p.id, { cost: p.cost_fen, bin: p.bin, supplier: supplierOf.get(p.id) ?? null, opening: kept ? Math.max(UNIT, wholeUnits(2.5 * monthly)) : 0 })
  }
  // The manual's safety level, as the rules engine computes it: 1.5 × the average monthly issues
  // of the last three months (= half of them, rounded half up); the weekly order tops up to 2.
  const recent = new Map<number, Issue[]>()
  const safetyAt = (id: number, ms: number): number => {
    const list = recent.get(id)
    if (!list) return 0
    while (list.length > 0 && list[0]!.ms < ms - WINDOW) list.shift()
    if (list.length === 0) recent.delete(id)
    return Math.floor((list.reduce((sum, i) => sum + i.q, 0) + 1) / 2)
  }
  const partOf = (id: number) => parts.get(id)!

  // A few parts the maker cannot deliver lately: they run down to empty bins.
  const backordered = new Map<number, number>()
  const moving = [...demand.keys()].sort((a, b) => a - b)
  for (let k = Math.max(3, Math.min(40, Math.round(moving.length / 50))); k > 0 && moving.length > 0; k--) backordered.set(rng.pick(moving), -35)
  for (const id of plan.missing) backordered.set(id, -40)

  /** Shelf parts the counter emptied since the last weekly order. */
  const emptied = new Set<number>()
  const post = (partId: number, kind: 'receipt' | 'issue' | 'adjustment', effectOf: (before: StockState) => MoveEffect, meta: Omit<MoveMeta, 'bin'>) => {
    const before = stockOf(store, partId)
    return postMove(clerk, partId, kind, before, effectOf(before), { ...meta, bin: partOf(partId).bin })
  }
  const price = (partId: number) => Math.round((partOf(partId).cost * (97 + rng.int(0, 6))) / 100)

  // Opening stock: every part kept on the shelf, and a few cheap ones nobody has asked for since
  // (the slow movers). Parts kept on no shelf are ordered when a car needs them: they have no bin.
  const openingIso = cal.iso(plan.goLiveDay, 9 * 60)
  sim.clock.set(Date.parse(openingIso), openingIso)
  const opening: [number, number][] = []
  // raw SQL: bulk generator speed — prepared once, run for every generated row
  const noBin = store.prepare('UPDATE parts SET bin = NULL WHERE id = ?')
  for (const [id, p] of parts) {
    const qty = p.opening > 0 ? p.opening : p.bin !== null && p.cost < 20_000 && rng.chance(0.05) ? UNIT : 0
    if (qty > 0) opening.push([id, qty])
    else if (p.bin !== null) {
      noBin.run(id)
      p.bin = null
    }
  }
  for (const [id, qty] of opening) post(id, 'receipt', (s) => receive(s, qty, partOf(id).cost), { refType: 'manual', refId: null, reason: '期初库存（系统上线）' })

  // raw SQL: bulk generator speed — prepared once, run for every generated row
  const insertPo = store.prepare(
    `INSERT INTO purchase_orders (number, supplier_id, state, note, created_by, created_at, sent_at, closed_at, updated_at, version)
     VALUES (?, ?, 'closed', '每周补货订单', ?, ?, ?, ?, ?, 3)`,
  )
  // raw SQL: bulk generator speed — prepared once, run for every generated row
  const insertReceipt = store.prepare('INSERT INTO po_receipts (po_id, at, user_id, note) VALUES (?, ?, ?, ?)')
  // raw SQL: bulk generator speed — prepared once, run for every generated row
  const insertPoLine = store.prepare(`INSERT INTO po_lines (po_id, part_id, quantity_milli, unit_cost_fen, received_milli, note) VALUES (?, ?, ?, ?, ?, '')`)
  // raw SQL: bulk generator speed — prepared once, run for every generated row
  const insertReceiptLine = store.prepare(
    `INSERT INTO po_receipt_lines (receipt_id, po_line_id, expected_milli, received_milli, unit_cost_fen, note, move_id) VALUES (?, ?, ?, ?, ?, '', ?)`,
  )

  /** The weekly order, ordered on Monday from the parts below safety and received on `day`. */
  function weeklyReceipt(day: number, iso: string): void {
    const bySupplier = new Map<number, [number, number][]>()
    const at = Date.parse(iso)
    for (const id of [...new Set([...recent.keys(), ...emptied])].sort((a, b) => a - b)) {
      const p = partOf(id)
      const safety = safetyAt(id, at)
      const have = stockOf(store, id).onHandMilli
      // A part with a bin keeps at least one on its shelf; a dear part without one that sold only
      // once lately is ordered again when a car needs it, not for the shelf.
      const wanted = p.bin !== null ? have < Math.max(safety, 1) : have < safety && !(safety <= UNIT && p.cost > 40_000)
      if (p.supplier === null || (backordered.get(id) ?? 1) <= day || !wanted) continue
      emptied.delete(id)
      bySupplier.set(p.supplier, [...(bySupplier.get(p.supplier) ?? []), [id, orderFor(safety, have)]])
    }
    const ordered = cal.iso(day - 2, 16 * 60)
    for (const [supplierId, ids] of bySupplier) {
      const number = nextNumber(buyer, 'PO', cal.year(day - 2))
      const poId = Number(insertPo.run(number, supplierId, buyer.user.id, ordered, shiftIso(ordered, 30), iso, iso).lastInsertRowid)
      const receiptId = Number(insertReceipt.run(poId, iso, clerk.user.id, '').lastInsertRowid)
      for (const [id, qty] of ids) {
        const cost = price(id)
        const move = post(id, 'receipt', (s) => receive(s, qty, cost), { refType: 'po', refId: poId, reason: number })
        const lineId = Number(insertPoLine.run(poId, id, qty, cost, qty).lastInsertRowid)
        insertReceiptLine.run(receiptId, lineId, qty, qty, cost, move.id)
      }
    }
  }

  /** Three days ago: stock put by for the cars now in the shop, and the damaged box of the missing part written off. */
  function prepare(): void {
    for (const [id, need] of plan.needs) {
      const want = need + safetyAt(id, sim.clock.ms)
      const have = stockOf(store, id).onHandMilli
      if (have < want) post(id, 'receipt', (s) => receive(s, wholeUnits(want - have), partOf(id).cost), { refType: 'manual', refId: null, reason: '在修车辆备件到货' })
    }
    for (const id of plan.missing) {
      const have = stockOf(store, id).onHandMilli
      if (have > 0) post(id, 'adjustment', (s) => takeOut(s, have), { refType: 'manual', refId: null, reason: '包装破损，报废' })
    }
  }

  // raw SQL: bulk generator speed — prepared once, run for every generated row
  const insertIssue = store.prepare(
    `INSERT INTO ro_part_issues (ro_id, part_id, issued_milli, issued_value_fen, first_issue_at, last_issue_at) VALUES (?, ?, ?, ?, ?, ?)`,
  )
  // raw SQL: bulk generator speed — prepared once, run for every generated row
  const insertRequest = store.prepare(
    `INSERT INTO part_requests (ro_id, part_id, requested_milli, first_at, served_from_stock, outcome, outcome_at, note, user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  function issue(i: Issue): void {
    sim.clock.set(i.ms, i.iso)
    const have = stockOf(store, i.partId).onHandMilli
    const short = have < i.q
    // The shelf could not serve the car: an urgent order came in for it (not served from stock).
    if (short) post(i.partId, 'receipt', (s) => receive(s, wholeUnits(i.q - have), price(i.partId)), { refType: 'manual', refId: null, reason: `急件订货到货 ${i.number}` })
    const move = post(i.partId, 'issue', (s) => takeOut(s, i.q), { refType: 'ro', refId: i.roId, reason: i.number })
    insertIssue.run(i.roId, i.partId, i.q, -move.valueFen, i.iso, i.iso)
    insertRequest.run(i.roId, i.partId, i.q, i.iso, short ? 0 : 1, short ? 'special_order' : null, short ? i.iso : null, short ? '缺货急订' : '', clerk.user.id)
    const list = recent.get(i.partId)
    if (list) list.push(i)
    else recent.set(i.partId, [i])
    if (move.after.onHandMilli === 0 && partOf(i.partId).bin !== null) emptied.add(i.partId)
  }

  const ticks: { ms: number; iso: string; run: () => void }[] = []
  for (let d = plan.goLiveDay + 7; d <= -1; d += 7) {
    const iso = cal.iso(d, 10 * 60)
    const day = d
    ticks.push({ ms: Date.parse(iso), iso, run: () => weeklyReceipt(day, iso) })
  }
  const prepIso = cal.iso(Math.max(plan.goLiveDay + 1, -3), 9 * 60 + 30)
  ticks.push({ ms: Date.parse(prepIso), iso: prepIso, run: prepare })
  ticks.sort((a, b) => a.ms - b.ms)
  let t = 0
  for (const i of issues) {
    for (; t < ticks.length && ticks[t]!.ms <= i.ms; t++) {
      sim.clock.set(ticks[t]!.ms, ticks[t]!.iso)
      ticks[t]!.run()
    }
    issue(i)
  }
  for (; t < ticks.length; t++) {
    sim.clock.set(ticks[t]!.ms, ticks[t]!.iso)
    ticks[t]!.run()
  }

  const below: { partId: number; quantityMilli: number; supplierId: number; costFen: number }[] = []
  const nowMs = Date.parse(cal.iso(0, cal.nowMinute))
  for (const id of [...recent.keys()].sort((a, b) => a - b)) {
    const p = partOf(id)
    const safety = safetyAt(id, nowMs)
    const have = stockOf(store, id).onHandMilli
    if (have < safety && p.supplier !== null) below.push({ partId: id, quantityMilli: orderFor(safety, have), supplierId: p.supplier, costFen: p.cost })
  }
  return below
}
