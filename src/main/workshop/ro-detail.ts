import type { Ctx } from '../api/context'
import { notFound } from '../api/app-error'
import type { RoState } from '../../shared/domain/ro-state'
import type { RoType } from '../../shared/domain/ro-type'
import type { PauseReason } from '../../shared/domain/workshop-job'
import { foldSegments, getJob, jobOut, lineJobOut, JOB_SELECT, type JobRow, type Out } from './rows'
import { listAdditional } from './additional-read'
import { checklistOf, inspectionsOf } from './qc-read'
import { CONFIRMED_SQL, minSegmentMs } from './clock-minimum'
import { isHeldShort } from '../../shared/domain/workshop-clock'

// One RO as the workshop sees it: the card's drawer and the printable job card (派工单) — the
// car, the concern, every job with its technician, bay and clocked segments, the parts to fit,
// additional work, inspections and the checklist the inspector will use.

type SegmentOut = Out<'workshop.ro'>['jobs'][number]['segments'][number]

interface SegmentNameRow {
  id: number
  job_id: number
  technician_id: number
  technician_name: string
  started_at: string
  ended_at: string | null
  pause_reason: PauseReason | null
  correction_reason: string | null
  confirmed: number
}

const SEGMENT_SELECT = `
  SELECT s.id, s.job_id, s.technician_id, u.display_name AS technician_name, s.started_at, s.ended_at, s.pause_reason,
         s.correction_reason, ${CONFIRMED_SQL} AS confirmed
    FROM job_time_segments s JOIN users u ON u.id = s.technician_id`

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
  const segments = ctx.store.prepare(`${SEGMENT_SELECT} WHERE s.job_id = ? ORDER BY s.started_at, s.id`).all(jobId) as SegmentNameRow[]
  const minMs = minSegmentMs(ctx)
  return { ...getJob(ctx, jobId), segments: segments.map((s) => segmentOut(s, minMs)) }
}

interface HeadRow {
  id: number
  number: string
  type: RoType
  state: RoState
  version: number
  plate: string | null
  vin: string
  make: string
  model: string
  colour: string | null
  odometer_km: number
  fuel_eighths: number
  customer_name: string
  advisor_name: string
  concerns: string
  opened_at: string
  promised_at: string | null
  return_old_parts: number
}

export function getWorkshopRo(ctx: Ctx, roId: number): Out<'workshop.ro'> {
  const head = ctx.store
    .prepare(
      `SELECT r.id, r.number, r.type, r.state, r.version, v.plate, v.vin, v.make, v.model, v.colour, r.odometer_km,
              r.fuel_eighths, c.name AS customer_name, u.display_name AS advisor_name, r.concerns, r.opened_at,
              r.promised_at, r.return_old_parts
         FROM repair_orders r
         JOIN vehicles v ON v.id = r.vehicle_id
         JOIN customers c ON c.id = r.customer_id
         JOIN users u ON u.id = r.advisor_id
        WHERE r.id = ?`,
    )
    .get(roId) as HeadRow | undefined
  if (!head) throw notFound('entity.repairOrder', roId)

  const jobRows = ctx.store.prepare(`${JOB_SELECT} WHERE j.ro_id = ? ORDER BY j.id`).all(roId) as JobRow[]
  const segments = ctx.store
    .prepare(`${SEGMENT_SELECT} JOIN ro_jobs j ON j.id = s.job_id WHERE j.ro_id = ? ORDER BY s.started_at, s.id`)
    .all(roId) as SegmentNameRow[]
  const minMs = minSegmentMs(ctx)
  const clocks = foldSegments(segments, minMs)
  const undispatched = ctx.store
    .prepare(
      `SELECT l.id, l.ro_id, l.description, l.quantity_milli FROM ro_lines l
        WHERE l.ro_id = ? AND l.kind = 'labour' AND NOT EXISTS (SELECT 1 FROM ro_jobs j WHERE j.ro_line_id = l.id)
        ORDER BY l.position`,
    )
    .all(roId) as { id: number; ro_id: number; description: string; quantity_milli: number }[]
  const jobs = [
    ...jobRows.map((row) => ({
      ...jobOut(row, clocks.get(row.id)),
      segments: segments.filter((s) => s.job_id === row.id).map((s) => segmentOut(s, minMs)),
    })),
    ...undispatched.map((line) => ({ ...lineJobOut(line), segments: [] })),
  ]
  const parts = ctx.store
    .prepare(
      `SELECT l.description, p.part_number, l.quantity_milli FROM ro_lines l LEFT JOIN parts p ON p.id = l.part_id
        WHERE l.ro_id = ? AND l.kind = 'part' ORDER BY l.position`,
    )
    .all(roId) as { description: string; part_number: string | null; quantity_milli: number }[]

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
    additional: listAdditional(ctx, 'a.ro_id = ?', [roId]),
    inspections: inspectionsOf(ctx, roId),
    checklist: checklistOf(ctx, head.type),
  }
}
