import type { Ctx, UserCtx } from '../api/context'
import { AppError, fieldError, notFound } from '../api/app-error'
import { addAtValue, formatMilli, shareOf } from '../../shared/domain/stock'
import { sql } from 'kysely'
import type { Store } from '../store/open'
import { all, preparedQuery, run } from '../store/query'
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

// Issuing is a hot path the benchmark times: its queries are prepared once at module load.
const roHead = preparedQuery<{ id: number }>()((db, p) =>
  db
    .selectFrom('repair_orders as o')
    .innerJoin('customers as c', 'c.id', 'o.customer_id')
    .innerJoin('vehicles as v', 'v.id', 'o.vehicle_id')
    .select(['o.id', 'o.number', 'o.state', 'o.customer_id', 'c.name as customer_name', 'v.plate', 'v.model'])
    .where('o.id', '=', p.id),
)

export function loadRoHead(store: Store, roId: number) {
  const ro = roHead.first(store, { id: roId })
  if (!ro) throw notFound('entity.repairOrder', roId)
  return ro
}

// Parts on the estimate, plus parts issued that have since left it (they can come back).
const pickRows = preparedQuery<{ ro: number }>()((db, p) =>
  db
    .with('wanted', (db) =>
      db
        .selectFrom('ro_lines')
        .select(['part_id', sql<number>`SUM(quantity_milli)`.as('requested')])
        .where('ro_id', '=', p.ro)
        .where('kind', '=', 'part')
        .groupBy('part_id')
        .unionAll(db.selectFrom('ro_part_issues').select(['part_id', sql<number>`0`.as('requested')]).where('ro_id', '=', p.ro)),
    )
    .with('per_part', (db) => db.selectFrom('wanted').select(['part_id', sql<number>`SUM(requested)`.as('requested')]).groupBy('part_id'))
    .selectFrom('per_part as w')
    .innerJoin('parts as p', 'p.id', 'w.part_id')
    .leftJoin('ro_part_issues as i', (join) => join.on('i.ro_id', '=', p.ro).onRef('i.part_id', '=', 'w.part_id'))
    .leftJoin('part_stock as s', 's.part_id', 'w.part_id')
    .leftJoin('part_requests as r', (join) => join.on('r.ro_id', '=', p.ro).onRef('r.part_id', '=', 'w.part_id'))
    .select([
      'w.part_id',
      'p.part_number',
      'p.name',
      'p.unit',
      'p.bin',
      'w.requested',
      sql<number>`COALESCE(i.issued_milli, 0)`.as('issued'),
      sql<number>`COALESCE(s.on_hand_milli, 0)`.as('on_hand'),
      'r.served_from_stock as served',
      'r.outcome',
    ])
    .orderBy(sql`p.bin IS NULL`)
    .orderBy('p.bin')
    .orderBy('p.part_key')
    .$narrowType<{ part_id: number }>(),
)

const requestedQuery = preparedQuery<{ roId: number; partId: number }>()((db, p) =>
  db
    .selectFrom('ro_lines')
    .select(sql<number>`COALESCE(SUM(quantity_milli), 0)`.as('q'))
    .where('ro_id', '=', p.roId)
    .where('part_id', '=', p.partId)
    .where('kind', '=', 'part'),
)
const issuedQuery = preparedQuery<{ roId: number; partId: number }>()((db, p) =>
  db.selectFrom('ro_part_issues').select(['issued_milli', 'issued_value_fen']).where('ro_id', '=', p.roId).where('part_id', '=', p.partId),
)
type IssuedDelta = { roId: number; partId: number; deltaMilli: number; deltaFen: number; now: string }
const returnIssued = preparedQuery<IssuedDelta>()((db, p) =>
  db
    .updateTable('ro_part_issues')
    .set({
      issued_milli: sql<number>`issued_milli + ${p.deltaMilli}`,
      issued_value_fen: sql<number>`issued_value_fen + ${p.deltaFen}`,
      last_issue_at: p.now,
    })
    .where('ro_id', '=', p.roId)
    .where('part_id', '=', p.partId),
)
const addIssued = preparedQuery<IssuedDelta>()((db, p) =>
  db
    .insertInto('ro_part_issues')
    .values({ ro_id: p.roId, part_id: p.partId, issued_milli: p.deltaMilli, issued_value_fen: p.deltaFen, first_issue_at: p.now, last_issue_at: p.now })
    .onConflict((oc) =>
      oc.columns(['ro_id', 'part_id']).doUpdateSet({
        issued_milli: sql<number>`issued_milli + excluded.issued_milli`,
        issued_value_fen: sql<number>`issued_value_fen + excluded.issued_value_fen`,
        last_issue_at: (eb) => eb.ref('excluded.last_issue_at'),
      }),
    ),
)
const firstRequest = preparedQuery<{ roId: number; partId: number; requested: number; at: string; served: number; userId: number }>()((db, p) =>
  db
    .insertInto('part_requests')
    .values({ ro_id: p.roId, part_id: p.partId, requested_milli: p.requested, first_at: p.at, served_from_stock: p.served, user_id: p.userId })
    .onConflict((oc) => oc.columns(['ro_id', 'part_id']).doNothing()),
)

