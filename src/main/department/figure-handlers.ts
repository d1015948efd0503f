import type { HandlersFor } from '../api/dispatch'
import type { departmentFiguresContract } from '../../shared/contract/department-figures'
import { figureDrill } from './figure-rows'

export const figureHandlers: HandlersFor<typeof departmentFiguresContract> = {
  'department.figure.drill': figureDrill,
}
