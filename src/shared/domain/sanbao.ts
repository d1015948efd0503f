import { addMonthsToDate, datesBetween } from './calendar'

// 三包 (修理、更换、退货) for family cars: the counters the warranty desk keeps per vehicle within the
// 三包有效期, and how near each is to the point where the customer may ask for a replacement or a
// refund. From 《家用汽车产品修理更换退货责任规定》(2021 年，国家市场监督管理总局令第43号，
// 2022-01-01 起施行):
// - 第十七条: 三包有效期不低于 2 年或者行驶里程 50,000 公里，以先到者为准，自开具购车发票之日
//   （交付日期不一致的，自交付之日）起计算 — here the warranty start the coverage module computes.
// - 第二十四条: 在三包有效期内，消费者可选择更换或退货，当 (一) 因严重安全性能故障累计进行 2 次修理，
//   仍未排除或又出现新的严重安全性能故障; (二) 发动机、变速器、动力蓄电池、行驶驱动电机因质量问题
//   累计更换 2 次仍不能正常使用; (四) 因质量问题累计修理时间超过 30 日，或因同一质量问题累计修理
//   超过 4 次.
// - 包修期内每次修理时间超过 5 日的，应当提供备用车或者给予合理的交通费用补偿；修理时间自确定修理
//   之时起至完成修理之时止，一次修理不足 24 小时的以 1 日计 (the article on 包修期 repairs; the
//   article number was not confirmed against the published text, so none is given here).
// The thresholds are parameters of the `sanbao_threshold` rule (defaults below); a counter is
// `reached` at its threshold (one more day, repair or fault gives the customer the right) and
// `approaching` one below it. A single repair is `reached` once it is past its limit (day 6 of 5).

export const SANBAO_VALIDITY_MONTHS = 24
export const SANBAO_VALIDITY_KM = 50_000
export const SANBAO_REPAIR_DAYS = 30
export const SANBAO_SAME_PROBLEM = 4
export const SANBAO_SAFETY_REPAIRS = 2
export const SANBAO_REPLACEMENTS = 2
export const SANBAO_SINGLE_REPAIR_DAYS = 5

export const SANBAO_COUNTERS = ['repairDays', 'sameProblem', 'safetyRepairs', 'replacements', 'singleRepair'] as const
export type SanbaoCounter = (typeof SANBAO_COUNTERS)[number]

export const SANBAO_LEVELS = ['ok', 'approaching', 'reached'] as const
export type SanbaoLevel = (typeof SANBAO_LEVELS)[number]

/** The assemblies whose replacement 第二十四条(二) counts (battery and drive motor for new-energy cars). */
export const SANBAO_ASSEMBLIES = ['engine', 'transmission', 'nev_battery', 'nev_motor'] as const
export type SanbaoAssembly = (typeof SANBAO_ASSEMBLIES)[number]

export interface SanbaoLimits {
  validityMonths: number
  validityKm: number
  repairDays: number
  sameProblem: number
  safetyRepairs: number
  replacements: number
  singleRepairDays: number
}

/** One repair (an RO with warranty work) as the counters see it. */
export interface SanbaoRepair {
  roId: number
  openedOn: string
  /** The completion date, or today while the repair runs. */
  endOn: string
  odometerKm: number
  /** The problems repaired: failure codes, else causal part numbers (see `problemKey`). */
  problems: readonly string[]
  safetyFault: boolean
  replaced: readonly SanbaoAssembly[]
}

/**
 * Whole days a repair took: calendar days from the day it was opened to the day it was completed,
 * a repair within one day counting as 1 day (the regulation's "不足24小时的，以1日计").
 */
export function repairDays(openedOn: string, endOn: string): number {
  if (endOn <= openedOn) return 1
  return datesBetween(openedOn, endOn).length - 1
}

/**
 * "The same problem" from what the claim records: its failure code when the clerk entered one (the
 * maker's code names the fault), else its causal part (主损件) — two repairs of the same causal part
 * without a code are the same problem. A warranty repair without a claim names no problem and is
 * counted in repair days only.
 */
export function problemKey(failureCode: string, causalPartNumber: string | null): string | null {
  const code = failureCode.trim()
  if (code !== '') return code
  return causalPartNumber === null || causalPartNumber === '' ? null : causalPartNumber
}

