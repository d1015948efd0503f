import { z } from 'zod'
import { CSI_MAX_ITEMS, CSI_MAX_TENTHS, CSI_SURVEYS } from '../domain/csi'
import type { ContractSection } from './types'

// The maker's CSI results imported from its XLSX (or CSV) the way price lists and payment lists
// are: a dry run that reads the file and writes nothing, then exactly those results applied in one
// transaction (all or none; the same file again changes nothing). And the dashboard's CSI figure:
// the score per survey and month against its target, with the items that lost the points.

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'csi.badMonth' })
const Tenths = z.number().int().min(0).max(CSI_MAX_TENTHS)
const Line = z.number().int().min(1).max(1_000_000)

const ImportItem = z.strictObject({
  line: Line,
  code: z.string().trim().min(1).max(20),
  label: z.string().trim().min(1).max(60),
  scoreTenths: Tenths,
  maxTenths: Tenths.min(1),
})

const ImportResult = z.strictObject({
  /** The file's line the result was first read on. */
  line: Line,
  month: Month,
  survey: z.enum(CSI_SURVEYS),
  scoreTenths: Tenths,
  note: z.string().trim().max(500).default(''),
  items: z.array(ImportItem).max(CSI_MAX_ITEMS).default([]),
})

const ImportAction = z.enum(['enter', 'replace', 'same'])

export const CsiImportPreview = z.object({
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  sheet: z.string().nullable(),
  headerRow: z.number(),
  totalLines: z.number(),
  results: z.array(
    z.object({
      line: z.number(),
      month: z.string(),
      survey: z.enum(CSI_SURVEYS),
      scoreTenths: z.number(),
      note: z.string(),
      items: z.array(z.object({ line: z.number(), code: z.string(), label: z.string(), scoreTenths: z.number(), maxTenths: z.number() })),
      /** `enter`: a new month; `replace`: the month on record differs; `same`: already on record as in the file. */
      action: ImportAction,
      /** The score on record for `replace` and `same`. */
      beforeTenths: z.number().nullable(),
    }),
  ),
  errors: z.array(z.object({ line: z.number(), field: z.string().nullable(), message: z.string() })),
})

const CsiPoint = z.object({
  month: z.string(),
  /** Null: no result on record for the month. */
  scoreTenths: z.number().nullable(),
  /** Points lost over the month's items (Σ maximum − score): the sum of the drill-down's rows. */
  lostTenths: z.number(),
  items: z.number(),
})

const PullingItem = z.object({ code: z.string(), label: z.string(), lostTenths: z.number(), months: z.number() })

export const csiImportContract = {
  /** Dry run of the maker's CSI file: the results it holds, what each would change, and every bad line with its number. */
  'csi.import.preview': {
    input: z.strictObject({
      fileName: z.string().trim().min(1).max(200),
      /** The file's bytes, base64. */
      contentBase64: z.string().min(1).max(20_000_000),
      encoding: z.enum(['auto', 'utf-8', 'gb18030']).default('auto'),
      sheet: z.string().trim().max(100).optional(),
      /** The survey of a file without a survey column (the maker sends one file per survey). */
      survey: z.enum(CSI_SURVEYS).optional(),
    }),
    output: CsiImportPreview,
    access: 'care.csi',
    kind: 'read',
  },
  /** The dry run's results, applied in one transaction; refused whole on any bad line, or if the record changed since. */
  'csi.import.apply': {
    input: z.strictObject({
      fileName: z.string().trim().min(1).max(200),
      results: z.array(ImportResult).min(1).max(500),
      /** What the dry run promised; a month entered or changed since is a CONFLICT, not a surprise. */
      expect: z.strictObject({ enter: z.number().int().min(0), replace: z.number().int().min(0) }),
    }),
    output: z.object({ entered: z.number(), replaced: z.number(), unchanged: z.number() }),
    access: 'care.csi',
    kind: 'write',
  },
  /** The dashboard's CSI: per survey, the score of each month against its target, and the items that lost most over the months. */
  'csi.trend': {
    input: z.strictObject({ toMonth: Month.optional(), months: z.number().int().min(1).max(36).default(12) }),
    output: z.object({
      fromMonth: z.string(),
      toMonth: z.string(),
      surveys: z.array(z.object({ survey: z.enum(CSI_SURVEYS), targetTenths: z.number(), points: z.array(CsiPoint), pulling: z.array(PullingItem) })),
    }),
    access: 'dashboard.read',
    kind: 'read',
  },
  /** One month's items behind the figure, the most points lost first. */
  'csi.drill': {
    input: z.strictObject({ month: Month, survey: z.enum(CSI_SURVEYS) }),
    output: z.object({
      month: z.string(),
      survey: z.enum(CSI_SURVEYS),
      scoreTenths: z.number().nullable(),
      targetTenths: z.number(),
      lostTenths: z.number(),
      items: z.array(z.object({ code: z.string(), label: z.string(), scoreTenths: z.number(), maxTenths: z.number(), lostTenths: z.number(), shareBp: z.number() })),
    }),
    access: 'dashboard.read',
    kind: 'read',
  },
} as const satisfies ContractSection
