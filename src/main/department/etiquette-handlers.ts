import type { HandlersFor } from '../api/dispatch'
import type { etiquetteContract } from '../../shared/contract/etiquette'
import { etiquetteChecklist, etiquetteChecks, recordEtiquetteCheck, removeEtiquetteItem, saveEtiquetteItem } from './etiquette'
import { kpiTargets, saveKpiTarget } from './kpi'

export const etiquetteHandlers: HandlersFor<typeof etiquetteContract> = {
  'department.etiquette.checklist': (ctx) => etiquetteChecklist(ctx),
  'department.etiquette.item.save': saveEtiquetteItem,
  'department.etiquette.item.remove': removeEtiquetteItem,
  'department.etiquette.record': recordEtiquetteCheck,
  'department.etiquette.checks': etiquetteChecks,
  'department.kpi.targets': kpiTargets,
  'department.kpi.save': saveKpiTarget,
}
