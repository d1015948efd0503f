import { z } from 'zod'
import type { ContractSection } from './types'

// The insurers' month-end collection list (保险当月回款清单) as an XLSX workbook: the ageing per
// insurer and every open insurance invoice with its due date, as `insurance.receivables` lists them.

export const insuranceCollectionContract = {
  'insurance.collection.xlsx': {
    input: z.strictObject({ asOf: z.iso.date({ error: 'insurance.badDate' }).optional() }),
    output: z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string(), rows: z.number() }),
    access: 'receivables.read',
    kind: 'export',
  },
} as const satisfies ContractSection
