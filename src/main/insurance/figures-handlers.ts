import type { HandlersFor } from '../api/dispatch'
import type { insuranceFiguresContract } from '../../shared/contract/insurance-figures'
import { insuranceFigures, insuranceFiguresDrill } from './figures'

export const insuranceFiguresHandlers: HandlersFor<typeof insuranceFiguresContract> = {
  'insurance.figures': insuranceFigures,
  'insurance.figures.drill': insuranceFiguresDrill,
}
