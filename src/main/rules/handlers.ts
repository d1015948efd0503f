import type { HandlersFor } from '../api/dispatch'
import type { rulesContract } from '../../shared/contract/rules'
import { listRules, previewRule, runSweep, updateRule } from './admin'
import { acknowledgeAlert, resolveAlert, snoozeAlert } from './alert-state'
import { countAlerts, getAlert, listAlerts } from './alerts'
import { careTargets, dashboardTargets } from './dashboard'
import { advisorSatisfaction, drill } from './drill'

export const rulesHandlers: HandlersFor<typeof rulesContract> = {
  'alerts.list': listAlerts,
  'alerts.count': (ctx) => countAlerts(ctx),
  'alerts.acknowledge': (ctx, input) => {
    acknowledgeAlert(ctx, input.id, input.version)
    return getAlert(ctx, input.id)
  },
  'alerts.snooze': (ctx, input) => {
    snoozeAlert(ctx, input.id, input.version, input.until, input.note)
    return getAlert(ctx, input.id)
  },
  'alerts.resolve': (ctx, input) => {
    resolveAlert(ctx, input.id, input.version, input.note)
    return getAlert(ctx, input.id)
  },
  'rules.list': (ctx) => listRules(ctx),
  'rules.preview': previewRule,
  'rules.update': updateRule,
  'rules.sweep': (ctx) => runSweep(ctx),
  'dashboard.targets': dashboardTargets,
  'dashboard.care': careTargets,
  'dashboard.drill': drill,
  'dashboard.satisfactionByAdvisor': advisorSatisfaction,
}
