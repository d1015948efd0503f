import { z } from 'zod'
import { FIGURES } from '../domain/figures'
import type { ContractSection } from './types'

// The rows behind each figure on a scorecard (CSI, settlement timeliness, hours sold, efficiency,
// reworks, the parts counter's fill rate, stocktake variance and sales, etiquette): for one person
// (`userId`) or the department. Every row carries what it adds to the figure (`num`, `den`); the
// figure is their aggregate by the figure's rule (`shared/domain/figures.ts`).

const Id = z.number().int().positive()
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'validation.invalidFormat' })

export const FigureRow = z.object({
  /** The document the row comes from: an RO, a stocktake, a survey result, a check. */
  ref: z.string(),
  /** When it counted (ISO instant or date). */
  at: z.string(),
  /** What it is: a part, a job, an item; empty when the reference says it all. */
  item: z.string(),
  /** A catalog key naming the item instead (a survey kind), or null. */
  itemKey: z.string().nullable(),
  num: z.number(),
  den: z.number(),
})

export const FigureDrill = z.object({
  month: z.string(),
  figure: z.enum(FIGURES),
  userId: z.number().nullable(),
  /** The figure the rows add up to (null where a rate has nothing to divide by). */
  value: z.number().nullable(),
  num: z.number(),
  den: z.number(),
  count: z.number(),
  /** The rows, the largest contribution first, up to the limit. */
  rows: z.array(FigureRow),
  truncated: z.boolean(),
})

export const departmentFiguresContract = {
  'department.figure.drill': {
    input: z.strictObject({ month: Month, figure: z.enum(FIGURES), userId: Id.optional(), limit: z.number().int().min(1).max(5_000).default(500) }),
    output: FigureDrill,
    access: 'department.read',
    kind: 'read',
  },
} as const satisfies ContractSection
