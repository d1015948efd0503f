import type { z } from 'zod'
import type {
  Appointment,
  Customer,
  LabourOp,
  PartHit,
  RoDetail,
  RoLine,
  RoSummary,
  SearchHit,
  Vehicle,
  VehicleDetail,
} from '../../../shared/contract/reception'

// Output shapes of the reception channels, named once for the screens.
export type SearchHitT = z.output<typeof SearchHit>
export type VehicleDetailT = z.output<typeof VehicleDetail>
export type VehicleT = z.output<typeof Vehicle>
export type CustomerT = z.output<typeof Customer>
export type RoDetailT = z.output<typeof RoDetail>
export type RoLineT = z.output<typeof RoLine>
export type RoSummaryT = z.output<typeof RoSummary>
export type AppointmentT = z.output<typeof Appointment>
export type PartHitT = z.output<typeof PartHit>
export type LabourOpT = z.output<typeof LabourOp>
