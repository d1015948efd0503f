import { z } from 'zod'
import { CSI_MAX_ITEMS, CSI_MAX_TENTHS, CSI_SURVEYS } from '../domain/csi'
import type { ContractSection } from './types'

// The maker's satisfaction scores (CSI, 神秘客户/电话回访): one result per month and survey on
// 1,000 points (in tenths) with the maker's items. Writes emit `csi.changed` with the result id.

const Id = z.number().int().positive()
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'csi.badMonth' })
const Tenths = z.number().int({ error: 'validation.notInteger' }).min(0).max(CSI_MAX_TENTHS)

export const CsiItemInput = z.strictObject({
  code: z.string().trim().min(1).max(20),
  label: z.string().trim().min(1).max(60),
  scoreTenths: Tenths,
  maxTenths: Tenths.min(1),
})

export const CsiItem = z.object({ code: z.string(), label: z.string(), scoreTenths: z.number(), maxTenths: z.number(), shareBp: z.number() })

export const CsiResult = z.object({
  id: z.number(),
  month: z.string(),
  survey: z.enum(CSI_SURVEYS),
  scoreTenths: z.number(),
  targetTenths: z.number(),
  /** Against the month before, in tenths; null for the first month on record. */
  changeTenths: z.number().nullable(),
  note: z.string(),
  items: z.array(CsiItem),
  /** The items furthest below their maximum, lowest share first (at most 3). */
  weakest: z.array(CsiItem),
  enteredBy: z.string(),
  enteredAt: z.string(),
  version: z.number(),
})

export const csiContract = {
  /** The results of `months` months up to `toMonth` (default this month), newest first. */
  'csi.list': {
    input: z.strictObject({ toMonth: Month.optional(), months: z.number().int().min(1).max(36).default(12) }),
    output: z.object({ fromMonth: z.string(), toMonth: z.string(), results: z.array(CsiResult) }),
    access: 'care.read',
    kind: 'read',
  },
  /** Enters a month's result (version 0: a new one; else the version read, to replace it). */
  'csi.save': {
    input: z
      .strictObject({
        month: Month,
        survey: z.enum(CSI_SURVEYS),
        scoreTenths: Tenths,
        items: z.array(CsiItemInput).max(CSI_MAX_ITEMS).default([]),
        note: z.string().trim().max(500).default(''),
        version: z.number().int().min(0),
      })
      .refine((r) => new Set(r.items.map((i) => i.code)).size === r.items.length, { error: 'csi.duplicateItem', path: ['items'] })
      .refine((r) => r.items.every((i) => i.scoreTenths <= i.maxTenths), { error: 'csi.itemAboveMax', path: ['items'] }),
    output: CsiResult,
    access: 'care.csi',
    kind: 'write',
  },
  'csi.delete': {
    input: z.strictObject({ id: Id, version: z.number().int().positive() }),
    output: z.object({ id: z.number() }),
    access: 'care.csi',
    kind: 'write',
  },
} as const satisfies ContractSection
