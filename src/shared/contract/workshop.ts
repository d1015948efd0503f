import { QC_ITEM_RESULTS } from '../domain/qc-result'
import { z } from 'zod'
import { RO_TYPES } from '../domain/ro-type'
import { PAYERS } from '../domain/payer'
import { PAUSE_REASONS } from '../domain/workshop-job'
import { BAY_KINDS, DECISION_METHODS, SKILLS } from '../domain/workshop-resources'
import { FenSchema, QuantityMilliSchema } from '../domain/schemas'
import type { ContractSection } from './types'
import {
  AdditionalWork,
  Bay,
  Board,
  ChecklistItem,
  DisplayToken,
  EfficiencyRow,
  HostAddresses,
  ShortSegment,
  Job,
  JobDetail,
  Technician,
  WorkshopRo,
} from './workshop-schemas'

export * from './workshop-schemas'

// The workshop (车间): board, dispatch, job clock, additional work (增项), final inspection
// (竣工检验), technicians and bays, and the wall display. Every write emits `workshop.changed`.

const Id = z.number().int().positive()
const Version = z.number().int().positive()
const DateTime = z.iso.datetime({ offset: true })
const DateOnly = z.iso.date()
const Reason = z.string().trim().min(2).max(200)

const AdditionalLineInput = z.strictObject({
  kind: z.enum(['labour', 'part']),
  opCode: z.string().trim().max(20).optional(),
  partId: Id.optional(),
  description: z.string().trim().min(1).max(200),
  /** Flat-rate hours or part quantity in thousandths. */
  quantityMilli: QuantityMilliSchema,
  unitPriceFen: FenSchema,
  payer: z.enum(PAYERS),
})

const BoardFilter = z.strictObject({
  advisorId: Id.optional(),
  type: z.enum(RO_TYPES).optional(),
  bayId: Id.optional(),
})

const Ok = z.object({ ok: z.literal(true) })

