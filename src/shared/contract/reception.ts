import { z } from 'zod'
import { FenSchema, MobileSchema, PhoneSchema, PlateSchema, QuantityMilliSchema, VinSchema } from '../domain/schemas'
import { RO_TYPES } from '../domain/ro-type'
import { PAYERS } from '../domain/payer'
import { RO_STATES } from '../domain/ro-state'
import type { ContractSection } from './types'

// Reception desk (前台接待): search, customers and vehicles, appointments, check-in, estimate,
// authorisation. Inputs are strict objects: an unknown field is a VALIDATION error, not ignored.

const Id = z.number().int().positive()
const Version = z.number().int().positive()
const Name = z.string().trim().min(1).max(100)
const OptText = (max: number) => z.string().trim().max(max).optional()
/** Local ISO date-time with offset, e.g. 2026-11-27T15:30:00+08:00. */
const DateTime = z.iso.datetime({ offset: true })
const DateOnly = z.iso.date()

/** The claim opened at the desk with an accident car's RO; the rest is filled in on the RO's insurance panel. */
export const CheckInInsurance = z.strictObject({
  insurer: z.string().trim().min(1, { error: 'checkIn.insurerRequired' }).max(60),
  reportNo: z.string().trim().min(1, { error: 'checkIn.reportNoRequired' }).max(40),
  policyNo: z.string().trim().max(40).default(''),
})

export const SearchHit = z.object({
  vehicleId: z.number().nullable(),
  vin: z.string().nullable(),
  plate: z.string().nullable(),
  make: z.string().nullable(),
  model: z.string().nullable(),
  customerId: z.number(),
  customerName: z.string(),
  mobile: z.string().nullable(),
  openRoId: z.number().nullable(),
  openRoNumber: z.string().nullable(),
  matchedBy: z.enum(['plate', 'vin', 'mobile', 'name']),
})

export const Customer = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(['person', 'company']),
  mobile: z.string().nullable(),
  phone2: z.string().nullable(),
  address: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number(),
})

export const Vehicle = z.object({
  id: z.number(),
  vin: z.string(),
  plate: z.string().nullable(),
  energy: z.enum(['fuel', 'new_energy']),
  make: z.string(),
  model: z.string(),
  modelYear: z.number().nullable(),
  colour: z.string().nullable(),
  engineNo: z.string().nullable(),
  firstRegisteredOn: z.string().nullable(),
  ownerId: z.number(),
  odometerKm: z.number(),
  version: z.number(),
})

export const RoSummary = z.object({
  id: z.number(),
  number: z.string(),
  type: z.enum(RO_TYPES),
  state: z.enum(RO_STATES),
  plate: z.string().nullable(),
  vin: z.string(),
  model: z.string(),
  customerName: z.string(),
  advisorName: z.string(),
  odometerKm: z.number(),
  openedAt: z.string(),
  promisedAt: z.string().nullable(),
  netFen: z.number(),
  vatFen: z.number(),
  grossFen: z.number(),
  /** What is late now: the promised time passed before the car was ready; the settlement deadline passed. */
  late: z.array(z.enum(['promised', 'settlement'])),
})

export const VehicleDetail = z.object({
  vehicle: Vehicle,
  owner: Customer,
  owners: z.array(z.object({ customerId: z.number(), name: z.string(), fromAt: z.string(), toAt: z.string().nullable() })),
  odometer: z.array(
    z.object({ km: z.number(), at: z.string(), source: z.string(), overrideReason: z.string().nullable() }),
  ),
  repairOrders: z.array(RoSummary),
  /** Short summary of each past visit's work, newest first (车历). */
  history: z.array(z.object({ roId: z.number(), number: z.string(), openedAt: z.string(), odometerKm: z.number(), lines: z.array(z.string()) })),
})

export const CustomerDetail = z.object({ customer: Customer, vehicles: z.array(Vehicle) })

