import type { Contract } from '../../shared/contract'
import type { HandlersFor } from './dispatch'
import { setupHandlers } from '../setup/handlers'
import { authHandlers } from '../auth/handlers'
import { userHandlers } from '../auth/user-handlers'
import { deviceHandlers } from '../host/device-handlers'
import { settingsHandlers } from '../settings/handlers'
import { partsHandlers } from '../parts/handlers'
import { receptionHandlers } from '../reception/handlers'
import { workshopHandlers } from '../workshop/handlers'
import { dataHandlers } from '../data-admin/handlers'
import { settlementHandlers } from '../settlement/handlers'
import { rulesHandlers } from '../rules/handlers'
import { auditHandlers } from '../audit/handlers'
import { terminalSetupHandlers } from '../terminal-setup/handlers'
import { warrantyHandlers } from '../warranty/handlers'
import { careHandlers } from '../care/handlers'
import { departmentHandlers } from '../department/handlers'
import { csiHandlers } from '../csi/handlers'
import { lineHooks } from '../line-hooks'
import { insuranceHandlers } from '../insurance/handlers'
import { insurerReceivableHandlers } from '../settlement/insurer-receivables'
import { insuranceCollectionHandlers } from '../settlement/insurer-collection-xlsx'
import { sanbaoHandlers } from '../warranty/sanbao-handlers'
import { csiImportHandlers } from '../csi/import-handlers'
import { careSurveyHandlers } from '../care/survey-handlers'
import { attachmentsHandlers } from '../attachments/handlers'
import { warrantyPackageHandlers } from '../warranty/package-handlers'
import { warrantyRulesHandlers } from '../warranty/rule-settings-handlers'
import { warrantyRegisterHandlers } from '../warranty/registers/handlers'
import { warrantyCallsHandlers } from '../warranty/calls/handlers'
import { firstServiceHandlers } from '../warranty/first-service/handlers'
import { warrantyFiguresHandlers } from '../rules/warranty-figures-handlers'
import { insuranceFiguresHandlers } from '../insurance/figures-handlers'
import { campaignsHandlers } from '../department/campaign-handlers'
import { careExportHandlers } from '../care/export-handlers'
import { qualityHandlers } from '../quality/handlers'
import { deptReportHandlers } from '../dept-report/handlers'
import { etiquetteHandlers } from '../department/etiquette-handlers'
import { figureHandlers } from '../department/figure-handlers'

// The registry: where every room's handlers are put together (the one file in api/ that imports
// the areas; the areas import only the dispatcher's types and errors from api/).

/** Every channel's service. The type makes a channel without a handler a compile error. */
export const handlers: HandlersFor<Contract> = {
  ...setupHandlers,
  ...authHandlers,
  ...userHandlers,
  ...deviceHandlers,
  ...settingsHandlers,
  ...receptionHandlers(lineHooks),
  ...workshopHandlers(lineHooks),
  ...dataHandlers,
  ...partsHandlers,
  ...settlementHandlers,
  ...rulesHandlers,
  ...auditHandlers,
  ...terminalSetupHandlers,
  ...warrantyHandlers,
  ...careHandlers,
  ...departmentHandlers,
  ...csiHandlers,
  ...insuranceHandlers,
  ...insurerReceivableHandlers,
  ...insuranceCollectionHandlers,
  ...sanbaoHandlers,
  ...csiImportHandlers,
  ...careSurveyHandlers,
  ...attachmentsHandlers,
  ...warrantyPackageHandlers,
  ...warrantyRulesHandlers,
  ...warrantyCallsHandlers,
  ...firstServiceHandlers,
  ...warrantyFiguresHandlers,
  ...insuranceFiguresHandlers,
  ...campaignsHandlers,
  ...careExportHandlers,
  ...qualityHandlers,
  ...deptReportHandlers,
  ...warrantyRegisterHandlers,
  ...etiquetteHandlers,
  ...figureHandlers,
}
