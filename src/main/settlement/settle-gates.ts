import type { Ctx } from '../api/context'
import { translate } from '../../shared/i18n'
import { failedGates, WAIVABLE } from '../../shared/domain/ro-gates'
import { gateError, gateFacts } from '../workshop/ro-gates'
import type { SettlementViewOut } from './types'
import { sql } from 'kysely'
import { preparedQuery } from '../store/query'

// What the cashier sees before pressing settle: the refusals settling now would meet, in the
// caller's language, and the part lines still to issue. The same gates the settle call enforces.

const standingOverride = preparedQuery<{ roId: number }>()((db, p) =>
  db
    .selectFrom('settlements as s')
    .innerJoin('users as u', 'u.id', 's.parts_override_by')
    .select(['s.parts_override_reason as reason', 'u.display_name as by', 's.at'])
    .where('s.ro_id', '=', p.roId)
    .where('s.kind', '=', 'settle')
    .where('s.parts_override_reason', '<>', '')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('settlements as x').select(sql.lit(1).as('one')).whereRef('x.reverses_id', '=', 's.id'))))
    .orderBy('s.id', 'desc')
    .limit(1),
)

export function settleGatesOf(ctx: Ctx, roId: number, number: string, settledAlready: boolean): SettlementViewOut['settleGates'] {
  if (settledAlready) return { refusals: [], outstandingParts: [] }
  const facts = gateFacts(ctx, roId)
  const failed = failedGates('settle', facts)
  return {
    refusals: failed.map((gate) => {
      const error = gateError(ctx, number, gate, failed, facts)
      return { gate, message: translate(ctx.locale, error.messageKey, error.params), waivable: WAIVABLE[gate] === 'settlement.partsOverride' }
    }),
    outstandingParts: facts.outstandingParts.map((p) => ({ ...p })),
  }
}

/** The waiver of unissued parts on the standing (not reversed) settlement. */
export function partsOverrideOf(ctx: Ctx, roId: number): SettlementViewOut['partsOverride'] {
  const row = standingOverride.first(ctx.store, { roId })
  return row ?? null
}
