import type { Ctx, UserCtx } from '../api/context'
import { AppError, fieldError, notFound } from '../api/app-error'
import { addAtValue, formatMilli, shareOf } from '../../shared/domain/stock'
import type { Store } from '../store/open'
import type { In, Out } from './types'
import { ISSUE_STATES, partBasics } from './part-rows'
import { postMove, stockOf, takeOutOrRefuse, type PostedMove } from './ledger'
import { moveById } from './moves'

// The parts counter (发料): an RO's part lines as a pick list sorted by bin, issue and return
// against them, and the record of requests the shelf could not meet (the fill rate's source).
// RO lines are summed per part: saving an estimate replaces its lines, the parts stay.

type PickList = Out<'parts.pickList'>
export type ShortageOutcome = In<'parts.recordShortage'>['outcome']
/** Once an RO is invoiced its parts stay on it; before that (even cancelled) they can come back. */
const CLOSED_FOR_RETURN: readonly string[] = ['settled', 'delivered']

interface RoHead {
  id: number
  number: string
  state: string
  customer_id: number
  customer_name: string
  plate: string | null
  model: string
}

export function loadRoHead(store: Store, roId: number): RoHead {
  const ro = store
    .prepare(
      `SELECT o.id, o.number, o.state, o.customer_id, c.name AS customer_name, v.plate, v.model
         FROM repair_orders o JOIN customers c ON c.id = o.customer_id JOIN vehicles v ON v.id = o.vehicle_id WHERE o.id = ?`,
    )
    .get(roId) as RoHead | undefined
  if (!ro) throw notFound('entity.repairOrder', roId)
  return ro
}

interface PickRow {
  part_id: number
  part_number: string
  name: string
  unit: string
  bin: string | null
  requested: number
  issued: number
  on_hand: number
  served: number | null
  outcome: 'lost_sale' | 'special_order' | 'external_purchase' | null
}

export function pickList(ctx: Ctx, input: In<'parts.pickList'>): PickList {
  const ro = loadRoHead(ctx.store, input.roId)
  // Parts on the estimate, plus parts issued that have since left it (they can come back).
  const rows = ctx.store
    .prepare(
      `WITH wanted AS (
         SELECT part_id, SUM(quantity_milli) AS requested FROM ro_lines WHERE ro_id = @ro AND kind = 'part' GROUP BY part_id
         UNION ALL SELECT part_id, 0 FROM ro_part_issues WHERE ro_id = @ro
       ), per_part AS (SELECT part_id, SUM(requested) AS requested FROM wanted GROUP BY part_id)
       SELECT w.part_id, p.part_number, p.name, p.unit, p.bin, w.requested, COALESCE(i.issued_milli, 0) AS issued,
              COALESCE(s.on_hand_milli, 0) AS on_hand, r.served_from_stock AS served, r.outcome
         FROM per_part w JOIN parts p ON p.id = w.part_id
         LEFT JOIN ro_part_issues i ON i.ro_id = @ro AND i.part_id = w.part_id
         LEFT JOIN part_stock s ON s.part_id = w.part_id
         LEFT JOIN part_requests r ON r.ro_id = @ro AND r.part_id = w.part_id
        ORDER BY p.bin IS NULL, p.bin, p.part_key`,
    )
    .all({ ro: input.roId }) as PickRow[]
  return {
    ro: { id: ro.id, number: ro.number, state: ro.state, plate: ro.plate, model: ro.model, customerName: ro.customer_name, customerId: ro.customer_id },
    lines: rows.map((r) => ({
      partId: r.part_id,
      partNumber: r.part_number,
      name: r.name,
      unit: r.unit,
      bin: r.bin,
      requestedMilli: r.requested,
      issuedMilli: r.issued,
      outstandingMilli: r.requested - r.issued,
      onHandMilli: r.on_hand,
      servedFromStock: r.served === null ? null : r.served === 1,
      outcome: r.outcome,
    })),
  }
}

function requestedOnRo(store: Store, roId: number, partId: number): number {
  const row = store.prepare(`SELECT COALESCE(SUM(quantity_milli), 0) AS q FROM ro_lines WHERE ro_id = ? AND part_id = ? AND kind = 'part'`).get(roId, partId) as { q: number }
  return row.q
}