export const workshopContract = {
  'workshop.board': { input: BoardFilter, output: Board, access: 'workshop.read', kind: 'read' },
  /** The shop-floor TV: no user, only a display token made by the supervisor. */
  'workshop.wall': {
    input: z.strictObject({ displayToken: z.string().min(20).max(100) }),
    output: Board,
    access: 'public',
    kind: 'read',
  },
  'workshop.ro': { input: z.strictObject({ roId: Id }), output: WorkshopRo, access: 'workshop.read', kind: 'read' },
  'workshop.dispatch': {
    input: z.strictObject({
      lineId: Id,
      technicianId: Id,
      bayId: Id.optional(),
      skill: z.enum(SKILLS).optional(),
      /** Why the supervisor puts the job into an occupied bay or with a technician lacking the skill; recorded. */
      override: Reason.optional(),
    }),
    output: Job,
    access: 'workshop.dispatch',
    kind: 'write',
  },
  'workshop.unassign': { input: z.strictObject({ jobId: Id }), output: Job, access: 'workshop.dispatch', kind: 'write' },
  'workshop.clockOn': {
    input: z.strictObject({
      jobId: Id,
      /** Pause the technician's running job ("other job") instead of refusing. */
      pauseOthers: z.boolean().default(false),
    }),
    output: Job,
    access: 'workshop.clock',
    kind: 'write',
  },
  'workshop.pause': {
    input: z.strictObject({ jobId: Id, reason: z.enum(PAUSE_REASONS) }),
    output: Job,
    access: 'workshop.clock',
    kind: 'write',
  },
  'workshop.finish': { input: z.strictObject({ jobId: Id }), output: Job, access: 'workshop.clock', kind: 'write' },
  'workshop.correctSegment': {
    input: z.strictObject({ segmentId: Id, startedAt: DateTime, endedAt: DateTime.nullable(), reason: Reason }),
    output: JobDetail,
    access: 'workshop.correct',
    kind: 'write',
  },
  /** The supervisor confirms a short clock segment as real: its job counts for efficiency again. */
  'workshop.confirmShortSegment': { input: z.strictObject({ segmentId: Id }), output: JobDetail, access: 'workshop.correct', kind: 'write' },
  /** Short clock segments awaiting confirmation, oldest first. */
  'workshop.shortSegments': { input: z.strictObject({}), output: z.array(ShortSegment), access: 'workshop.read', kind: 'read' },
  'workshop.addSegment': {
    input: z.strictObject({ jobId: Id, startedAt: DateTime, endedAt: DateTime, reason: Reason }),
    output: JobDetail,
    access: 'workshop.correct',
    kind: 'write',
  },
  'workshop.additional.raise': {
    input: z.strictObject({ roId: Id, finding: z.string().trim().min(2).max(1000), lines: z.array(AdditionalLineInput).min(1).max(50) }),
    output: AdditionalWork,
    access: 'workshop.additional.raise',
    kind: 'write',
  },
  /** The advisor's queue: additional work waiting for the customer's decision. */
  'workshop.additional.queue': {
    input: z.strictObject({ advisorId: Id.optional() }),
    output: z.array(AdditionalWork),
    access: 'workshop.read',
    kind: 'read',
  },
  'workshop.additional.decide': {
    input: z.strictObject({
      id: Id,
      version: Version,
      decision: z.enum(['approved', 'declined']),
      method: z.enum(DECISION_METHODS),
      /** Who decided: the customer's name as they gave it. */
      decidedBy: z.string().trim().min(1).max(100),
      signaturePng: z
        .string()
        .max(400_000)
        .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, { message: 'field.signatureFormat' })
        .optional(),
      note: z.string().trim().max(500).default(''),
      /** Let approved warranty lines outside the vehicle's coverage through (`warranty.override`); the reason is recorded. */
      warrantyOverride: z.strictObject({ reason: z.string().trim().min(2).max(200) }).optional(),
    }),
    output: AdditionalWork,
    access: 'workshop.additional.approve',
    kind: 'write',
  },
  /** Declined work from earlier visits, to offer again (the vehicle's next visit). */
  'workshop.declinedForVehicle': {
    input: z.strictObject({ vehicleId: Id }),
    output: z.array(AdditionalWork),
    access: 'workshop.read',
    kind: 'read',
  },
  'workshop.additional.followUp': {
    input: z.strictObject({ id: Id, version: Version, outcome: z.enum(['taken_up', 'dismissed']), roId: Id.optional() }),
    output: AdditionalWork,
    access: 'workshop.additional.approve',
    kind: 'write',
  },
  'workshop.qc.checklist': {
    input: z.strictObject({ type: z.enum(RO_TYPES) }),
    output: z.array(ChecklistItem),
    access: 'workshop.read',
    kind: 'read',
  },
  'workshop.qc.saveChecklist': {
    input: z.strictObject({
      type: z.enum(RO_TYPES),
      items: z.array(z.strictObject({ id: Id.optional(), label: z.string().trim().min(1).max(100) })).min(1).max(40),
    }),
    output: z.array(ChecklistItem),
    access: 'workshop.configure',
    kind: 'write',
  },
  'workshop.qc.record': {
    input: z.strictObject({
      roId: Id,
      version: Version,
      result: z.enum(['pass', 'fail']),
      /** Each item: `result` (ok, fail, not checked); the older `ok` flag still means ok / fail. */
      items: z
        .array(z.strictObject({ itemId: Id, result: z.enum(QC_ITEM_RESULTS).optional(), ok: z.boolean().optional(), note: z.string().trim().max(200).default('') }))
        .max(40),
      /** On a pass: send the car to the wash before delivery. */
      wash: z.boolean().default(false),
      /** On a fail: the jobs that go back, each with its reason. */
      rework: z.array(z.strictObject({ jobId: Id, reason: Reason })).max(50).default([]),
      note: z.string().trim().max(500).default(''),
    }),
    output: WorkshopRo,
    access: 'workshop.qc',
    kind: 'write',
  },
  'workshop.washDone': {
    input: z.strictObject({ roId: Id, version: Version }),
    output: WorkshopRo,
    access: 'workshop.dispatch',
    kind: 'write',
  },
  'workshop.qc.stats': {
    input: z.strictObject({ from: DateOnly, to: DateOnly }),
    output: z.object({
      inspectedRos: z.number(),
      firstPass: z.number(),
      /** First-pass rate in basis points; null when nothing was inspected. */
      firstPassRateBp: z.number().nullable(),
      reworkJobs: z.number(),
    }),
    access: 'workshop.read',
    kind: 'read',
  },
  'workshop.efficiency': {
    input: z.strictObject({ from: DateOnly, to: DateOnly, technicianId: Id.optional() }),
    output: z.object({ rows: z.array(EfficiencyRow), total: EfficiencyRow.omit({ technicianId: true, name: true }) }),
    access: 'workshop.read',
    kind: 'read',
  },
  'workshop.technicians': { input: z.strictObject({}), output: z.array(Technician), access: 'workshop.read', kind: 'read' },
  'workshop.saveTechnician': {
    input: z.strictObject({ userId: Id, skills: z.array(z.enum(SKILLS)).max(SKILLS.length), allowParallel: z.boolean() }),
    output: Technician,
    access: 'workshop.configure',
    kind: 'write',
  },
  'workshop.bays': { input: z.strictObject({}), output: z.array(Bay), access: 'workshop.read', kind: 'read' },
  'workshop.saveBay': {
    input: z.strictObject({
      id: Id.optional(),
      code: z.string().trim().min(1).max(20),
      name: z.string().trim().min(1).max(40),
      kind: z.enum(BAY_KINDS),
      active: z.boolean().default(true),
    }),
    output: Bay,
    access: 'workshop.configure',
    kind: 'write',
  },
  'workshop.displayTokens': { input: z.strictObject({}), output: z.array(DisplayToken), access: 'workshop.configure', kind: 'read' },
  'workshop.createDisplayToken': {
    input: z.strictObject({ name: z.string().trim().min(1).max(60) }),
    /** The token is shown once; the wall display opens `/wall?token=…` (which lands on `#/wall?token=…`). */
    output: DisplayToken.extend({ token: z.string() }),
    access: 'workshop.configure',
    kind: 'write',
  },
  'workshop.revokeDisplayToken': { input: z.strictObject({ id: Id }), output: Ok, access: 'workshop.configure', kind: 'write' },
  /** This host's LAN addresses for the wall display, read from the host PC's network interfaces. */
  'workshop.displayAddresses': { input: z.strictObject({}), output: HostAddresses, access: 'workshop.configure', kind: 'read' },
} as const satisfies ContractSection
