import type { Ctx, UserCtx } from '../api/context'
import { AppError, notFound } from '../api/app-error'
import { isHeldShort } from '../../shared/domain/workshop-clock'
import { changed, type In, type Out } from './rows'
import { getJobDetail } from './ro-detail'
import { CONFIRMED_SQL, minSegmentMs } from './clock-minimum'

// Short clock segments (below the setting `clock.minSegmentMinutes`): the supervisor's list of
// those waiting, and the confirmation that lets their job count for efficiency again. A
// correction of the segment (corrections.ts) counts as confirmation too: the supervisor has
// stated the time.

export function shortSegments(ctx: Ctx, _input: In<'workshop.shortSegments'>): Out<'workshop.shortSegments'> {
  const minMs = minSegmentMs(ctx)
  const rows = ctx.store
    .prepare(
      `SELECT s.id, s.job_id, j.ro_id, r.number, j.description, u.display_name AS technician, s.started_at, s.ended_at
         FROM job_time_segments s JOIN ro_jobs j ON j.id = s.job_id JOIN repair_orders r ON r.id = j.ro_id JOIN users u ON u.id = s.technician_id
        WHERE s.ended_at IS NOT NULL AND NOT ${CONFIRMED_SQL}
          AND (unixepoch(s.ended_at, 'subsec') - unixepoch(s.started_at, 'subsec')) * 1000 < ?
        ORDER BY s.started_at, s.id LIMIT 200`,
    )
    .all(minMs) as { id: number; job_id: number; ro_id: number; number: string; description: string; technician: string; started_at: string; ended_at: string }[]
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
  const seg = ctx.store
    .prepare(
      `SELECT s.id, s.job_id, j.ro_id, s.started_at, s.ended_at, ${CONFIRMED_SQL} AS confirmed
         FROM job_time_segments s JOIN ro_jobs j ON j.id = s.job_id WHERE s.id = ?`,
    )
    .get(input.segmentId) as { id: number; job_id: number; ro_id: number; started_at: string; ended_at: string | null; confirmed: number } | undefined
  if (!seg) throw notFound('entity.segment', input.segmentId)
  if (!isHeldShort({ startedAt: seg.started_at, endedAt: seg.ended_at, confirmed: seg.confirmed === 1 }, minSegmentMs(ctx))) {
    throw new AppError('INVALID_STATE', 'workshop.segmentNotHeld', {}, { segmentId: seg.id })
  }
  ctx.store.prepare('UPDATE job_time_segments SET short_confirmed_by = ?, short_confirmed_at = ? WHERE id = ?').run(ctx.user.id, ctx.nowIso(), seg.id)
  // The confirmation travels to head office with its job (the export's watermark is the job's updated_at).
  ctx.store.prepare('UPDATE ro_jobs SET updated_at = ? WHERE id = ?').run(ctx.nowIso(), seg.job_id)
  ctx.audit({
    action: 'workshop.confirmShortSegment',
    entity: 'job_time_segment',
    entityId: seg.id,
    detail: { jobId: seg.job_id, roId: seg.ro_id, startedAt: seg.started_at, endedAt: seg.ended_at },
  })
  changed(ctx, seg.ro_id)
  return getJobDetail(ctx, seg.job_id)
}
