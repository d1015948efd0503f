import { z } from 'zod'
import type { ContractSection } from './types'

// The care lists as XLSX workbooks (回访清单, 保养提醒清单, 投诉登记簿, 流失客户): the rows each list
// channel answers with the same input, one sheet with the catalogs' column names.

export const CARE_LISTS = ['followups', 'reminders', 'complaints', 'lost'] as const
export type CareList = (typeof CARE_LISTS)[number]

export const careExportContract = {
  'care.lists.xlsx': {
    input: z.strictObject({
      list: z.enum(CARE_LISTS),
      /** The follow-up list's view (`care.followups.list`). */
      followUpState: z.enum(['open', 'closed', 'all']).default('open'),
      /** The complaints register's view (`care.complaints.list`). */
      complaintState: z.enum(['active', 'closed', 'all']).default('active'),
      /** Months without a visit for the lost customers; the setting when left out. */
      months: z.number().int().min(1).max(120).optional(),
      limit: z.number().int().min(1).max(1000).default(500),
    }),
    output: z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string(), rows: z.number() }),
    access: 'care.export',
    kind: 'export',
  },
} as const satisfies ContractSection
