import { sql } from 'kysely'
import type { UserCtx } from '../api/context'
import { first } from '../store/query'
import { AppError, fieldError, notFound } from '../api/app-error'
import { changed, getJob, jobTransition, loadRoHead, roNotInShop, selectJobs, updateJob, type In, type JobOut } from './rows'
import { ensureJobs, transitionRo } from './ro-flow'
import { activeTechnician, bayOccupant, loadBay, refuseInactiveBay } from './resources'

// Dispatch (派工): a labour line of an authorised RO goes to a technician and a bay. The first
// dispatch makes jobs of all the RO's labour lines and starts the work (authorised → in_progress).

/** Job states that hold a bay. */
const BAY_HOLDING = ['dispatched', 'running', 'paused', 'rework']

/** The bay the car already stands in: that of another unfinished job of the same RO. */
function currentBayOf(ctx: UserCtx, roId: number): number | null {
  const row = first(
    ctx.store,
    ctx.store.db
      .selectFrom('ro_jobs')
      .select('bay_id')
      .where('ro_id', '=', roId)
      .where('bay_id', 'is not', null)
      .where('state', 'in', BAY_HOLDING)
      .orderBy('updated_at', 'desc')
      .limit(1),
  )
  return row?.bay_id ?? null
}

export function dispatchJob(ctx: UserCtx, input: In<'workshop.dispatch'>): JobOut {
  const line = first(ctx.store, ctx.store.db.selectFrom('ro_lines').select(['id', 'ro_id', 'kind']).where('id', '=', input.lineId))
  if (!line) throw notFound('entity.job', input.lineId)
  if (line.kind !== 'labour') throw fieldError('VALIDATION', 'lineId', 'workshop.notLabourLine')
  const ro = loadRoHead(ctx, line.ro_id)
  if (ro.state !== 'authorised' && ro.state !== 'in_progress') throw roNotInShop(ro)
  const technician = activeTechnician(ctx, input.technicianId)
  const bay = input.bayId === undefined ? null : loadBay(ctx, input.bayId)
  if (bay) refuseInactiveBay(bay)

  if (ro.state === 'authorised') {
    ensureJobs(ctx, ro.id)
    transitionRo(ctx, ro.id, 'start_work')
  }
  const job = first(ctx.store, selectJobs(ctx.store.db).where('j.ro_line_id', '=', line.id))
  if (!job) throw notFound('entity.job', input.lineId)
  const next = jobTransition(job, 'assign')

  const bayId = bay?.id ?? job.bay_id ?? currentBayOf(ctx, ro.id)
  const override = input.override ?? null
  const exceptions: string[] = []
  // A car already standing in the bay keeps it: only moving into a bay is checked.
  const alreadyThere =
    bayId !== null &&
    (job.bay_id === bayId ||
      first(
        ctx.store,
        ctx.store.db.selectFrom('ro_jobs').select(sql.lit(1).as('one')).where('ro_id', '=', ro.id).where('bay_id', '=', bayId).where('state', 'in', BAY_HOLDING),
      ) !== undefined)
  if (bayId !== null && !alreadyThere) {
    const occupant = bayOccupant(ctx, bayId, ro.id)
    if (occupant) {
      const code = bay?.code ?? loadBay(ctx, bayId).code
      if (override === null) {
        throw new AppError('CONFLICT', 'workshop.bayOccupied', { code, number: occupant.number }, {
          fields: [{ field: 'bayId', message: 'workshop.bayOccupied' }],
          bayId,
          occupiedByRoId: occupant.id,
        })
      }
      exceptions.push('bay_occupied')
    }
  }
  const skill = input.skill ?? job.skill
  if (skill !== null && !technician.skills.includes(skill)) {
    if (override === null) {
      throw fieldError('INVALID_STATE', 'technicianId', 'workshop.skillMissing', { name: technician.name, skill: `skill.${skill}` })
    }
    exceptions.push('skill_missing')
  }

  updateJob(ctx, job, {
    technician_id: technician.id,
    bay_id: bayId,
    skill,
    state: next,
    dispatched_at: ctx.nowIso(),
  })
  ctx.audit({
    action: 'workshop.dispatch',
    entity: 'ro_job',
    entityId: job.id,
    detail: {
      roId: ro.id,
      lineId: line.id,
      before: { technicianId: job.technician_id, bayId: job.bay_id, state: job.state },
      after: { technicianId: technician.id, bayId, state: next, skill },
      ...(exceptions.length > 0 ? { exceptions, override } : {}),
    },
  })
  changed(ctx, ro.id)
  return getJob(ctx, job.id)
}

/** Takes a job back to the dispatch column; refused once time was clocked on it. */
export function unassignJob(ctx: UserCtx, input: In<'workshop.unassign'>): JobOut {
  const job = first(ctx.store, selectJobs(ctx.store.db).where('j.id', '=', input.jobId))
  if (!job) throw notFound('entity.job', input.jobId)
  const next = jobTransition(job, 'unassign')
  const clocked = first(ctx.store, ctx.store.db.selectFrom('job_time_segments').select(sql.lit(1).as('one')).where('job_id', '=', job.id).limit(1))
  if (clocked) throw new AppError('INVALID_STATE', 'workshop.jobHasTime', {}, { jobId: job.id })
  updateJob(ctx, job, { technician_id: null, bay_id: null, state: next, dispatched_at: null })
  ctx.audit({
    action: 'workshop.unassign',
    entity: 'ro_job',
    entityId: job.id,
    detail: { roId: job.ro_id, before: { technicianId: job.technician_id, bayId: job.bay_id, state: job.state }, after: { state: next } },
  })
  changed(ctx, job.ro_id)
  return getJob(ctx, job.id)
}
