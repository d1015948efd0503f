import type { Ctx, UserCtx } from '../api/context'
import { fieldError, notFound } from '../api/app-error'
import type { BayKind, Skill } from '../../shared/domain/workshop-resources'
import type { In, Out } from './rows'

// Technicians (users with the technician role, plus a workshop profile: skills, whether they may
// run several jobs at once) and bays (工位) with their kind.

interface TechnicianRow {
  id: number
  name: string
  active: number
  role: string
  skills: string | null
  allow_parallel: number | null
}

export type TechnicianOut = Out<'workshop.saveTechnician'>

const TECHNICIAN_SELECT = `
  SELECT u.id, u.display_name AS name, u.active, u.role, t.allow_parallel,
         (SELECT group_concat(s.skill) FROM technician_skills s WHERE s.user_id = u.id) AS skills
    FROM users u LEFT JOIN technicians t ON t.user_id = u.id`

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
  const rows = ctx.store
    .prepare(`${TECHNICIAN_SELECT} WHERE u.role = 'technician' ORDER BY u.active DESC, u.display_name, u.id`)
    .all() as TechnicianRow[]
  return rows.map(technicianOut)
}

/** A user jobs can be given to: an active technician. */
export function activeTechnician(ctx: Ctx, userId: number, field = 'technicianId'): TechnicianOut {
  const row = ctx.store.prepare(`${TECHNICIAN_SELECT} WHERE u.id = ?`).get(userId) as TechnicianRow | undefined
  if (!row) throw notFound('entity.technician', userId)
  if (row.role !== 'technician' || row.active !== 1) throw fieldError('VALIDATION', field, 'workshop.notTechnician', { name: row.name })
  return technicianOut(row)
}

export function saveTechnician(ctx: UserCtx, input: In<'workshop.saveTechnician'>): TechnicianOut {
  const before = activeTechnician(ctx, input.userId, 'userId')
  const now = ctx.nowIso()
  ctx.store
    .prepare(
      `INSERT INTO technicians (user_id, allow_parallel, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(user_id) DO UPDATE SET allow_parallel = excluded.allow_parallel, updated_at = excluded.updated_at`,
    )
    .run(input.userId, input.allowParallel ? 1 : 0, now)
  ctx.store.prepare('DELETE FROM technician_skills WHERE user_id = ?').run(input.userId)
  const add = ctx.store.prepare('INSERT INTO technician_skills (user_id, skill) VALUES (?, ?)')
  for (const skill of new Set(input.skills)) add.run(input.userId, skill)
  const after = activeTechnician(ctx, input.userId, 'userId')
  ctx.audit({ action: 'workshop.saveTechnician', entity: 'technician', entityId: input.userId, detail: { before, after } })
  ctx.events.emit({ type: 'workshop.changed' })
  return after
}

interface BayRow {
  id: number
  code: string
  name: string
  kind: BayKind
  active: number
}

export type BayOut = Out<'workshop.saveBay'>

const bayOut = (row: BayRow): BayOut => ({ id: row.id, code: row.code, name: row.name, kind: row.kind, active: row.active === 1 })

export function listBays(ctx: Ctx): BayOut[] {
  const rows = ctx.store.prepare('SELECT id, code, name, kind, active FROM bays ORDER BY active DESC, code').all() as BayRow[]
  return rows.map(bayOut)
}

export function loadBay(ctx: Ctx, id: number): BayOut {
  const row = ctx.store.prepare('SELECT id, code, name, kind, active FROM bays WHERE id = ?').get(id) as BayRow | undefined
  if (!row) throw notFound('entity.bay', id)
  return bayOut(row)
}

export function saveBay(ctx: UserCtx, input: In<'workshop.saveBay'>): BayOut {
  const code = input.code.toUpperCase()
  const clash = ctx.store.prepare('SELECT id FROM bays WHERE code = ? AND id IS NOT ?').get(code, input.id ?? null)
  if (clash) throw fieldError('DUPLICATE', 'code', 'error.DUPLICATE', { entity: 'entity.bay', value: code })
  const now = ctx.nowIso()
  let id = input.id
  const before = id === undefined ? null : loadBay(ctx, id)
  if (id === undefined) {
    id = Number(
      ctx.store
        .prepare('INSERT INTO bays (code, name, kind, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(code, input.name, input.kind, input.active ? 1 : 0, now, now).lastInsertRowid,
    )
  } else {
    ctx.store
      .prepare('UPDATE bays SET code = ?, name = ?, kind = ?, active = ?, updated_at = ? WHERE id = ?')
      .run(code, input.name, input.kind, input.active ? 1 : 0, now, id)
  }
  const after = loadBay(ctx, id)
  ctx.audit({ action: 'workshop.saveBay', entity: 'bay', entityId: id, detail: { before, after } })
  ctx.events.emit({ type: 'workshop.changed' })
  return after
}

/** The RO holding `bayId` with an unfinished job, other than `roId`. */
export function bayOccupant(ctx: Ctx, bayId: number, roId: number): { id: number; number: string } | undefined {
  return ctx.store
    .prepare(
      `SELECT r.id, r.number FROM ro_jobs j JOIN repair_orders r ON r.id = j.ro_id
        WHERE j.bay_id = ? AND j.ro_id <> ? AND j.state IN ('dispatched', 'running', 'paused', 'rework') LIMIT 1`,
    )
    .get(bayId, roId) as { id: number; number: string } | undefined
}

export function refuseInactiveBay(bay: BayOut): void {
  if (!bay.active) throw fieldError('INVALID_STATE', 'bayId', 'workshop.bayInactive', { code: bay.code })
}