const CustomerInput = z.strictObject({
  name: Name,
  kind: z.enum(['person', 'company']).default('person'),
  mobile: MobileSchema.optional(),
  phone2: PhoneSchema.optional(),
  address: OptText(200),
  note: OptText(500),
  /** The desk confirmed that this mobile, already another customer's, is shared (family, fleet). */
  sharedMobile: z.boolean().optional(),
})

const VehicleFields = {
  plate: PlateSchema.optional(),
  make: z.string().trim().min(1).max(40),
  model: z.string().trim().min(1).max(60),
  modelYear: z.number().int().min(1950).max(2100).optional(),
  colour: OptText(20),
  engineNo: OptText(30),
  firstRegisteredOn: DateOnly.optional(),
}

export const Finding = z.strictObject({
  kind: z.enum(['damage', 'valuable', 'warning_light']),
  area: z.string().trim().min(1).max(40),
  note: z.string().trim().max(200).default(''),
})

export const LineInput = z.strictObject({
  /** The line's id when it is already on the RO (kept, possibly moved or changed); absent for a new line. */
  id: Id.optional(),
  kind: z.enum(['labour', 'part']),
  opCode: z.string().trim().max(20).optional(),
  partId: Id.optional(),
  description: z.string().trim().min(1).max(200),
  /** Flat-rate hours or part quantity, in thousandths (1.5 h = 1500). */
  quantityMilli: QuantityMilliSchema,
  unitPriceFen: FenSchema,
  payer: z.enum(PAYERS),
})

export const RoLine = z.object({
  id: z.number(),
  position: z.number(),
  kind: z.enum(['labour', 'part']),
  opCode: z.string().nullable(),
  partId: z.number().nullable(),
  partNumber: z.string().nullable(),
  description: z.string(),
  quantityMilli: z.number(),
  unitPriceFen: z.number(),
  amountFen: z.number(),
  payer: z.enum(PAYERS),
  vatRateBp: z.number(),
})

const Totals = z.object({ netFen: z.number(), vatFen: z.number(), grossFen: z.number() })

export const Authorisation = z.object({
  id: z.number(),
  method: z.enum(['signature', 'in_person', 'phone']),
  authorisedBy: z.string(),
  signaturePng: z.string().nullable(),
  note: z.string(),
  recordedBy: z.string(),
  at: z.string(),
  grossFen: z.number(),
  /** Set when a later change of the estimate made this approval void. */
  supersededAt: z.string().nullable(),
})

export const RoDetail = z.object({
  id: z.number(),
  number: z.string(),
  type: z.enum(RO_TYPES),
  state: z.enum(RO_STATES),
  version: z.number(),
  customer: Customer,
  vehicle: Vehicle,
  advisor: z.object({ id: z.number(), name: z.string() }),
  appointmentId: z.number().nullable(),
  odometerKm: z.number(),
  fuelEighths: z.number(),
  concerns: z.string(),
  promisedAt: z.string().nullable(),
  returnOldParts: z.boolean(),
  openedAt: z.string(),
  findings: z.array(z.object({ kind: z.enum(['damage', 'valuable', 'warning_light']), area: z.string(), note: z.string() })),
  lines: z.array(RoLine),
  totals: Totals.extend({ byPayer: z.record(z.string(), Totals) }),
  authorisations: z.array(Authorisation),
  /** True when the current estimate carries a valid customer approval. */
  authorised: z.boolean(),
  allowedActions: z.array(z.string()),
})

export const Appointment = z.object({
  id: z.number(),
  customerId: z.number(),
  customerName: z.string(),
  mobile: z.string().nullable(),
  vehicleId: z.number(),
  plate: z.string().nullable(),
  model: z.string(),
  advisorId: z.number(),
  advisorName: z.string(),
  startsAt: z.string(),
  durationMin: z.number(),
  concern: z.string(),
  status: z.enum(['booked', 'arrived', 'no_show', 'cancelled']),
  roId: z.number().nullable(),
  version: z.number(),
})

export const PartHit = z.object({
  id: z.number(),
  partNumber: z.string(),
  name: z.string(),
  brand: z.string().nullable(),
  unit: z.string(),
  bin: z.string().nullable(),
  priceFen: z.number(),
})

