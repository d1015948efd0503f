import { z } from 'zod'
import { SANBAO_ASSEMBLIES, SANBAO_COUNTERS, SANBAO_LEVELS } from '../domain/sanbao'
import type { ContractSection } from './types'

// 三包 per vehicle (shared/domain/sanbao.ts): the counters within the validity and each counter's
// level against the `sanbao_threshold` rule; the RO screen reads them for its banner, the warranty
// clerk marks a claim's serious safety fault or replaced assembly. The mark emits `warranty.changed`.

const Id = z.number().int().positive()

export const SanbaoCounterOut = z.object({
  counter: z.enum(SANBAO_COUNTERS),
  value: z.number(),
  limit: z.number(),
  level: z.enum(SANBAO_LEVELS),
  /** The problem repaired most often, the assembly replaced most, or the longest repair's RO number. */
  subject: z.string(),
})

export const SanbaoRepairOut = z.object({
  roId: z.number(),
  roNumber: z.string(),
  openedOn: z.string(),
  endOn: z.string(),
  /** Still in the workshop: `endOn` is today. */
  open: z.boolean(),
  days: z.number(),
  odometerKm: z.number(),
  /** Opened within the validity, so in the counters. */
  counted: z.boolean(),
  problems: z.array(z.string()),
  safetyFault: z.boolean(),
  replaced: z.array(z.enum(SANBAO_ASSEMBLIES)),
})

export const SanbaoClaimOut = z.object({
  id: z.number(),
  number: z.string(),
  roId: z.number(),
  failureCode: z.string(),
  causalPart: z.string().nullable(),
  safetyFault: z.boolean(),
  replaced: z.enum(SANBAO_ASSEMBLIES).nullable(),
})

export const VehicleSanbao = z.object({
  vehicleId: z.number(),
  vin: z.string(),
  plate: z.string().nullable(),
  energy: z.enum(['fuel', 'new_energy']),
  odometerKm: z.number(),
  /** The warranty start the validity runs from; null when unknown (nothing is counted then). */
  startsOn: z.string().nullable(),
  untilDate: z.string().nullable(),
  untilKm: z.number(),
  asOf: z.string(),
  inValidity: z.boolean(),
  endedBy: z.enum(['date', 'km']).nullable(),
  /** The `sanbao_threshold` rule is on: the RO screen shows its banner only then. */
  ruleEnabled: z.boolean(),
  /** The highest level of the counters. */
  level: z.enum(SANBAO_LEVELS),
  counters: z.array(SanbaoCounterOut),
  repairs: z.array(SanbaoRepairOut),
  claims: z.array(SanbaoClaimOut),
})

export const sanbaoContract = {
  /** The vehicle's 三包 counters as of today, with its repairs and claims. */
  'warranty.sanbao.vehicle': {
    input: z.strictObject({ vehicleId: Id }),
    output: VehicleSanbao,
    // Like coverage, part of the vehicle's record at reception.
    access: 'reception.read',
    kind: 'read',
  },
  /** The same for an RO's vehicle, the single-repair counter being that RO's own days (the RO screen's banner). */
  'warranty.sanbao.forRo': {
    input: z.strictObject({ roId: Id }),
    output: VehicleSanbao.extend({ roId: z.number() }),
    access: 'reception.read',
    kind: 'read',
  },
  /** Marks a claim's repair as of a serious safety fault and/or the assembly it replaced. */
  'warranty.sanbao.mark': {
    input: z.strictObject({ claimId: Id, safetyFault: z.boolean(), replaced: z.enum(SANBAO_ASSEMBLIES).nullable() }),
    output: VehicleSanbao,
    access: 'warranty.write',
    kind: 'write',
  },
} as const satisfies ContractSection
