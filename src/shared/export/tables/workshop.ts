import { PAYERS } from '../../domain/payer'
import { JOB_STATES, PAUSE_REASONS } from '../../domain/workshop-job'
import { BAY_KINDS, SKILLS } from '../../domain/workshop-resources'
import { col, type ExportTableSpec } from '../spec'

// The workshop's tables (migration 0005): bays and technicians, jobs with their clocked time,
// additional work (增项) with its estimate lines, and final inspections (竣工检验).

const updated = { kind: 'updated', column: 'updated_at' } as const

export const bays: ExportTableSpec = {
  name: 'bays',
  description: 'Workshop bays (工位): lifts, alignment, paint booth, wash.',
  naturalKey: ['id'],
  updatedAt: 'updated_at',
  tracking: updated,
  columns: [col.id(), col.text('code'), col.text('name'), col.oneOf('kind', BAY_KINDS), col.bool('active'), col.at('created_at'), col.at('updated_at')],
}

/** Saving a technician rewrites the skills and stamps the row, so the skills travel as one column. */
export const technicians: ExportTableSpec = {
  name: 'technicians',
  description: 'Technicians (技师): users who take jobs, with their skills.',
  naturalKey: ['user_id'],
  updatedAt: 'updated_at',
  tracking: updated,
  columns: [
    col.int('user_id'),
    col.bool('allow_parallel'),
    {
      name: 'skills',
      type: 'text',
      sql: `(SELECT coalesce(group_concat(s.skill, ','), '') FROM (SELECT skill FROM technician_skills WHERE user_id = t.user_id ORDER BY skill) s)`,
      description: `Comma-separated, sorted: ${SKILLS.join('|')}.`,
    },
    col.at('updated_at'),
  ],
}

export const roJobs: ExportTableSpec = {
  name: 'ro_jobs',
  description: 'Workshop jobs (派工) made from the labour lines of repair orders, or proposed with additional work.',
  naturalKey: ['id'],
  updatedAt: 'updated_at',
  tracking: updated,
  columns: [
    col.id(),
    col.int('ro_id'),
    col.int('ro_line_id', true),
    col.int('additional_line_id', true),
    col.text('description'),
    col.oneOf('skill', SKILLS, true),
    col.int('technician_id', true),
    col.int('bay_id', true),
    col.oneOf('state', JOB_STATES),
    col.oneOf('pause_reason', PAUSE_REASONS, true),
    col.int('sold_hours_milli'),
    col.int('rework_count'),
    col.at('dispatched_at', true),
    col.at('finished_at', true),
    col.at('created_at'),
    col.at('updated_at'),
    col.int('version'),
  ],
}

/** Clocking on, pausing and finishing stamp the job; see docs/export-format.md for corrections. */
export const jobTimeSegments: ExportTableSpec = {
  name: 'job_time_segments',
  description: 'Clocked time of each job (工时记录); sent whole with its job.',
  naturalKey: ['id'],
  updatedAt: null,
  tracking: { kind: 'children', parent: 'ro_jobs', parentColumn: 'job_id' },
  columns: [
    col.id(),
    col.int('job_id'),
    col.int('technician_id'),
    col.at('started_at'),
    col.at('ended_at', true),
    col.oneOf('pause_reason', PAUSE_REASONS, true),
    col.int('corrected_by', true),
    col.text('correction_reason', true),
    // A closed segment shorter than the clock minimum holds its job out of efficiency until the
    // workshop supervisor confirms it (or corrects it: corrected_by).
    { ...col.int('short_confirmed_by', true), since: 2 },
    { ...col.at('short_confirmed_at', true), since: 2 },
  ],
}

/** Who decided for the customer is a person's name; what they said is a note. */
export const additionalWork: ExportTableSpec = {
  name: 'additional_work',
  description: 'Additional work (增项) found during the job, and the customer decision on it.',
  naturalKey: ['id'],
  updatedAt: 'updated_at',
  tracking: updated,
  columns: [
    col.id(),
    col.int('ro_id'),
    col.int('vehicle_id'),
    col.text('finding'),
    col.oneOf('state', ['raised', 'approved', 'declined']),
    col.int('raised_by'),
    col.at('raised_at'),
    col.int('net_fen'),
    col.oneOf('decision_method', ['in_person', 'phone', 'signature'], true),
    col.pii('decided_by', 'name'),
    col.pii('decision_note', 'note'),
    col.int('recorded_by', true),
    col.at('decided_at', true),
    col.oneOf('follow_up', ['taken_up', 'dismissed'], true),
    col.int('follow_up_ro_id', true),
    col.at('follow_up_at', true),
    col.at('updated_at'),
    col.int('version'),
  ],
}

export const additionalWorkLines: ExportTableSpec = {
  name: 'additional_work_lines',
  description: 'Estimate lines of additional work; sent whole with it.',
  naturalKey: ['additional_work_id', 'position'],
  updatedAt: null,
  tracking: { kind: 'children', parent: 'additional_work', parentColumn: 'additional_work_id' },
  columns: [
    col.id(),
    col.int('additional_work_id'),
    col.int('position'),
    col.oneOf('kind', ['labour', 'part']),
    col.text('op_code', true),
    col.int('part_id', true),
    col.text('description'),
    col.int('quantity_milli'),
    col.int('unit_price_fen'),
    col.int('amount_fen'),
    col.oneOf('payer', PAYERS),
    col.int('ro_line_id', true),
  ],
}

export const qcInspections: ExportTableSpec = {
  name: 'qc_inspections',
  description: 'Final inspections (竣工检验) of repair orders, pass or fail (append-only).',
  naturalKey: ['id'],
  updatedAt: null,
  tracking: { kind: 'append' },
  columns: [col.id(), col.int('ro_id'), col.oneOf('result', ['pass', 'fail']), col.bool('wash'), col.int('inspector_id'), col.at('at'), col.text('note')],
}

// Items and rework are written with their inspection, never changed: the inspection id is the watermark.
const withInspection = { kind: 'append', column: 'inspection_id' } as const

export const qcInspectionItems: ExportTableSpec = {
  name: 'qc_inspection_items',
  description: 'Checklist results of each final inspection.',
  naturalKey: ['inspection_id', 'item_id'],
  updatedAt: null,
  tracking: withInspection,
  columns: [
    col.int('inspection_id'),
    col.int('item_id'),
    {
      name: 'label',
      type: 'text',
      sql: '(SELECT c.label FROM qc_checklist_items c WHERE c.id = t.item_id)',
      description: 'Checklist item: a catalog key (qcItem.*) for the default items, else as typed.',
    },
    col.bool('ok'),
    col.text('note'),
  ],
}

export const qcRework: ExportTableSpec = {
  name: 'qc_rework',
  description: 'Jobs a failed final inspection sent back, and why.',
  naturalKey: ['inspection_id', 'job_id'],
  updatedAt: null,
  tracking: withInspection,
  columns: [col.int('inspection_id'), col.int('job_id'), col.text('reason')],
}
