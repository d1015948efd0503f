import type { HandlersFor } from '../api/dispatch'
import type { insuranceContract } from '../../shared/contract/insurance'
import { addSupplement, saveClaim } from './claim-save'
import { getInsuranceView } from './view'

export const insuranceHandlers: HandlersFor<typeof insuranceContract> = {
  'insurance.get': (ctx, input) => getInsuranceView(ctx, input.roId),
  'insurance.save': saveClaim,
  'insurance.supplement': addSupplement,
}
