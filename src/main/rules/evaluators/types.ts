import { sql, type RawBuilder } from 'kysely'
import type { RuleKind, RuleParams } from '../../../shared/domain/rules'
import type { EvalEnv, HitsQuery, ScopeKey } from '../context'

/**
 * One rule kind's evaluation: the set of subjects in violation, as one SQL statement. With
 * `ids` (an incremental run) the statement covers only those subjects; the engine resolves the
 * alerts of the subjects in scope that are not in the set.
 */
export interface Evaluator<K extends RuleKind = RuleKind> {
  kind: K
  /** The scope that can change this rule's result between sweeps; none for department rules. */
  scopeKey?: ScopeKey
  hits(env: EvalEnv, params: RuleParams<K>, ids: string | null): HitsQuery
  /** The alert subjects an incremental run over `ids` covers, for `IN (…)`; default the ids themselves. */
  subjectsInScope?: (ids: string) => RawBuilder<unknown>
}

/** The ids JSON of an incremental run as a set, for `IN (…)`. */
export const idsIn = (ids: string): RawBuilder<number> => sql<number>`(SELECT value FROM json_each(${ids}))`

/** A department rule: its figure is computed first, then the one-row "set" is this. */
export function singleHit(violated: boolean, stage: 'warning' | 'breach', key: string, params: Record<string, string | number>, subjectId = 1): HitsQuery {
  return sql`SELECT ${subjectId} AS subject_id, ${stage} AS stage, ${key} AS message_key, ${JSON.stringify(params)} AS params WHERE ${violated ? 1 : 0}`
}