/** The last day and km of the 三包有效期 from the warranty start. */
export function sanbaoValidity(startsOn: string, limits: Pick<SanbaoLimits, 'validityMonths' | 'validityKm'>): { untilDate: string; untilKm: number } {
  return { untilDate: addMonthsToDate(startsOn, limits.validityMonths), untilKm: limits.validityKm }
}

/** A repair counts when it was opened within the validity: on or before its last day and at or below its km. */
export function withinValidity(repair: Pick<SanbaoRepair, 'openedOn' | 'odometerKm'>, validity: { untilDate: string; untilKm: number }): boolean {
  return repair.openedOn <= validity.untilDate && repair.odometerKm <= validity.untilKm
}

export function levelOf(value: number, threshold: number): SanbaoLevel {
  if (value >= threshold) return 'reached'
  return value === threshold - 1 && value > 0 ? 'approaching' : 'ok'
}

export interface SanbaoCounterValue {
  counter: SanbaoCounter
  value: number
  limit: number
  level: SanbaoLevel
  /** What the figure is about: the problem repaired most often, the assembly replaced most, the longest repair's RO id. */
  subject: string
}

const most = (counts: Map<string, number>): [string, number] => {
  let best: [string, number] = ['', 0]
  for (const [key, n] of [...counts].sort((a, b) => a[0].localeCompare(b[0]))) if (n > best[1]) best = [key, n]
  return best
}

/**
 * The five counters over the repairs within the validity (the caller filters with `withinValidity`).
 * With `currentRoId` the single-repair counter is that repair's own days (0 when it is not one of
 * them): a loaner car is due for the repair running now; otherwise it is the longest repair.
 */
export function sanbaoCounters(repairs: readonly SanbaoRepair[], limits: SanbaoLimits, currentRoId?: number): SanbaoCounterValue[] {
  const problems = new Map<string, number>()
  const assemblies = new Map<string, number>()
  let days = 0
  let safety = 0
  let longest = { roId: 0, days: 0 }
  for (const r of repairs) {
    const d = repairDays(r.openedOn, r.endOn)
    days += d
    if (currentRoId === undefined ? d > longest.days : r.roId === currentRoId) longest = { roId: r.roId, days: d }
    if (r.safetyFault) safety += 1
    for (const p of new Set(r.problems)) problems.set(p, (problems.get(p) ?? 0) + 1)
    for (const a of r.replaced) assemblies.set(a, (assemblies.get(a) ?? 0) + 1)
  }
  const [problem, sameProblem] = most(problems)
  const [assembly, replacements] = most(assemblies)
  const single = singleRepairLevel(longest.days, limits.singleRepairDays)
  return [
    { counter: 'repairDays', value: days, limit: limits.repairDays, level: levelOf(days, limits.repairDays), subject: '' },
    { counter: 'sameProblem', value: sameProblem, limit: limits.sameProblem, level: levelOf(sameProblem, limits.sameProblem), subject: problem },
    { counter: 'safetyRepairs', value: safety, limit: limits.safetyRepairs, level: levelOf(safety, limits.safetyRepairs), subject: '' },
    { counter: 'replacements', value: replacements, limit: limits.replacements, level: levelOf(replacements, limits.replacements), subject: assembly },
    { counter: 'singleRepair', value: longest.days, limit: limits.singleRepairDays, level: single, subject: longest.roId > 0 ? String(longest.roId) : '' },
  ]
}

/** A single repair is past its limit from the day after it (day 6 of 5), approaching on the last day. */
export function singleRepairLevel(days: number, limit: number): SanbaoLevel {
  return days > limit ? 'reached' : days === limit ? 'approaching' : 'ok'
}

const RANK: Record<SanbaoLevel, number> = { ok: 0, approaching: 1, reached: 2 }

/** The counter to warn about first: the highest level, in the order of SANBAO_COUNTERS. */
export function worstCounter(counters: readonly SanbaoCounterValue[]): SanbaoCounterValue | null {
  let worst: SanbaoCounterValue | null = null
  for (const c of counters) if (c.level !== 'ok' && (worst === null || RANK[c.level] > RANK[worst.level])) worst = c
  return worst
}
