import { sql } from 'kysely'
import type { Ctx, UserCtx } from '../api/context'
import { all, first, run } from '../store/query'
import { AppError, notFound } from '../api/app-error'
import { isHeldShort } from '../../shared/domain/workshop-clock'
import { changed, type In, type Out } from './rows'
import { getJobDetail } from './ro-detail'
import { CONFIRMED, SEGMENT_MS, minSegmentMs } from './clock-minimum'

// Short clock segments (below the setting `clock.minSegmentMinutes`): the supervisor's list of
// those waiting, and the confirmation that lets their job count for efficiency again. A
// correction of the segment (corrections.ts) counts as confirmation too: the supervisor has
// stated the time.

export function shortSegments(ctx: Ctx, _input: In<'workshop.shortSegments'>): Out<'workshop.shortSegments'> {
  const minMs = minSegmentMs(ctx)
  const rows = all(
    ctx.store,
    ctx.store.db
      .selectFrom('job_time_segments as s')
      .innerJoin('ro_jobs as j', 'j.id', 's.job_id')
      .innerJoin('repair_orders as r', 'r.id', 'j.ro_id')
      .innerJoin('users as u', 'u.id', 's.technician_id')
      .select(['s.id', 's.job_id', 'j.ro_id', 'r.number', 'j.description', 'u.display_name as technician', 's.started_at', 's.ended_at'])
      .where('s.ended_at', 'is not', null)
      .where(sql<boolean>`NOT ${CONFIRMED}`)
      .where(sql<boolean>`${SEGMENT_MS} < ${minMs}`)
      .orderBy('s.started_at')
      .orderBy('s.id')
      .limit(200)
      .$narrowType<{ ended_at: string }>(),
  )
  return rows.map((r) => ({
    segmentId: r.id,
    jobId: r.job_id,
    roId: r.ro_id,
    roNumber: r.number,
    job: r.description,
    technicianName: r.technician,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    durationMs: Date.parse(r.ended_at) - Date.parse(r.started_at),
  }))
}

export function confirmShortSegment(ctx: UserCtx, input: In<'workshop.confirmShortSegment'>): Out<'workshop.confirmShortSegment'> {
  const seg = first(
    ctx.store,
    ctx.store.db
      .selectFrom('job_time_segments as s')
      .innerJoin('ro_jobs as j', 'j.id', 's.job_id')
      .select(['s.id', 's.job_id', 'j.ro_id', 's.started_at', 's.ended_at', CONFIRMED.as('confirmed')])
      .where('s.id', '=', input.segmentId),
  )
  if (!seg) throw notFound('entity.segment', input.segmentId)
  if (!isHeldShort({ startedAt: seg.started_at, endedAt: seg.ended_at, confirmed: seg.confirmed === 1 }, minSegmentMs(ctx))) {
    throw new AppError('INVALID_STATE', 'workshop.segmentNotHeld', {}, { segmentId: seg.id })
  }
  run(ctx.store, ctx.store.db.updateTable('job_time_segments').set({ short_confirmed_by: ctx.user.id, short_confirmed_at: ctx.nowIso() }).where('id', '=', seg.id))
  // The confirmation travels to head office with its job (the export's watermark is the job's updated_at).
  run(ctx.store, ctx.store.db.updateTable('ro_jobs').set({ updated_at: ctx.nowIso() }).where('id', '=', seg.job_id))
  ctx.audit({
    action: 'workshop.confirmShortSegment',
    entity: 'job_time_segment',
    entityId: seg.id,
    detail: { jobId: seg.job_id, roId: seg.ro_id, startedAt: seg.started_at, endedAt: seg.ended_at },
  })
  changed(ctx, seg.ro_id)
  return getJobDetail(ctx, seg.job_id)
}
