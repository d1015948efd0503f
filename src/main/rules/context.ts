import type { RawBuilder } from 'kysely'
import type { Ctx } from '../api/context'
import { toLocalIso } from '../../shared/domain/time'
import { decimalFromCenti } from '../../shared/format/numbers'

/**
 * What the rules engine needs from its caller: a dispatcher context (inside a write's
 * transaction) or the scheduler's own (for the sweep). The clock is always the injected one.
 */
export type RulesCtx = Pick<Ctx, 'store' | 'clock' | 'timeZone' | 'nowIso' | 'events'>

/** Which subjects an incremental evaluation covers; `all` is the full sweep. */
export type Scope = 'all' | { partIds?: readonly number[]; roIds?: readonly number[]; stocktakeIds?: readonly number[] }
export type ScopeKey = 'partIds' | 'roIds' | 'stocktakeIds'

/** The instant an evaluation runs at, read once so every rule of a run sees the same time. */
export interface EvalEnv {
  store: RulesCtx['store']
  now: Date
  nowIso: string
  timeZone: string
  iso(at: Date): string
}

export function envOf(ctx: RulesCtx): EvalEnv {
  const now = ctx.clock.now()
  return { store: ctx.store, now, nowIso: toLocalIso(now, ctx.timeZone), timeZone: ctx.timeZone, iso: (at) => toLocalIso(at, ctx.timeZone) }
}

/** A set of subjects a rule violates: columns subject_id, stage, message_key, params (JSON text). */
export type HitsQuery = RawBuilder<{ subject_id: number; stage: string; message_key: string; params: string }>

// Formatting inside SQL, so a message's numbers are computed where the rows are. Money and
// durations are stored raw (`…Fen`, `since`) and formatted for reading by shared/i18n/alert-text.
/** Thousandths as a decimal without trailing zeros: 2000 → "2", 1500 → "1.5". */
export const qtySql = (expr: string) => `rtrim(rtrim(printf('%.3f', (${expr}) / 1000.0), '0'), '.')`
/** A real number with at most two decimals: 4.3333 → "4.33", 4.0 → "4". */
export const dec2Sql = (expr: string) => `rtrim(rtrim(printf('%.2f', ${expr}), '0'), '.')`
/** Stored local ISO text as "2026-11-27 10:30". */
export const minuteSql = (expr: string) => `replace(substr(${expr}, 1, 16), 'T', ' ')`

/** Basis points as a percentage without trailing zeros: 9850 → "98.5". */
export function pct(bp: number): string {
  return decimalFromCenti(bp)
}

/** Hundredths as a decimal: 450 → "4.5", 15000 bp factor → pct(15000)/100 … use `centi`. */
export function centi(value: number): string {
  return decimalFromCenti(value)
}

