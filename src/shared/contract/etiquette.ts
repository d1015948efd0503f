import { z } from 'zod'
import { KPI_KINDS, KPIS } from '../domain/etiquette'
import type { ContractSection } from './types'

// Etiquette checks (形象礼仪检查): a checklist kept as data (the manual's defaults come with the
// database; items added, reworded or taken off like the 5S checklist), a check of one person on a
// day with every active item passed or failed and a note; its score is passed ÷ items, and the
// person's month score (the average of the month's checks) is on their scorecard. And the
// manager's KPI targets per role, for a month or a quarter's months alike, which the scorecard
// sets against actuals from the ledger. Writes emit `department.changed`.

const Id = z.number().int().positive()
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'validation.invalidFormat' })
const DateOnly = z.iso.date()
const Text = (max: number) => z.string().trim().max(max)

export const EtiquetteItem = z.object({ id: z.number(), label: z.string(), position: z.number() })

export const EtiquetteCheck = z.object({
  id: z.number(),
  userId: z.number(),
  personName: z.string(),
  checkedOn: z.string(),
  checkerName: z.string(),
  passed: z.number(),
  items: z.number(),
  /** passed ÷ items, in basis points. */
  scoreBp: z.number(),
  results: z.array(z.object({ itemId: z.number(), label: z.string(), passed: z.boolean(), note: z.string() })),
})

export const KpiTargetRow = z.object({
  kind: z.enum(KPI_KINDS),
  kpi: z.enum(KPIS),
  target: z.number().nullable(),
  setBy: z.string().nullable(),
  setAt: z.string().nullable(),
  /** The department's own figure for KPIs not split per person (parts fill rate and stocktake variance, CSI); null for the per-person ones or without data. */
  departmentActual: z.number().nullable(),
})
/** The month's etiquette checks in the department report: per person, and the items failed most. */
export const EtiquetteMonth = z.object({
  checks: z.number(),
  people: z.array(z.object({ userId: z.number(), name: z.string(), checks: z.number(), scoreBp: z.number().nullable() })),
  /** Items failed at least once, most failures first, with how often each was checked. */
  failedItems: z.array(z.object({ itemId: z.number(), label: z.string(), failed: z.number(), checked: z.number() })),
})

export const KpiTargetsView = z.object({ month: z.string(), rows: z.array(KpiTargetRow) })

export const etiquetteContract = {
  'department.etiquette.checklist': { input: z.strictObject({}), output: z.array(EtiquetteItem), access: 'department.read', kind: 'read' },
  /** Adds an item (no id) or rewords one; the answer is the checklist. */
  'department.etiquette.item.save': {
    input: z.strictObject({ id: Id.optional(), label: Text(120).min(1) }),
    output: z.array(EtiquetteItem),
    access: 'department.etiquette',
    kind: 'write',
  },
  /** Takes an item off the checklist; checks already made keep their results on it. */
  'department.etiquette.item.remove': { input: z.strictObject({ id: Id }), output: z.array(EtiquetteItem), access: 'department.etiquette', kind: 'write' },
  'department.etiquette.record': {
    input: z.strictObject({
      userId: Id,
      checkedOn: DateOnly,
      /** Every active item of the checklist, passed or failed. */
      results: z.array(z.strictObject({ itemId: Id, passed: z.boolean(), note: Text(200).default('') })).min(1).max(100),
    }),
    output: EtiquetteCheck,
    access: 'department.etiquette',
    kind: 'write',
  },
  'department.etiquette.checks': { input: z.strictObject({ month: Month, userId: Id.optional() }), output: z.array(EtiquetteCheck), access: 'department.read', kind: 'read' },
  'department.kpi.targets': { input: z.strictObject({ month: Month }), output: KpiTargetsView, access: 'department.read', kind: 'read' },
  /** Sets (or clears, with null) one KPI's target for the month, or for every month of its quarter. */
  'department.kpi.save': {
    input: z.strictObject({
      month: Month,
      span: z.enum(['month', 'quarter']).default('month'),
      kpi: z.enum(KPIS),
      target: z.number().int({ error: 'validation.notInteger' }).min(0).max(100_000_000_000).nullable(),
    }),
    output: KpiTargetsView,
    access: 'department.targets',
    kind: 'write',
  },
} as const satisfies ContractSection
