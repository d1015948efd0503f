import type { HandlersFor } from '../../api/dispatch'
import type { warrantyCallsContract } from '../../../shared/contract/warranty-calls'
import { getCoverageCall, listCoverageCalls } from './view'
import { logWarrantyCall } from './log-call'

export const warrantyCallsHandlers: HandlersFor<typeof warrantyCallsContract> = {
  'warranty.calls.list': listCoverageCalls,
  'warranty.calls.get': (ctx, input) => getCoverageCall(ctx, input.id),
  'warranty.calls.logCall': logWarrantyCall,
}
