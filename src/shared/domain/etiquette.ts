// Etiquette checks of staff [manual section 5, 形象礼仪] and the KPIs each role's scorecard is
// held to [manual section 6]. Pure arithmetic; the checks and the ledger live in src/main.
import { departmentOf, type Department } from './department'
import type { Role } from './roles'

/** A check's score: passed items over the items checked, in basis points. */
export function checkScoreBp(passed: number, items: number): number {
  return items > 0 ? Math.round((passed * 10_000) / items) : 0
}

/** A month's etiquette score: the plain average of its checks' scores (null without checks). */
export function averageBp(scores: readonly number[]): number | null {
  return scores.length ? Math.round(scores.reduce((s, x) => s + x, 0) / scores.length) : null
}

/**
 * Who may check whom: the service manager anyone in a department; the front-desk supervisor the
 * front desk (advisors, cashiers); the workshop supervisor the workshop (technicians). Nobody
 * checks themselves.
 */
export function mayCheck(checker: Role, person: Role): boolean {
  const dept: Department | null = departmentOf(person)
  if (dept === null) return false
  if (checker === 'service_manager' || checker === 'administrator') return true
  if (checker === 'front_desk_supervisor') return dept === 'front_desk'
  if (checker === 'workshop_supervisor') return dept === 'workshop'
  return false
}

export const KPI_KINDS = ['advisor', 'technician', 'parts'] as const
export type KpiKind = (typeof KPI_KINDS)[number]

export const ROLE_KPIS = {
  advisor: ['ros', 'revenue', 'csi', 'settlement_timeliness'],
  technician: ['sold_hours', 'efficiency', 'reworks'],
  parts: ['fill_rate', 'stocktake_variance'],
} as const satisfies Record<KpiKind, readonly string[]>
export type Kpi = (typeof ROLE_KPIS)[KpiKind][number]
export const KPIS: readonly Kpi[] = [...ROLE_KPIS.advisor, ...ROLE_KPIS.technician, ...ROLE_KPIS.parts]

/** How a KPI's target and actual are written: ROs and reworks counted, money in fen, rates in basis points, hours in milli-hours, CSI in tenths of a point. */
export type KpiUnit = 'count' | 'fen' | 'bp' | 'milli_hours' | 'tenths'
export const KPI_UNIT: Record<Kpi, KpiUnit> = {
  ros: 'count',
  revenue: 'fen',
  csi: 'tenths',
  settlement_timeliness: 'bp',
  sold_hours: 'milli_hours',
  efficiency: 'bp',
  reworks: 'count',
  fill_rate: 'bp',
  stocktake_variance: 'bp',
}

/** KPIs whose target is a ceiling (fewer reworks, smaller variance are better). */
export const KPI_CEILING: ReadonlySet<Kpi> = new Set<Kpi>(['reworks', 'stocktake_variance'])

export function kindOfKpi(kpi: Kpi): KpiKind {
  return (Object.keys(ROLE_KPIS) as KpiKind[]).find((k) => (ROLE_KPIS[k] as readonly string[]).includes(kpi))!
}

/** Whether an actual meets its target (null while either is missing). */
export function kpiMet(kpi: Kpi, actual: number | null, target: number | null): boolean | null {
  if (actual === null || target === null) return null
  return KPI_CEILING.has(kpi) ? actual <= target : actual >= target
}
