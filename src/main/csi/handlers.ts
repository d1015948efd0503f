import type { HandlersFor } from '../api/dispatch'
import type { csiContract } from '../../shared/contract/csi'
import { deleteCsi, listCsi, saveCsi } from './results'

export const csiHandlers: HandlersFor<typeof csiContract> = {
  'csi.list': listCsi,
  'csi.save': saveCsi,
  'csi.delete': deleteCsi,
}
