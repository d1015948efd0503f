import { sql, type InferResult, type Kysely } from 'kysely'
import type { Ctx } from '../api/context'
import type { DB } from '../store/schema'
import { all, first } from '../store/query'
import { notFound } from '../api/app-error'
import type { RoState } from '../../shared/domain/ro-state'
import type { RoType } from '../../shared/domain/ro-type'
import type { PauseReason } from '../../shared/domain/workshop-job'
import { foldSegments, getJob, jobOut, lineJobOut, selectJobs, type Out } from './rows'
import { listAdditional } from './additional-read'
import { checklistOf, inspectionsOf } from './qc-read'
import { CONFIRMED, minSegmentMs } from './clock-minimum'
import { isHeldShort } from '../../shared/domain/workshop-clock'
import { roWithParties } from '../store/ro-parties'

// One RO as the workshop sees it: the card's drawer and the printable job card (派工单) — the
// car, the concern, every job with its technician, bay and clocked segments, the parts to fit,
// additional work, inspections and the checklist the inspector will use.

type SegmentOut = Out<'workshop.ro'>['jobs'][number]['segments'][number]

/** Segments with the technician's name; add the `where` and order of the read. */
const selectSegments = (db: Kysely<DB>) =>
  db
    .selectFrom('job_time_segments as s')
    .innerJoin('users as u', 'u.id', 's.technician_id')
    .select([
      's.id',
      's.job_id',
      's.technician_id',
      'u.display_name as technician_name',
      's.started_at',
      's.ended_at',
      's.pause_reason',
      's.correction_reason',
      CONFIRMED.as('confirmed'),
    ])
    .$narrowType<{ pause_reason: PauseReason | null }>()

type SegmentNameRow = InferResult<ReturnType<typeof selectSegments>>[number]

const segmentOut = (s: SegmentNameRow, minMs: number): SegmentOut => ({
  id: s.id,
  jobId: s.job_id,
  technicianId: s.technician_id,
  technicianName: s.technician_name,
  startedAt: s.started_at,
  endedAt: s.ended_at,
  pauseReason: s.pause_reason,
  correctionReason: s.correction_reason,
  held: isHeldShort({ startedAt: s.started_at, endedAt: s.ended_at, confirmed: s.confirmed === 1 }, minMs),
})

export function getJobDetail(ctx: Ctx, jobId: number): Out<'workshop.correctSegment'> {
  const segments = all(ctx.store, selectSegments(ctx.store.db).where('s.job_id', '=', jobId).orderBy('s.started_at').orderBy('s.id'))
  const minMs = minSegmentMs(ctx)
  return { ...getJob(ctx, jobId), segments: segments.map((s) => segmentOut(s, minMs)) }
}

export function getWorkshopRo(ctx: Ctx, roId: number): Out<'workshop.ro'> {
  const head = first(
    ctx.store,
    roWithParties(ctx.store.db)
      .select([
        'r.id',
        'r.number',
        'r.type',
        'r.state',
        'r.version',
        'v.plate',
        'v.vin',
        'v.make',
        'v.model',
        'v.colour',
        'r.odometer_km',
        'r.fuel_eighths',
        'c.name as customer_name',
        'u.display_name as advisor_name',
        'r.concerns',
        'r.opened_at',
        'r.promised_at',
        'r.return_old_parts',
      ])
      .where('r.id', '=', roId)
      .$narrowType<{ type: RoType; state: RoState }>(),
  )
  if (!head) throw notFound('entity.repairOrder', roId)

  const jobRows = all(ctx.store, selectJobs(ctx.store.db).where('j.ro_id', '=', roId).orderBy('j.id'))
  const segments = all(
    ctx.store,
    selectSegments(ctx.store.db).innerJoin('ro_jobs as j', 'j.id', 's.job_id').where('j.ro_id', '=', roId).orderBy('s.started_at').orderBy('s.id'),
  )
  const minMs = minSegmentMs(ctx)
  const clocks = foldSegments(segments, minMs)
  const undispatched = all(
    ctx.store,
    ctx.store.db
      .selectFrom('ro_lines as l')
      .select(['l.id', 'l.ro_id', 'l.description', 'l.quantity_milli'])
      .where('l.ro_id', '=', roId)
      .where('l.kind', '=', 'labour')
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('ro_jobs as j').select(sql.lit(1).as('one')).whereRef('j.ro_line_id', '=', 'l.id'))))
      .orderBy('l.position'),
  )
  const jobs = [
    ...jobRows.map((row) => ({
      ...jobOut(row, clocks.get(row.id)),
      segments: segments.filter((s) => s.job_id === row.id).map((s) => segmentOut(s, minMs)),
    })),
    ...undispatched.map((line) => ({ ...lineJobOut(line), segments: [] })),
  ]
  const parts = all(
    ctx.store,
    ctx.store.db
      .selectFrom('ro_lines as l')
      .leftJoin('parts as p', 'p.id', 'l.part_id')
      .select(['l.description', 'p.part_number', 'l.quantity_milli'])
      .where('l.ro_id', '=', roId)
      .where('l.kind', '=', 'part')
      .orderBy('l.position'),
  )

  return {
    roId: head.id,
    number: head.number,
    type: head.type,
    roState: head.state,
    roVersion: head.version,
    plate: head.plate,
    vin: head.vin,
    make: head.make,
    model: head.model,
    colour: head.colour,
    odometerKm: head.odometer_km,
    fuelEighths: head.fuel_eighths,
    customerName: head.customer_name,
    advisorName: head.advisor_name,
    concerns: head.concerns,
    openedAt: head.opened_at,
    promisedAt: head.promised_at,
    returnOldParts: head.return_old_parts === 1,
    jobs,
    parts: parts.map((p) => ({ description: p.description, partNumber: p.part_number, quantityMilli: p.quantity_milli })),
    additional: listAdditional(ctx, { roId }),
    inspections: inspectionsOf(ctx, roId),
    checklist: checklistOf(ctx, head.type),
  }
}
