import { z } from 'zod'
import { FIRST_SERVICE_STATUSES } from '../domain/first-service'
import { WarrantyCallRow } from './warranty-calls'
import type { ContractSection } from './types'

// First service (首保) at the warranty desk [manual: 首保回厂率 ≥ 95 %]: the cars whose first-service
// window is about to close or has closed unserved, each with its reminder call (a warranty call of
// kind `first_service`, logged and booked through `warranty.calls.logCall`), and the monthly return
// rate with the cars behind it (the figure is the count of its rows).

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'validation.invalidFormat' })

export const FirstServiceRow = WarrantyCallRow.extend({
  /** due: the window closes within the lead days; overdue: it closed unserved (kept 90 days). */
  status: z.enum(FIRST_SERVICE_STATUSES),
  closesBy: z.enum(['months', 'km']),
  /** The make's first-service km (the window closes at the earlier of `months` and this). */
  km: z.number(),
  odometerKm: z.number(),
  /** Days from today to the window's last day (negative: overdue). */
  daysLeft: z.number(),
})

/** One month of the return rate: first services done in their window ÷ windows closed in the month. */
export const FirstServicePoint = z.object({ month: z.string(), done: z.number(), closed: z.number(), valueBp: z.number().nullable() })

export const FirstServiceVehicle = z.object({
  vehicleId: z.number(),
  plate: z.string().nullable(),
  vin: z.string(),
  model: z.string(),
  customerName: z.string(),
  startsOn: z.string(),
  closesOn: z.string(),
  closesBy: z.enum(['months', 'km']),
  done: z.boolean(),
  /** The first service done within the window. */
  roId: z.number().nullable(),
  roNumber: z.string().nullable(),
  roOpenedAt: z.string().nullable(),
})

const r = 'read' as const

export const firstServiceContract = {
  /** Due and overdue first services, the window closing soonest first; `toCall`: only calls open and due again today. */
  'warranty.firstService.list': {
    input: z.strictObject({ status: z.enum(FIRST_SERVICE_STATUSES).optional(), toCall: z.boolean().default(false), limit: z.number().int().min(1).max(1000).default(500) }),
    output: z.array(FirstServiceRow),
    access: 'warranty.read',
    kind: r,
  },
  /** The return rate of the last N months (oldest first; the running month counts the windows closed before today). */
  'warranty.firstService.rates': {
    input: z.strictObject({ months: z.number().int().min(1).max(24).default(6) }),
    output: z.object({ asOf: z.string(), targetBp: z.number(), points: z.array(FirstServicePoint) }),
    access: 'warranty.read',
    kind: r,
  },
  /** The cars whose window closed in the month, done or not (or only one of them). */
  'warranty.firstService.drill': {
    input: z.strictObject({ month: Month, done: z.boolean().optional() }),
    output: z.object({ asOf: z.string(), month: z.string(), vehicles: z.array(FirstServiceVehicle) }),
    access: 'warranty.read',
    kind: r,
  },
} as const satisfies ContractSection
