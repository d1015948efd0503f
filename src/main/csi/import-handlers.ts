import type { HandlersFor } from '../api/dispatch'
import type { csiImportContract } from '../../shared/contract/csi-import'
import { applyCsiImport, previewCsiImport } from './import'
import { csiDrill, csiTrend } from './trend'

export const csiImportHandlers: HandlersFor<typeof csiImportContract> = {
  'csi.import.preview': previewCsiImport,
  'csi.import.apply': applyCsiImport,
  'csi.trend': csiTrend,
  'csi.drill': csiDrill,
}
