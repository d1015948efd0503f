import { z } from 'zod'
import type { ContractSection } from './types'

// The claim package for the maker's portal: selected claims as an XLSX workbook or JSON, in the
// layout of docs/warranty-claim-package.md (shared/domain/warranty-package.ts).

const Id = z.number().int().positive()

export const warrantyPackageContract = {
  'warranty.package.export': {
    input: z.strictObject({
      ids: z
        .array(Id)
        .min(1)
        .max(200)
        .refine((ids) => new Set(ids).size === ids.length, { error: 'warranty.package.duplicateClaim' }),
      format: z.enum(['xlsx', 'json']),
    }),
    output: z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string(), claims: z.number() }),
    access: 'warranty.read',
    kind: 'export',
  },
} as const satisfies ContractSection
