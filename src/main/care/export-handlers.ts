import type { HandlersFor } from '../api/dispatch'
import type { careExportContract } from '../../shared/contract/care-export'
import { exportCareList } from './list-export'

export const careExportHandlers: HandlersFor<typeof careExportContract> = {
  'care.lists.xlsx': exportCareList,
}
