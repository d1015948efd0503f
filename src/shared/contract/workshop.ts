import { z } from 'zod'
import { RO_STATES } from '../domain/ro-state'
import { RO_TYPES } from '../domain/ro-type'
import { PAYERS } from '../domain/payer'
import { JOB_STATES, PAUSE_REASONS } from '../domain/workshop-job'
import { BOARD_COLUMNS, BOARD_FLAGS } from '../domain/workshop-board'
import { BAY_KINDS, DECISION_METHODS, SKILLS } from '../domain/workshop-resources'
import { FenSchema, QuantityMilliSchema } from '../domain/schemas'
import type { ContractSection } from './types'

// The workshop (车间): board, dispatch, job clock, additional work (增项), final inspection
// (竣工检验), technicians and bays, and the wall display. Every write emits `workshop.changed`.

const Id = z.number().int().positive()
const Version = z.number().int().positive()
const DateTime = z.iso.datetime({ offset: true })
const DateOnly = z.iso.date()
const Reason = z.string().trim().min(2).max(200)

export const Job = z.object({
  /** Null for a labour line of an authorised RO that no one has dispatched yet. */
  id: z.number().nullable(),
  roId: z.number(),
  /** The RO line the job comes from; null only while additional work waits for approval. */
  lineId: z.number().nullable(),
  description: z.string(),
  skill: z.enum(SKILLS).nullable(),
  state: z.enum(JOB_STATES),
  pauseReason: z.enum(PAUSE_REASONS).nullable(),
  technicianId: z.number().nullable(),
  technicianName: z.string().nullable(),
  bayId: z.number().nullable(),
  bayCode: z.string().nullable(),
  soldHoursMilli: z.number(),
  /** Clocked time of closed segments; add `now - runningSince` while it runs. */
  clockedMs: z.number(),
  runningSince: z.string().nullable(),
  reworkCount: z.number(),
  additional: z.boolean(),
  version: z.number(),
})

export const BoardCard = z.object({
  roId: z.number(),
  number: z.string(),
  type: z.enum(RO_TYPES),
  roState: z.enum(RO_STATES),
  roVersion: z.number(),
  plate: z.string().nullable(),
  model: z.string(),
  advisorId: z.number(),
  advisorName: z.string(),
  openedAt: z.string(),
  promisedAt: z.string().nullable(),
  /** Negative once the promised time has passed. */
  minutesToPromise: z.number().nullable(),
  column: z.enum(BOARD_COLUMNS),
  flags: z.array(z.enum(BOARD_FLAGS)),
  pendingAdditional: z.number(),
  jobs: z.array(Job),
})

export const Technician = z.object({
  id: z.number(),
  name: z.string(),
  active: z.boolean(),
  skills: z.array(z.enum(SKILLS)),
  allowParallel: z.boolean(),
})

export const BoardTechnician = Technician.extend({
  /** Jobs assigned and not finished (dispatched, running, paused, rework). */
  openJobs: z.number(),
  runningJobIds: z.array(z.number()),
})

export const Bay = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(BAY_KINDS),
  active: z.boolean(),
})

export const BoardBay = Bay.extend({
  occupiedBy: z.object({ roId: z.number(), number: z.string(), plate: z.string().nullable() }).nullable(),
})

export const Board = z.object({
  /** The host's clock when the board was read: countdowns run from here. */
  at: z.string(),
  cards: z.array(BoardCard),
  technicians: z.array(BoardTechnician),
  bays: z.array(BoardBay),
})

export const Segment = z.object({
  id: z.number(),
  jobId: z.number(),
  technicianId: z.number(),
  technicianName: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  pauseReason: z.enum(PAUSE_REASONS).nullable(),
  correctionReason: z.string().nullable(),
})

export const JobDetail = Job.extend({ segments: z.array(Segment) })

const EstimateLine = z.object({
  kind: z.enum(['labour', 'part']),
  opCode: z.string().nullable(),
  partId: z.number().nullable(),
  description: z.string(),
  quantityMilli: z.number(),
  unitPriceFen: z.number(),
  amountFen: z.number(),
  payer: z.enum(PAYERS),
})

export const AdditionalWork = z.object({
  id: z.number(),
  roId: z.number(),
  roNumber: z.string(),
  plate: z.string().nullable(),
  advisorId: z.number(),
  finding: z.string(),
  state: z.enum(['raised', 'approved', 'declined']),
  raisedBy: z.string(),
  raisedAt: z.string(),
  lines: z.array(EstimateLine),
  netFen: z.number(),
  grossFen: z.number(),
  decisionMethod: z.enum(DECISION_METHODS).nullable(),
  decidedBy: z.string().nullable(),
  decisionNote: z.string().nullable(),
  recordedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  followUp: z.enum(['taken_up', 'dismissed']).nullable(),
  followUpRoId: z.number().nullable(),
  version: z.number(),
})

export const ChecklistItem = z.object({ id: z.number(), label: z.string(), position: z.number() })

export const Inspection = z.object({
  id: z.number(),
  result: z.enum(['pass', 'fail']),
  wash: z.boolean(),
  inspector: z.string(),
  at: z.string(),
  note: z.string(),
  items: z.array(z.object({ itemId: z.number(), label: z.string(), ok: z.boolean(), note: z.string() })),
  rework: z.array(z.object({ jobId: z.number(), description: z.string(), reason: z.string() })),
})

/** Everything about one RO in the shop: the card drawer, the printable job card (派工单). */
export const WorkshopRo = z.object({
  roId: z.number(),
  number: z.string(),
  type: z.enum(RO_TYPES),
  roState: z.enum(RO_STATES),
  roVersion: z.number(),
  plate: z.string().nullable(),
  vin: z.string(),
  make: z.string(),
  model: z.string(),
  colour: z.string().nullable(),
  odometerKm: z.number(),
  fuelEighths: z.number(),
  customerName: z.string(),
  advisorName: z.string(),
  concerns: z.string(),
  openedAt: z.string(),
  promisedAt: z.string().nullable(),
  returnOldParts: z.boolean(),
  jobs: z.array(JobDetail),
  parts: z.array(z.object({ description: z.string(), partNumber: z.string().nullable(), quantityMilli: z.number() })),
  additional: z.array(AdditionalWork),
  inspections: z.array(Inspection),
  checklist: z.array(ChecklistItem),
})

export const EfficiencyRow = z.object({
  technicianId: z.number(),
  name: z.string(),
  jobs: z.number(),
  soldHoursMilli: z.number(),
  clockedMs: z.number(),
  /** Sold / clocked in basis points (10000 = 100 %); null when nothing was clocked. */
  efficiencyBp: z.number().nullable(),
})

export const DisplayToken = z.object({
  id: z.number(),
  name: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
})

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
      items: z.array(z.strictObject({ itemId: Id, ok: z.boolean(), note: z.string().trim().max(200).default('') })).max(40),
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
    /** The token is shown once; the wall display opens `#/wall?token=…`. */
    output: DisplayToken.extend({ token: z.string() }),
    access: 'workshop.configure',
    kind: 'write',
  },
  'workshop.revokeDisplayToken': { input: z.strictObject({ id: Id }), output: Ok, access: 'workshop.configure', kind: 'write' },
} as const satisfies ContractSection
