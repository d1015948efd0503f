import type { Contract } from '../../shared/contract'
import type { HandlersFor } from './dispatch'
import { appHandlers } from '../auth/handlers'
import { receptionHandlers } from '../reception/handlers'

/** Every channel's service. The type makes a channel without a handler a compile error. */
export const handlers: HandlersFor<Contract> = { ...appHandlers, ...receptionHandlers }