function issuedOnRo(store: Store, roId: number, partId: number): { issued: number; value: number } {
  const row = store.prepare('SELECT issued_milli, issued_value_fen FROM ro_part_issues WHERE ro_id = ? AND part_id = ?').get(roId, partId) as
    | { issued_milli: number; issued_value_fen: number }
    | undefined
  return { issued: row?.issued_milli ?? 0, value: row?.issued_value_fen ?? 0 }
}

function recordIssued(ctx: UserCtx, roId: number, partId: number, deltaMilli: number, deltaFen: number): void {
  const now = ctx.nowIso()
  if (deltaMilli < 0) {
    // A return: the row exists (nothing comes back that was not issued), and an INSERT of the
    // negative delta would trip the CHECK before the upsert could turn it into an update.
    ctx.store
      .prepare('UPDATE ro_part_issues SET issued_milli = issued_milli + ?, issued_value_fen = issued_value_fen + ?, last_issue_at = ? WHERE ro_id = ? AND part_id = ?')
      .run(deltaMilli, deltaFen, now, roId, partId)
    return
  }
  ctx.store
    .prepare(
      `INSERT INTO ro_part_issues (ro_id, part_id, issued_milli, issued_value_fen, first_issue_at, last_issue_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (ro_id, part_id) DO UPDATE SET issued_milli = issued_milli + excluded.issued_milli,
         issued_value_fen = issued_value_fen + excluded.issued_value_fen, last_issue_at = excluded.last_issue_at`,
    )
    .run(roId, partId, deltaMilli, deltaFen, now, now)
}

/** The first time the counter handles a part of an RO decides whether the shelf met the request. */
function recordFirstRequest(ctx: UserCtx, roId: number, partId: number, requested: number, servedInFull: boolean): void {
  ctx.store
    .prepare(
      `INSERT INTO part_requests (ro_id, part_id, requested_milli, first_at, served_from_stock, user_id) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (ro_id, part_id) DO NOTHING`,
    )
    .run(roId, partId, requested, ctx.nowIso(), servedInFull ? 1 : 0, ctx.user.id)
}

export function issueToRo(ctx: UserCtx, input: In<'parts.issue'>): Out<'parts.issue'> {
  const ro = loadRoHead(ctx.store, input.roId)
  if (!(ISSUE_STATES as readonly string[]).includes(ro.state)) {
    throw new AppError('INVALID_STATE', ro.state === 'estimate' ? 'parts.roNotIssuable' : 'parts.roClosedForIssue', { number: ro.number, state: `roState.${ro.state}` })
  }
  const moves: PostedMove[] = []
  input.lines.forEach((line, i) => {
    const part = partBasics(ctx.store, line.partId)
    const requested = requestedOnRo(ctx.store, ro.id, part.id)
    if (requested === 0) throw fieldError('VALIDATION', `lines.${i}.partId`, 'parts.notOnRo', { partNumber: part.partNumber })
    const { issued } = issuedOnRo(ctx.store, ro.id, part.id)
    if (line.quantityMilli > requested - issued) {
      throw fieldError('VALIDATION', `lines.${i}.quantityMilli`, 'parts.exceedsOutstanding', { partNumber: part.partNumber, outstanding: formatMilli(requested - issued) })
    }
    const before = stockOf(ctx.store, part.id)
    const effect = takeOutOrRefuse(before, line.quantityMilli, part.partNumber)
    recordFirstRequest(ctx, ro.id, part.id, requested, issued === 0 && line.quantityMilli === requested)
    const move = postMove(ctx, part.id, 'issue', before, effect, { refType: 'ro', refId: ro.id, bin: part.bin, reason: ro.number })
    recordIssued(ctx, ro.id, part.id, line.quantityMilli, -effect.valueFen)
    moves.push(move)
  })
  // The cashier's screen shows what is still to issue: it follows the counter.
  ctx.events.emit({ type: 'ro.parts', id: ro.id })
  return { moves: moves.map((m) => moveById(ctx.store, m.id)), pickList: pickList(ctx, { roId: ro.id }) }
}

