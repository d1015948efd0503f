import type { Ctx } from '../api/context'
import { translate } from '../../shared/i18n'
import { failedGates, WAIVABLE } from '../../shared/domain/ro-gates'
import { gateError, gateFacts } from '../workshop/ro-gates'
import type { SettlementViewOut } from './types'

// What the cashier sees before pressing settle: the refusals settling now would meet, in the
// caller's language, and the part lines still to issue. The same gates the settle call enforces.

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
  const row = ctx.store
    .prepare(
      `SELECT s.parts_override_reason AS reason, u.display_name AS by, s.at FROM settlements s JOIN users u ON u.id = s.parts_override_by
        WHERE s.ro_id = ? AND s.kind = 'settle' AND s.parts_override_reason <> ''
          AND NOT EXISTS (SELECT 1 FROM settlements x WHERE x.reverses_id = s.id)
        ORDER BY s.id DESC LIMIT 1`,
    )
    .get(roId) as { reason: string; by: string; at: string } | undefined
  return row ?? null
}
