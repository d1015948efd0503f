import { appContract } from './app'
import { receptionContract } from './reception'
import { workshopContract } from './workshop'
import { dataContract } from './data'
import { partsContract } from './parts'
import { settlementContract } from './settlement'
import { rulesContract } from './rules'
import { auditContract } from './audit'
import { terminalSetupContract } from './terminal-setup'
import { warrantyContract } from './warranty'
import { careContract } from './care'
import { departmentContract } from './department'
import { csiContract } from './csi'
import { insuranceContract, insurerReceivablesContract } from './insurance'
import { insuranceCollectionContract } from './insurance-collection'
import { sanbaoContract } from './sanbao'
import { csiImportContract } from './csi-import'
import { careSurveyContract } from './care-survey'
import { attachmentsContract } from './attachments'
import { warrantyPackageContract } from './warranty-package'
import { warrantyRulesContract } from './warranty-rules'
import { warrantyCallsContract } from './warranty-calls'
import { campaignsContract } from './campaigns'
import { warrantyFiguresContract } from './warranty-figures'
import { insuranceFiguresContract } from './insurance-figures'
import { careExportContract } from './care-export'
import { qualityContract } from './quality'
import { deptReportContract } from './dept-report'
import { firstServiceContract } from './first-service'
import { warrantyRegistersContract } from './warranty-registers'
import { etiquetteContract } from './etiquette'
import { departmentFiguresContract } from './department-figures'
import type { ApiClientOf } from './types'

/** Every channel of the API. Each area adds its section here (one per line, so areas added side by side merge cleanly). */
export const contract = {
  ...appContract,
  ...receptionContract,
  ...workshopContract,
  ...dataContract,
  ...partsContract,
  ...settlementContract,
  ...rulesContract,
  ...auditContract,
  ...terminalSetupContract,
  ...warrantyContract,
  ...careContract,
  ...departmentContract,
  ...csiContract,
  ...insuranceContract,
  ...insurerReceivablesContract,
  ...insuranceCollectionContract,
  ...sanbaoContract,
  ...csiImportContract,
  ...careSurveyContract,
  ...attachmentsContract,
  ...warrantyPackageContract,
  ...warrantyRulesContract,
  ...warrantyCallsContract,
  ...campaignsContract,
  ...warrantyFiguresContract,
  ...insuranceFiguresContract,
  ...careExportContract,
  ...qualityContract,
  ...deptReportContract,
  ...firstServiceContract,
  ...warrantyRegistersContract,
  ...etiquetteContract,
  ...departmentFiguresContract,
} as const
export type Contract = typeof contract
export type Channel = keyof Contract & string
export type ApiClient = ApiClientOf<Contract>

export type { Envelope, ErrorCode } from './errors'
export type { LiveEvent } from './types'
