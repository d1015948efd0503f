import type { HandlersFor } from '../../api/dispatch'
import type { firstServiceContract } from '../../../shared/contract/first-service'
import { listFirstServices } from './list'
import { firstServiceDrill, firstServiceRates } from './rates'

export const firstServiceHandlers: HandlersFor<typeof firstServiceContract> = {
  'warranty.firstService.list': listFirstServices,
  'warranty.firstService.rates': firstServiceRates,
  'warranty.firstService.drill': firstServiceDrill,
}