export function returnFromRo(ctx: UserCtx, input: In<'parts.return'>): Out<'parts.return'> {
  const ro = loadRoHead(ctx.store, input.roId)
  if (CLOSED_FOR_RETURN.includes(ro.state)) {
    throw new AppError('INVALID_STATE', 'parts.roClosedForReturn', { number: ro.number, state: `roState.${ro.state}` })
  }
  const moves: PostedMove[] = []
  input.lines.forEach((line, i) => {
    const part = partBasics(ctx.store, line.partId)
    const { issued, value } = issuedOnRo(ctx.store, ro.id, part.id)
    if (line.quantityMilli > issued) {
      throw fieldError('VALIDATION', `lines.${i}.quantityMilli`, 'parts.returnExceedsIssued', { partNumber: part.partNumber, issued: formatMilli(issued) })
    }
    // Back at the value it went out at, so the RO's parts cost reverses to the fen.
    const valueFen = shareOf(value, issued, line.quantityMilli)
    const before = stockOf(ctx.store, part.id)
    const effect = addAtValue(before, line.quantityMilli, valueFen)
    const move = postMove(ctx, part.id, 'return', before, effect, { refType: 'ro', refId: ro.id, bin: part.bin, reason: input.reason })
    recordIssued(ctx, ro.id, part.id, -line.quantityMilli, -valueFen)
    moves.push(move)
  })
  // The cashier's screen shows what is still to issue: it follows the counter.
  ctx.events.emit({ type: 'ro.parts', id: ro.id })
  return { moves: moves.map((m) => moveById(ctx.store, m.id)), pickList: pickList(ctx, { roId: ro.id }) }
}

/**
 * Records why an RO's part could not come off the shelf (lost sale, special order, external
 * purchase); the first request counts as not served from stock. Used by the counter and by
 * purchasing when a special order or an external purchase is raised for an RO.
 */
export function noteShortage(ctx: UserCtx, roId: number, partId: number, outcome: ShortageOutcome, note: string): void {
  const part = partBasics(ctx.store, partId)
  const requested = requestedOnRo(ctx.store, roId, part.id)
  if (requested === 0) throw fieldError('VALIDATION', 'partId', 'parts.notOnRo', { partNumber: part.partNumber })
  const { issued } = issuedOnRo(ctx.store, roId, part.id)
  if (issued >= requested) throw new AppError('INVALID_STATE', 'parts.nothingOutstanding', { partNumber: part.partNumber })
  recordFirstRequest(ctx, roId, part.id, requested, false)
  ctx.store
    .prepare('UPDATE part_requests SET outcome = ?, outcome_at = ?, note = ? WHERE ro_id = ? AND part_id = ?')
    .run(outcome, ctx.nowIso(), note, roId, part.id)
  ctx.audit({ action: 'parts.shortage', entity: 'repair_order', entityId: roId, detail: { partId: part.id, outcome, requested, issued } })
  ctx.events.emit({ type: 'ro.parts', id: roId })
}

export function recordShortage(ctx: UserCtx, input: In<'parts.recordShortage'>): Out<'parts.recordShortage'> {
  const ro = loadRoHead(ctx.store, input.roId)
  noteShortage(ctx, ro.id, input.partId, input.outcome, input.note)
  return pickList(ctx, { roId: ro.id })
}

export function counterQueue(ctx: Ctx, input: In<'parts.counterQueue'>): Out<'parts.counterQueue'> {
  const states = `('${ISSUE_STATES.join("','")}')`
  const rows = ctx.store
    .prepare(
      `WITH wanted AS (
         SELECT l.ro_id, l.part_id, SUM(l.quantity_milli) AS requested
           FROM repair_orders o JOIN ro_lines l ON l.ro_id = o.id
          WHERE o.state IN ${states} AND l.kind = 'part' GROUP BY l.ro_id, l.part_id)
       SELECT o.id, o.number, o.state, v.plate, v.model, o.opened_at, COUNT(*) AS outstanding
         FROM wanted w LEFT JOIN ro_part_issues i ON i.ro_id = w.ro_id AND i.part_id = w.part_id
         JOIN repair_orders o ON o.id = w.ro_id JOIN vehicles v ON v.id = o.vehicle_id
        WHERE w.requested > COALESCE(i.issued_milli, 0)
        GROUP BY o.id ORDER BY o.opened_at LIMIT ?`,
    )
    .all(input.limit) as { id: number; number: string; state: string; plate: string | null; model: string; opened_at: string; outstanding: number }[]
  return rows.map((r) => ({ roId: r.id, number: r.number, state: r.state, plate: r.plate, model: r.model, openedAt: r.opened_at, outstandingLines: r.outstanding }))
}


