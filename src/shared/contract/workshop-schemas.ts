import { QC_ITEM_RESULTS } from '../domain/qc-result'
import { z } from 'zod'
import { RO_STATES } from '../domain/ro-state'
import { RO_TYPES } from '../domain/ro-type'
import { PAYERS } from '../domain/payer'
import { JOB_STATES, PAUSE_REASONS } from '../domain/workshop-job'
import { BOARD_COLUMNS, BOARD_FLAGS } from '../domain/workshop-board'
import { BAY_KINDS, DECISION_METHODS, SKILLS } from '../domain/workshop-resources'

// What the workshop channels answer with (see workshop.ts for the channels themselves).

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
  /** Short clock segments awaiting the supervisor's confirmation (the job is out of efficiency meanwhile); not on the board. */
  heldSegments: z.number().optional(),
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
  /** Shorter than the clock minimum and not yet confirmed by the supervisor. */
  held: z.boolean(),
})

/** A short clock segment waiting for the workshop supervisor (确认或更正). */
export const ShortSegment = z.object({
  segmentId: z.number(),
  jobId: z.number(),
  roId: z.number(),
  roNumber: z.string(),
  job: z.string(),
  technicianName: z.string(),
  startedAt: z.string(),
  endedAt: z.string(),
  durationMs: z.number(),
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
  /** The RO's customer: who is asked to decide. */
  customerName: z.string(),
  finding: z.string(),
  state: z.enum(['raised', 'approved', 'declined']),
  raisedBy: z.string(),
  raisedAt: z.string(),
  lines: z.array(EstimateLine),
  /** Line amounts are net (不含税); VAT at the rate of the day, as the estimate shows it. */
  netFen: z.number(),
  vatFen: z.number(),
  vatRateBp: z.number(),
  grossFen: z.number(),
  /** The customer's decision: who said yes or no (as they gave their name), how, when, and which user recorded it. */
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
  items: z.array(z.object({ itemId: z.number(), label: z.string(), ok: z.boolean(), result: z.enum(QC_ITEM_RESULTS), note: z.string() })),
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
  /** Finished jobs left out because a short clock segment awaits the supervisor's confirmation. */
  heldJobs: z.number(),
})

/** How a TV on the shop's network reaches this host (see src/main/host/lan-addresses.ts). */
export const HostAddresses = z.object({
  bindHost: z.string().nullable(),
  port: z.number().nullable(),
  lanReachable: z.boolean(),
  addresses: z.array(z.object({ name: z.string(), address: z.string(), family: z.enum(['IPv4', 'IPv6']), baseUrl: z.string().nullable() })),
})

export const DisplayToken = z.object({
  id: z.number(),
  name: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
})

