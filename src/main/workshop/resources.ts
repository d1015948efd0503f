import type { Ctx, UserCtx } from '../api/context'
import { fieldError, notFound } from '../api/app-error'
import { sql, type InferResult, type Kysely, type Selectable } from 'kysely'
import type { Skill } from '../../shared/domain/workshop-resources'
import type { DB } from '../store/schema'
import { all, first, insertId, preparedQuery, run } from '../store/query'
import type { In, Out } from './rows'

// Technicians (users with the technician role, plus a workshop profile: skills, whether they may
// run several jobs at once) and bays (工位) with their kind.

export type TechnicianOut = Out<'workshop.saveTechnician'>

const selectTechnicians = (db: Kysely<DB>) =>
  db
    .selectFrom('users as u')
    .leftJoin('technicians as t', 't.user_id', 'u.id')
    .select((eb) => [
      'u.id',
      'u.display_name as name',
      'u.active',
      'u.role',
      't.allow_parallel',
      eb.selectFrom('technician_skills as s').select(sql<string>`group_concat(s.skill)`.as('skills')).whereRef('s.user_id', '=', 'u.id').as('skills'),
    ])

type TechnicianRow = InferResult<ReturnType<typeof selectTechnicians>>[number]

// Prepared once: the board lists the technicians' lanes on every read.
const techniciansList = preparedQuery()((db) =>
  selectTechnicians(db).where('u.role', '=', 'technician').orderBy('u.active', 'desc').orderBy('u.display_name').orderBy('u.id'),
)
const technicianById = preparedQuery<{ id: number }>()((db, p) => selectTechnicians(db).where('u.id', '=', p.id))

function technicianOut(row: TechnicianRow): TechnicianOut {
  return {
    id: row.id,
    name: row.name,
    active: row.active === 1,
    skills: row.skills ? (row.skills.split(',').sort() as Skill[]) : [],
    allowParallel: row.allow_parallel === 1,
  }
}

export function listTechnicians(ctx: Ctx): TechnicianOut[] {
  return techniciansList.all(ctx.store, {}).map(technicianOut)
}

/** A user jobs can be given to: an active technician. */
export function activeTechnician(ctx: Ctx, userId: number, field = 'technicianId'): TechnicianOut {
  const row = technicianById.first(ctx.store, { id: userId })
  if (!row) throw notFound('entity.technician', userId)
  if (row.role !== 'technician' || row.active !== 1) throw fieldError('VALIDATION', field, 'workshop.notTechnician', { name: row.name })
  return technicianOut(row)
}

export function saveTechnician(ctx: UserCtx, input: In<'workshop.saveTechnician'>): TechnicianOut {
  const before = activeTechnician(ctx, input.userId, 'userId')
  const now = ctx.nowIso()
  const db = ctx.store.db
  run(
    ctx.store,
    db
      .insertInto('technicians')
      .values({ user_id: input.userId, allow_parallel: input.allowParallel ? 1 : 0, updated_at: now })
      .onConflict((oc) => oc.column('user_id').doUpdateSet((eb) => ({ allow_parallel: eb.ref('excluded.allow_parallel'), updated_at: eb.ref('excluded.updated_at') }))),
  )
  run(ctx.store, db.deleteFrom('technician_skills').where('user_id', '=', input.userId))
  for (const skill of new Set(input.skills)) run(ctx.store, db.insertInto('technician_skills').values({ user_id: input.userId, skill }))
  const after = activeTechnician(ctx, input.userId, 'userId')
  ctx.audit({ action: 'workshop.saveTechnician', entity: 'technician', entityId: input.userId, detail: { before, after } })
  ctx.events.emit({ type: 'workshop.changed' })
  return after
}

export type BayOut = Out<'workshop.saveBay'>

const bayOut = (row: Pick<Selectable<DB['bays']>, 'id' | 'code' | 'name' | 'kind' | 'active'>): BayOut => ({ id: row.id, code: row.code, name: row.name, kind: row.kind, active: row.active === 1 })

export function listBays(ctx: Ctx): BayOut[] {
  return all(ctx.store, ctx.store.db.selectFrom('bays').select(['id', 'code', 'name', 'kind', 'active']).orderBy('active', 'desc').orderBy('code')).map(bayOut)
}

export function loadBay(ctx: Ctx, id: number): BayOut {
  const row = first(ctx.store, ctx.store.db.selectFrom('bays').select(['id', 'code', 'name', 'kind', 'active']).where('id', '=', id))
  if (!row) throw notFound('entity.bay', id)
  return bayOut(row)
}

export function saveBay(ctx: UserCtx, input: In<'workshop.saveBay'>): BayOut {
  const code = input.code.toUpperCase()
  const db = ctx.store.db
  const clash = first(ctx.store, db.selectFrom('bays').select('id').where('code', '=', code).where('id', 'is not', input.id ?? null))
  if (clash) throw fieldError('DUPLICATE', 'code', 'error.DUPLICATE', { entity: 'entity.bay', value: code })
  const now = ctx.nowIso()
  let id = input.id
  const before = id === undefined ? null : loadBay(ctx, id)
  if (id === undefined) {
    id = insertId(
      ctx.store,
      db.insertInto('bays').values({ code, name: input.name, kind: input.kind, active: input.active ? 1 : 0, created_at: now, updated_at: now }),
    )
  } else {
    run(
      ctx.store,
      db.updateTable('bays').set({ code, name: input.name, kind: input.kind, active: input.active ? 1 : 0, updated_at: now }).where('id', '=', id),
    )
  }
  const after = loadBay(ctx, id)
  ctx.audit({ action: 'workshop.saveBay', entity: 'bay', entityId: id, detail: { before, after } })
  ctx.events.emit({ type: 'workshop.changed' })
  return after
}

/** The RO holding `bayId` with an unfinished job, other than `roId`. */
export function bayOccupant(ctx: Ctx, bayId: number, roId: number): { id: number; number: string } | undefined {
  return first(
    ctx.store,
    ctx.store.db
      .selectFrom('ro_jobs as j')
      .innerJoin('repair_orders as r', 'r.id', 'j.ro_id')
      .select(['r.id', 'r.number'])
      .where('j.bay_id', '=', bayId)
      .where('j.ro_id', '<>', roId)
      .where('j.state', 'in', ['dispatched', 'running', 'paused', 'rework'])
      .limit(1),
  )
}

export function refuseInactiveBay(bay: BayOut): void {
  if (!bay.active) throw fieldError('INVALID_STATE', 'bayId', 'workshop.bayInactive', { code: bay.code })
}
