import type { Contract } from '../../shared/contract'
import type { HandlersFor } from './dispatch'
import { partsHandlers } from '../parts/handlers'
import { appHandlers } from '../auth/handlers'
import { receptionHandlers } from '../reception/handlers'
import { workshopHandlers } from '../workshop/handlers'
import { dataHandlers } from '../jobs/data-handlers'
import { settlementHandlers } from '../settlement/handlers'
import { rulesHandlers } from '../rules/handlers'
import { auditHandlers } from '../audit/handlers'
import { terminalSetupHandlers } from '../terminal-setup/handlers'

/** Every channel's service. The type makes a channel without a handler a compile error. */
export const handlers: HandlersFor<Contract> = { ...appHandlers, ...receptionHandlers, ...workshopHandlers, ...dataHandlers, ...partsHandlers, ...settlementHandlers, ...rulesHandlers, ...auditHandlers, ...terminalSetupHandlers }