export const LabourOp = z.object({ code: z.string(), description: z.string(), flatHoursMilli: z.number() })

export const receptionContract = {
  'reception.search': {
    input: z.strictObject({ q: z.string().trim().min(1).max(40), limit: z.number().int().min(1).max(200).default(20) }),
    output: z.array(SearchHit),
    access: 'reception.read',
    kind: 'read',
  },
  /** The search box's hits with how many there are in all ("20 of 57"; `capped`: more than `total`). */
  'reception.find': {
    input: z.strictObject({ q: z.string().trim().min(1).max(40), limit: z.number().int().min(1).max(200).default(20) }),
    output: z.object({ hits: z.array(SearchHit), total: z.number(), capped: z.boolean() }),
    access: 'reception.read',
    kind: 'read',
  },
  /**
   * How many vehicles (or customers without one) a text finds in all, up to a cap: the desk asks
   * it after the hits are on screen when they fill the page, so the hits never wait for the count.
   */
  'reception.count': {
    input: z.strictObject({ q: z.string().trim().min(1).max(40) }),
    output: z.object({ total: z.number(), capped: z.boolean() }),
    access: 'reception.read',
    kind: 'read',
  },
  'customers.get': { input: z.strictObject({ id: Id }), output: CustomerDetail, access: 'reception.read', kind: 'read' },
  'customers.create': { input: CustomerInput, output: Customer, access: 'customers.write', kind: 'write' },
  'customers.update': {
    // kind is re-declared without its default: a partial update must not reset a company to person.
    input: CustomerInput.partial().extend({ kind: z.enum(['person', 'company']).optional(), id: Id, version: Version }),
    output: Customer,
    access: 'customers.write',
    kind: 'write',
  },
  'vehicles.get': { input: z.strictObject({ id: Id }), output: VehicleDetail, access: 'reception.read', kind: 'read' },
  'vehicles.register': {
    input: z.strictObject({
      vin: VinSchema,
      ...VehicleFields,
      odometerKm: z.number().int().min(0).max(2_000_000).default(0),
      /** An existing owner, or a new customer registered together with the vehicle. */
      ownerId: Id.optional(),
      newOwner: CustomerInput.optional(),
    }),
    output: Vehicle,
    access: 'customers.write',
    kind: 'write',
  },
  'vehicles.update': {
    input: z.strictObject({ id: Id, version: Version, ...VehicleFields, make: VehicleFields.make.optional(), model: VehicleFields.model.optional() }),
    output: Vehicle,
    access: 'customers.write',
    kind: 'write',
  },
  'vehicles.changeOwner': {
    input: z.strictObject({ id: Id, version: Version, customerId: Id }),
    output: Vehicle,
    access: 'customers.write',
    kind: 'write',
  },
  'vehicles.correctOdometer': {
    input: z.strictObject({ id: Id, version: Version, km: z.number().int().min(0).max(2_000_000), reason: z.string().trim().min(2).max(200) }),
    output: Vehicle,
    access: 'odometer.override',
    kind: 'write',
  },
  'appointments.day': {
    input: z.strictObject({ date: DateOnly, advisorId: Id.optional() }),
    output: z.array(Appointment),
    access: 'reception.read',
    kind: 'read',
  },
  'appointments.book': {
    input: z.strictObject({
      vehicleId: Id,
      advisorId: Id,
      startsAt: DateTime,
      durationMin: z.number().int().min(5).max(600).default(60),
      concern: z.string().trim().max(500).default(''),
      /** The advisor confirmed a booking outside the reception's opening hours. */
      outsideHours: z.boolean().default(false),
    }),
    output: Appointment,
    access: 'appointments.write',
    kind: 'write',
  },
  'appointments.setStatus': {
    input: z.strictObject({ id: Id, version: Version, status: z.enum(['no_show', 'cancelled', 'booked']) }),
    output: Appointment,
    access: 'appointments.write',
    kind: 'write',
  },
  'ro.checkIn': {
    input: z
      .strictObject({
        vehicleId: Id,
        appointmentId: Id.optional(),
        type: z.enum(RO_TYPES),
        odometerKm: z.number().int().min(0).max(2_000_000),
        /** A supervisor's reason when the reading is below the last one; recorded. */
        odometerOverrideReason: z.string().trim().min(2).max(200).optional(),
        fuelEighths: z.number().int().min(0).max(8),
        concerns: z.string().trim().min(1).max(2000),
        findings: z.array(Finding).max(60).default([]),
        promisedAt: DateTime.optional(),
        returnOldParts: z.boolean().default(false),
        /** An accident car (保险事故): the insurer and report number (报案号) open the RO's insurance claim with it. */
        insurance: CheckInInsurance.optional(),
      })
      .refine((c) => c.insurance === undefined || c.type === 'insurance', { error: 'checkIn.insuranceNeedsInsuranceRo', path: ['insurance'] }),
    output: RoDetail,
    access: 'ro.write',
    kind: 'write',
  },
  'ro.get': { input: z.strictObject({ id: Id }), output: RoDetail, access: 'reception.read', kind: 'read' },
  'ro.list': {
    input: z.strictObject({
      state: z.enum(RO_STATES).optional(),
      open: z.boolean().optional(),
      advisorId: Id.optional(),
      /** RO number, plate, customer name or mobile, any part of it. */
      q: z.string().trim().max(40).optional(),
      type: z.enum(RO_TYPES).optional(),
      /** Opened on or after `from`, on or before `to` (local dates). */
      from: DateOnly.optional(),
      to: DateOnly.optional(),
      /** Only orders that are late (promised time or settlement deadline passed). */
      late: z.boolean().optional(),
      limit: z.number().int().min(1).max(200).default(50),
      offset: z.number().int().min(0).default(0),
    }),
    output: z.object({ rows: z.array(RoSummary), total: z.number() }),
    access: 'reception.read',
    kind: 'read',
  },
  'ro.updateHeader': {
    input: z.strictObject({
      id: Id,
      version: Version,
      type: z.enum(RO_TYPES).optional(),
      concerns: z.string().trim().min(1).max(2000).optional(),
      promisedAt: DateTime.nullable().optional(),
      returnOldParts: z.boolean().optional(),
    }),
    output: RoDetail,
    access: 'ro.write',
    kind: 'write',
  },
  'ro.saveLines': {
    input: z.strictObject({
      id: Id,
      version: Version,
      lines: z.array(LineInput).max(200),
      /** Let warranty lines outside the vehicle's coverage through (`warranty.override`); the reason is recorded. */
      warrantyOverride: z.strictObject({ reason: z.string().trim().min(2).max(200) }).optional(),
    }),
    output: RoDetail,
    access: 'ro.write',
    kind: 'write',
  },
  'ro.authorise': {
    input: z.strictObject({
      id: Id,
      version: Version,
      method: z.enum(['signature', 'in_person', 'phone']),
      authorisedBy: Name,
      /** PNG data URL of the on-screen signature; required when method is `signature`. */
      signaturePng: z
        .string()
        .max(400_000)
        .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, { message: 'field.signatureFormat' })
        .optional(),
      note: z.string().trim().max(500).default(''),
    }),
    output: RoDetail,
    access: 'ro.authorise',
    kind: 'write',
  },
  'ro.cancel': {
    input: z.strictObject({ id: Id, version: Version, reason: z.string().trim().min(2).max(200) }),
    output: RoDetail,
    access: 'ro.cancel',
    kind: 'write',
  },
  'catalog.parts.search': {
    input: z.strictObject({ q: z.string().trim().min(1).max(64), limit: z.number().int().min(1).max(100).default(20) }),
    output: z.array(PartHit),
    access: 'catalog.read',
    kind: 'read',
  },
  'catalog.labour.search': {
    input: z.strictObject({ q: z.string().trim().max(64).default(''), limit: z.number().int().min(1).max(100).default(20) }),
    output: z.array(LabourOp),
    access: 'catalog.read',
    kind: 'read',
  },
} as const satisfies ContractSection
