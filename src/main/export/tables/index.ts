import type { ExportTableSpec } from '../spec'
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
 * New areas (parts ledger, workshop, settlement, rules) add their declarations here; the JSON
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
  auditLog,
]
