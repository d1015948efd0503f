import type { ExportTableSpec } from '../spec'
import { alerts, deliveries, invoices, payments, settlements, stockMoves } from './after-sales'
import { auditLog, users } from './foundation'
import {
  appointments,
  customers,
  labourOperations,
  odometerReadings,
  parts,
  repairOrders,
  roAuthorisations,
  roFindings,
  roLines,
  vehicleOwners,
  vehicles,
} from './reception'

/**
 * Every table in the nightly batch, in file order. A `children` table comes after its parent.
 * New areas add their declarations here (workshop jobs and clocked time are still to come); the JSON
 * Schemas in docs/export-schemas are regenerated with `npm run export:verify -- --write-schemas`.
 */
export const EXPORT_TABLES: readonly ExportTableSpec[] = [
  users,
  customers,
  vehicles,
  vehicleOwners,
  odometerReadings,
  parts,
  labourOperations,
  appointments,
  repairOrders,
  roLines,
  roFindings,
  roAuthorisations,
  settlements,
  invoices,
  deliveries,
  payments,
  stockMoves,
  alerts,
  auditLog,
]
