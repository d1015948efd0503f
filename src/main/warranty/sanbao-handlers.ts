import type { HandlersFor } from '../api/dispatch'
import type { sanbaoContract } from '../../shared/contract/sanbao'
import { markClaimSanbao, roSanbao, vehicleSanbao } from './sanbao'

export const sanbaoHandlers: HandlersFor<typeof sanbaoContract> = {
  'warranty.sanbao.vehicle': vehicleSanbao,
  'warranty.sanbao.forRo': roSanbao,
  'warranty.sanbao.mark': markClaimSanbao,
}
