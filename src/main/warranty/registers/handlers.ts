import type { HandlersFor } from '../../api/dispatch'
import type { warrantyRegistersContract } from '../../../shared/contract/warranty-registers'
import { exportRegisters } from './export'
import { getRegister, listRegisters } from './read'
import { deleteRegister, moveRegister, saveRegister } from './write'

export const warrantyRegisterHandlers: HandlersFor<typeof warrantyRegistersContract> = {
  'warranty.register.list': listRegisters,
  'warranty.register.get': (ctx, input) => getRegister(ctx, input.id),
  'warranty.register.save': saveRegister,
  'warranty.register.delete': deleteRegister,
  'warranty.register.move': moveRegister,
  'warranty.register.export': exportRegisters,
}
