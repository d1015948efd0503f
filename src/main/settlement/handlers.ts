import type { HandlersFor } from '../api/dispatch'
import type { settlementContract } from '../../shared/contract/settlement'
import { deliverRo } from './deliver'
import { payInvoice } from './payments'
import { listReceivables } from './receivables'
import { reverseSettlement } from './reverse'
import { settleRo } from './settle'
import { getSettlementView, settlementQueue } from './view'

export const settlementHandlers: HandlersFor<typeof settlementContract> = {
  'settlement.queue': settlementQueue,
  'settlement.get': (ctx, input) => getSettlementView(ctx, input.roId),
  'settlement.settle': settleRo,
  'settlement.pay': payInvoice,
  'settlement.reverse': reverseSettlement,
  'settlement.deliver': deliverRo,
  'receivables.list': listReceivables,
}
