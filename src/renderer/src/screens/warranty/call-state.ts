import type { MessageKey } from '../../../../shared/i18n'
import type { WarrantyCallKind, WarrantyCallState } from '../../../../shared/domain/warranty-calls'

/** A warranty call's state as the clerk reads it: a booked first-service call booked the first service, not a check-up. */
export function callStateKey(kind: WarrantyCallKind, state: WarrantyCallState): MessageKey {
  return kind === 'first_service' && state === 'booked' ? 'wty.fs.booked' : `wtyCallState.${state}`
}