export function pickList(ctx: Ctx, input: In<'parts.pickList'>): PickList {
  const ro = loadRoHead(ctx.store, input.roId)
  const rows = pickRows.all(ctx.store, { ro: input.roId })
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
  return requestedQuery.first(store, { roId, partId })!.q
}

function issuedOnRo(store: Store, roId: number, partId: number): { issued: number; value: number } {
  const row = issuedQuery.first(store, { roId, partId })
  return { issued: row?.issued_milli ?? 0, value: row?.issued_value_fen ?? 0 }
}

function recordIssued(ctx: UserCtx, roId: number, partId: number, deltaMilli: number, deltaFen: number): void {
  const now = ctx.nowIso()
  if (deltaMilli < 0) {
    // A return: the row exists (nothing comes back that was not issued), and an INSERT of the
    // negative delta would trip the CHECK before the upsert could turn it into an update.
    returnIssued.run(ctx.store, { roId, partId, deltaMilli, deltaFen, now })
    return
  }
  addIssued.run(ctx.store, { roId, partId, deltaMilli, deltaFen, now })
}

/** The first time the counter handles a part of an RO decides whether the shelf met the request. */
function recordFirstRequest(ctx: UserCtx, roId: number, partId: number, requested: number, servedInFull: boolean): void {
  firstRequest.run(ctx.store, { roId, partId, requested, at: ctx.nowIso(), served: servedInFull ? 1 : 0, userId: ctx.user.id })
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
  run(ctx.store, ctx.store.db.updateTable('part_requests').set({ outcome, outcome_at: ctx.nowIso(), note }).where('ro_id', '=', roId).where('part_id', '=', part.id))
  ctx.audit({ action: 'parts.shortage', entity: 'repair_order', entityId: roId, detail: { partId: part.id, outcome, requested, issued } })
  ctx.events.emit({ type: 'ro.parts', id: roId })
}

export function recordShortage(ctx: UserCtx, input: In<'parts.recordShortage'>): Out<'parts.recordShortage'> {
  const ro = loadRoHead(ctx.store, input.roId)
  noteShortage(ctx, ro.id, input.partId, input.outcome, input.note)
  return pickList(ctx, { roId: ro.id })
}

export function counterQueue(ctx: Ctx, input: In<'parts.counterQueue'>): Out<'parts.counterQueue'> {
  const rows = all(
    ctx.store,
    ctx.store.db
      .with('wanted', (db) =>
        db
          .selectFrom('repair_orders as o')
          .innerJoin('ro_lines as l', 'l.ro_id', 'o.id')
          .select(['l.ro_id', 'l.part_id', sql<number>`SUM(l.quantity_milli)`.as('requested')])
          .where('o.state', 'in', ISSUE_STATES.map((state) => sql.lit(state)))
          .where('l.kind', '=', 'part')
          .groupBy(['l.ro_id', 'l.part_id']),
      )
      .selectFrom('wanted as w')
      .leftJoin('ro_part_issues as i', (join) => join.onRef('i.ro_id', '=', 'w.ro_id').onRef('i.part_id', '=', 'w.part_id'))
      .innerJoin('repair_orders as o', 'o.id', 'w.ro_id')
      .innerJoin('vehicles as v', 'v.id', 'o.vehicle_id')
      .select(['o.id', 'o.number', 'o.state', 'v.plate', 'v.model', 'o.opened_at', sql<number>`COUNT(*)`.as('outstanding')])
      .where(sql<boolean>`w.requested > COALESCE(i.issued_milli, 0)`)
      .groupBy('o.id')
      .orderBy('o.opened_at')
      .limit(input.limit),
  )
  return rows.map((r) => ({ roId: r.id, number: r.number, state: r.state, plate: r.plate, model: r.model, openedAt: r.opened_at, outstandingLines: r.outstanding }))
}


