import type { HandlersFor } from '../api/dispatch'
import type { warrantyFiguresContract } from '../../shared/contract/warranty-figures'
import { warrantyFigures, warrantyFiguresDrill } from './warranty-figures'

export const warrantyFiguresHandlers: HandlersFor<typeof warrantyFiguresContract> = {
  'warranty.figures': warrantyFigures,
  'warranty.figures.drill': warrantyFiguresDrill,
}
