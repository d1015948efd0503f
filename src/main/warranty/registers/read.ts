import type { Ctx } from '../../api/context'
import { notFound } from '../../api/app-error'
import { registerActionsFrom } from '../../../shared/domain/warranty-register'
import { all, first } from '../../store/query'
import type { In, Out } from './types'

// Reading the registers: the list (filtered by kind, state and a search over number, VIN, plate,
// RO and claim number) and one entry with its status log.

function rowsQuery(ctx: Ctx) {
  return ctx.store.db
    .selectFrom('warranty_registers as g')
    .innerJoin('vehicles as v', 'v.id', 'g.vehicle_id')
    .leftJoin('repair_orders as r', 'r.id', 'g.ro_id')
    .leftJoin('warranty_claims as c', 'c.id', 'g.claim_id')
    .select([
      'g.id',
      'g.kind',
      'g.number',
      'g.state',
      'g.version',
      'r.number as ro_number',
      'v.vin',
      'v.plate',
      'c.number as claim_number',
      'g.requested_fen',
      'g.approved_fen',
      'g.maker_ref',
      'g.part_text',
      'g.failure',
      'g.occurrences',
      'g.severity',
      'g.note',
      'g.submitted_at',
      'g.updated_at',
    ])
}
type StoreRow = Awaited<ReturnType<ReturnType<typeof rowsQuery>['executeTakeFirstOrThrow']>>

const rowOut = (r: StoreRow): Out<'warranty.register.list'>[number] => ({
  id: r.id,
  kind: r.kind,
  number: r.number,
  state: r.state,
  version: r.version,
  roNumber: r.ro_number,
  vin: r.vin,
  plate: r.plate,
  claimNumber: r.claim_number,
  requestedFen: r.requested_fen,
  approvedFen: r.approved_fen,
  makerRef: r.maker_ref,
  partText: r.part_text,
  failure: r.failure,
  occurrences: r.occurrences,
  severity: r.severity,
  note: r.note,
  submittedAt: r.submitted_at,
  updatedAt: r.updated_at,
})

/** The rows of the filter, newest change first. */
export function filteredRows(ctx: Ctx, input: Omit<In<'warranty.register.list'>, 'limit'>, limit: number) {
  let q = rowsQuery(ctx)
  if (input.kind) q = q.where('g.kind', '=', input.kind)
  if (input.state) q = q.where('g.state', '=', input.state)
  if (input.q) {
    const like = `%${input.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`
    q = q.where((eb) =>
      eb.or([
        eb('g.number', 'like', like),
        eb('v.vin', 'like', like),
        eb('v.plate', 'like', like),
        eb('r.number', 'like', like),
        eb('c.number', 'like', like),
      ]),
    )
  }
  return all(ctx.store, q.orderBy('g.updated_at', 'desc').orderBy('g.id', 'desc').limit(limit)).map(rowOut)
}

export function listRegisters(ctx: Ctx, input: In<'warranty.register.list'>): Out<'warranty.register.list'> {
  return filteredRows(ctx, input, input.limit)
}

export function getRegister(ctx: Ctx, id: number): Out<'warranty.register.get'> {
  const row = first(ctx.store, rowsQuery(ctx).where('g.id', '=', id))
  if (!row) throw notFound('entity.warrantyRegister', id)
  const more = first(
    ctx.store,
    ctx.store.db
      .selectFrom('warranty_registers as g')
      .innerJoin('vehicles as v', 'v.id', 'g.vehicle_id')
      .innerJoin('customers as cu', 'cu.id', 'v.owner_id')
      .innerJoin('users as u', 'u.id', 'g.created_by')
      .select(['g.ro_id', 'g.vehicle_id', 'g.claim_id', 'v.make', 'v.model', 'cu.name as customer_name', 'g.submissions', 'g.decided_at', 'u.display_name as created_by', 'g.created_at'])
      .where('g.id', '=', id),
  )!
  const log = all(
    ctx.store,
    ctx.store.db
      .selectFrom('warranty_register_log as l')
      .innerJoin('users as u', 'u.id', 'l.user_id')
      .select(['l.from_state', 'l.to_state', 'l.at', 'u.display_name', 'l.reason'])
      .where('l.register_id', '=', id)
      .orderBy('l.id'),
  )
  return {
    ...rowOut(row),
    roId: more.ro_id,
    vehicleId: more.vehicle_id,
    claimId: more.claim_id,
    make: more.make,
    model: more.model,
    customerName: more.customer_name,
    submissions: more.submissions,
    decidedAt: more.decided_at,
    createdBy: more.created_by,
    createdAt: more.created_at,
    actions: registerActionsFrom(row.state),
    log: log.map((l) => ({ fromState: l.from_state, toState: l.to_state, at: l.at, user: l.display_name, reason: l.reason })),
  }
}
