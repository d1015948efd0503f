import type { ExportTableSpec } from '../spec'
import { attachments } from './attachments'
import { alerts, deliveries, invoices, payments, settlements, stockMoves } from './after-sales'
import { auditLog, users } from './foundation'
import {
  externalPurchases,
  oldParts,
  partRequests,
  poLines,
  poReceiptLines,
  poReceipts,
  purchaseOrders,
  roPartIssues,
  stocktakeLines,
  stocktakes,
  suppliers,
} from './parts'
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
import {
  additionalWork,
  additionalWorkLines,
  bays,
  jobTimeSegments,
  qcInspectionItems,
  qcInspections,
  qcRework,
  roJobs,
  technicians,
} from './workshop'

/**
 * Every table in the nightly batch, in file order. A `children` table comes after its parent.
 * New areas add their declarations here; the JSON Schemas in docs/export-schemas are regenerated
 * with `npm run export:verify -- --write-schemas`.
 */
export const EXPORT_TABLES: readonly ExportTableSpec[] = [
  users,
  customers,
  vehicles,
  vehicleOwners,
  odometerReadings,
  parts,
  labourOperations,
  suppliers,
  bays,
  technicians,
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
  purchaseOrders,
  poLines,
  poReceipts,
  poReceiptLines,
  externalPurchases,
  oldParts,
  stocktakes,
  stocktakeLines,
  partRequests,
  roPartIssues,
  roJobs,
  jobTimeSegments,
  additionalWork,
  additionalWorkLines,
  qcInspections,
  qcInspectionItems,
  qcRework,
  alerts,
  auditLog,
  attachments,
]
