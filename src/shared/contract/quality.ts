import { z } from 'zod'
import { COMEBACK_DAYS_MAX, INCIDENT_SOURCES, INCIDENT_STATES } from '../domain/quality'
import type { ContractSection } from './types'

// Repair-quality incidents (维修质量事故): the technical supervisor's register (vehicle, RO, what
// went wrong, analysis, handling opinion, cost, state) and the comebacks the system detects and
// proposes — reworks ordered at QC and repeat visits of a vehicle within N days for the same labour
// operation. A proposal is registered as an incident in one step or dismissed with a reason.
// Writes emit `department.changed`.

const Id = z.number().int().positive()
const Version = z.number().int().positive()
const DateOnly = z.iso.date()
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'validation.invalidFormat' })
const Fen = z.number().int({ error: 'validation.notInteger' }).min(0).max(100_000_000_000)
const Text = (max: number) => z.string().trim().max(max)
const Key = z.string().trim().min(1).max(40)
/** The comeback window in days; when not given, the setting (`quality.comebackDays`). */
const Days = z.number().int({ error: 'validation.notInteger' }).min(1, { error: 'quality.comebackDaysRange' }).max(COMEBACK_DAYS_MAX, { error: 'quality.comebackDaysRange' })
const WithinDays = Days.optional()

export const IncidentRow = z.object({
  id: z.number(),
  vehicleId: z.number(),
  plate: z.string().nullable(),
  vehicle: z.string(),
  roId: z.number().nullable(),
  roNumber: z.string().nullable(),
  occurredOn: z.string(),
  source: z.enum(INCIDENT_SOURCES),
  sourceKey: z.string().nullable(),
  what: z.string(),
  analysis: z.string(),
  handling: z.string(),
  costFen: z.number(),
  state: z.enum(INCIDENT_STATES),
  recordedBy: z.string(),
  closedAt: z.string().nullable(),
  version: z.number(),
})

export const ComebackProposal = z.object({
  key: z.string(),
  source: z.enum(['qc_rework', 'repeat_visit']),
  vehicleId: z.number(),
  plate: z.string().nullable(),
  vehicle: z.string(),
  roId: z.number(),
  roNumber: z.string(),
  occurredOn: z.string(),
  /** QC rework: the reasons given per job sent back. */
  reasons: z.array(z.string()),
  /** Repeat visit: the earlier RO, the days between its completion and this RO, the labour operations both carry. */
  earlierRoNumber: z.string().nullable(),
  days: z.number().nullable(),
  opCodes: z.array(z.string()),
})

const Details = {
  what: Text(500).min(1, { error: 'validation.required' }),
  analysis: Text(2000).default(''),
  handling: Text(2000).default(''),
  costFen: Fen.default(0),
}

const w = 'write' as const
const r = 'read' as const

export const qualityContract = {
  'quality.incidents': {
    input: z.strictObject({ month: Month.optional(), state: z.enum(INCIDENT_STATES).optional() }),
    output: z.array(IncidentRow),
    access: 'department.read',
    kind: r,
  },
  /** A new incident on an RO (by its number; the vehicle is the RO's), or an edit of one with its version. */
  'quality.incident.save': {
    input: z.strictObject({ id: Id.optional(), version: Version.optional(), roNumber: Text(40).min(1, { error: 'validation.required' }), occurredOn: DateOnly, ...Details }),
    output: IncidentRow,
    access: 'department.quality',
    kind: w,
  },
  'quality.incident.close': {
    input: z.strictObject({ id: Id, version: Version }),
    output: IncidentRow,
    access: 'department.quality',
    kind: w,
  },
  /** The comebacks of a month not yet registered or dismissed: QC reworks and repeat visits within `withinDays`. */
  'quality.comebacks': {
    input: z.strictObject({ month: Month, withinDays: WithinDays }),
    output: z.array(ComebackProposal),
    access: 'department.read',
    kind: r,
  },
  'quality.comeback.register': {
    input: z.strictObject({ key: Key, withinDays: WithinDays, ...Details }),
    output: IncidentRow,
    access: 'department.quality',
    kind: w,
  },
  'quality.comeback.dismiss': {
    input: z.strictObject({ key: Key, withinDays: WithinDays, reason: Text(500).min(1, { error: 'validation.required' }) }),
    output: z.object({ key: z.string() }),
    access: 'department.quality',
    kind: w,
  },
  /** The comeback window in force (the setting) and its default. */
  'quality.comebackDays': { input: z.strictObject({}), output: z.object({ days: z.number(), defaultDays: z.number() }), access: 'department.read', kind: r },
  /** Sets the comeback window: a vehicle back within this many days for the same operation is a repeat visit. */
  'quality.comebackDays.set': {
    input: z.strictObject({ days: Days }),
    output: z.object({ days: z.number(), defaultDays: z.number() }),
    access: 'department.quality',
    kind: w,
  },
} as const satisfies ContractSection
