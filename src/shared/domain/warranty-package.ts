import { z } from 'zod'
import { ATTACHMENT_TYPES } from './attachments'
import { CLAIM_STATES, CLAIM_TYPES } from './warranty'

// The claim package (索赔资料包) the clerk files in the maker's portal: the same content as an
// XLSX workbook (one sheet per part of a claim, column names fixed) and as JSON (the schema below).
// The layout is documented in docs/warranty-claim-package.md; change both together.

export const PACKAGE_FORMAT = 'dealer-warranty-claim-package'
export const PACKAGE_VERSION = 1

/** The workbook's sheets and their columns, in order (row 1 of each sheet holds these names). */
export const PACKAGE_SHEETS = {
  claims: [
    'claim_number', 'claim_type', 'state', 'dealer_code', 'ro_number', 'ro_completed_at', 'vin', 'plate', 'make', 'model', 'mileage_km',
    'causal_part_number', 'causal_part_name', 'failure_code', 'concern', 'cause', 'correction',
    'labour_yuan', 'parts_yuan', 'other_yuan', 'total_yuan', 'submissions', 'maker_ref',
  ],
  labour: ['claim_number', 'line', 'op_code', 'description', 'hours', 'standard_hours', 'rate_yuan', 'amount_yuan'],
  parts: ['claim_number', 'line', 'part_number', 'description', 'quantity', 'unit_price_yuan', 'amount_yuan'],
  expenses: ['claim_number', 'line', 'kind', 'description', 'amount_yuan'],
  attachments: ['claim_number', 'line', 'file_name', 'mime_type', 'size_bytes', 'sha256', 'added_at', 'missing'],
} as const
export type PackageSheet = keyof typeof PACKAGE_SHEETS

const Fen = z.number().int()
const Milli = z.number().int()

export const PackageClaim = z.strictObject({
  number: z.string(),
  claimType: z.enum(CLAIM_TYPES),
  state: z.enum(CLAIM_STATES),
  roNumber: z.string(),
  roCompletedAt: z.string().nullable(),
  vin: z.string(),
  plate: z.string().nullable(),
  make: z.string(),
  model: z.string(),
  mileageKm: z.number().int(),
  causalPart: z.strictObject({ partNumber: z.string(), name: z.string() }).nullable(),
  failureCode: z.string(),
  concern: z.string(),
  cause: z.string(),
  correction: z.string(),
  labour: z.array(z.strictObject({ opCode: z.string(), description: z.string(), hoursMilli: Milli, standardHoursMilli: Milli.nullable(), rateFen: Fen, amountFen: Fen })),
  parts: z.array(z.strictObject({ partNumber: z.string().nullable(), description: z.string(), quantityMilli: Milli, unitPriceFen: Fen, amountFen: Fen })),
  expenses: z.array(z.strictObject({ kind: z.enum(['sublet', 'towing', 'other']), description: z.string(), amountFen: Fen })),
  labourFen: Fen,
  partsFen: Fen,
  otherFen: Fen,
  totalFen: Fen,
  submissions: z.number().int(),
  makerRef: z.string(),
  attachments: z.array(
    z.strictObject({ fileName: z.string(), mimeType: z.enum(ATTACHMENT_TYPES), sizeBytes: z.number().int(), sha256: z.string().regex(/^[0-9a-f]{64}$/), addedAt: z.string(), missing: z.boolean() }),
  ),
})
export type PackageClaim = z.infer<typeof PackageClaim>

/** The JSON package: money in fen, quantities and hours in thousandths, times ISO with offset. */
export const ClaimPackage = z.strictObject({
  format: z.literal(PACKAGE_FORMAT),
  version: z.literal(PACKAGE_VERSION),
  dealer: z.strictObject({ code: z.string(), name: z.string() }),
  exportedAt: z.string(),
  claims: z.array(PackageClaim),
})
export type ClaimPackage = z.infer<typeof ClaimPackage>
