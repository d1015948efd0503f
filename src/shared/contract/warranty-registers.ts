import { z } from 'zod'
import { FenSchema } from '../domain/schemas'
import { FEEDBACK_SEVERITIES, REGISTER_ACTIONS, REGISTER_KINDS, REGISTER_STATES } from '../domain/warranty-register'
import type { ContractSection } from './types'

// The warranty desk's registers with the maker: over-authority requests (超权限申报) and quality
// feedback reports (质量信息反馈), one register with a state flow and status log, and its XLSX list.
// Every write emits `warranty.changed`.

const Id = z.number().int().positive()
const Version = z.number().int().positive()
const Kind = z.enum(REGISTER_KINDS)
const State = z.enum(REGISTER_STATES)

export const RegisterRow = z.object({
  id: z.number(),
  kind: Kind,
  number: z.string(),
  state: State,
  version: z.number(),
  roNumber: z.string().nullable(),
  vin: z.string(),
  plate: z.string().nullable(),
  claimNumber: z.string().nullable(),
  requestedFen: z.number().nullable(),
  approvedFen: z.number().nullable(),
  makerRef: z.string(),
  partText: z.string(),
  failure: z.string(),
  occurrences: z.number().nullable(),
  severity: z.enum(FEEDBACK_SEVERITIES).nullable(),
  note: z.string(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
})

export const RegisterDetail = RegisterRow.extend({
  roId: z.number().nullable(),
  vehicleId: z.number(),
  claimId: z.number().nullable(),
  make: z.string(),
  model: z.string(),
  customerName: z.string(),
  submissions: z.number(),
  decidedAt: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  /** The moves the entry's state allows now. */
  actions: z.array(z.enum(REGISTER_ACTIONS)),
  log: z.array(z.object({ fromState: State.nullable(), toState: State, at: z.string(), user: z.string(), reason: z.string() })),
})

const Filter = z.strictObject({
  kind: Kind.optional(),
  state: State.optional(),
  q: z.string().trim().max(40).default(''),
})

export const warrantyRegistersContract = {
  'warranty.register.list': {
    input: Filter.extend({ limit: z.number().int().min(1).max(500).default(200) }),
    output: z.array(RegisterRow),
    access: 'warranty.read',
    kind: 'read',
  },
  'warranty.register.get': { input: z.strictObject({ id: Id }), output: RegisterDetail, access: 'warranty.read', kind: 'read' },
  /**
   * Creates (no id) or edits (id and version, in draft or returned) an entry. The vehicle is named
   * by an RO number or a VIN (both must agree when both are given); an over-authority request may
   * name its claim, whose RO it then takes.
   */
  'warranty.register.save': {
    input: z.strictObject({
      id: Id.optional(),
      version: Version.optional(),
      kind: Kind,
      roNumber: z.string().trim().max(20).default(''),
      vin: z.string().trim().toUpperCase().max(17).default(''),
      claimNumber: z.string().trim().max(20).default(''),
      requestedFen: FenSchema.optional(),
      partText: z.string().trim().max(100).default(''),
      failure: z.string().trim().max(1000).default(''),
      occurrences: z.number().int().min(1).max(100_000).optional(),
      severity: z.enum(FEEDBACK_SEVERITIES).optional(),
      note: z.string().trim().max(1000).default(''),
    }),
    output: RegisterDetail,
    access: 'warranty.write',
    kind: 'write',
  },
  'warranty.register.delete': {
    input: z.strictObject({ id: Id, version: Version }),
    output: z.object({ id: z.number() }),
    access: 'warranty.write',
    kind: 'write',
  },
  /** One move of the flow; return, reject and close need a reason; approving an over-authority request records the maker's amount. */
  'warranty.register.move': {
    input: z.strictObject({
      id: Id,
      version: Version,
      action: z.enum(REGISTER_ACTIONS),
      reason: z.string().trim().max(200).default(''),
      approvedFen: FenSchema.optional(),
      makerRef: z.string().trim().max(40).default(''),
    }),
    output: RegisterDetail,
    access: 'warranty.write',
    kind: 'write',
  },
  'warranty.register.export': {
    input: Filter,
    output: z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string(), rows: z.number() }),
    access: 'warranty.read',
    kind: 'export',
  },
} as const satisfies ContractSection
