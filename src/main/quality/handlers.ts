import type { HandlersFor } from '../api/dispatch'
import type { qualityContract } from '../../shared/contract/quality'
import { closeIncident, listIncidents, saveIncident } from './incidents'
import { comebacks } from './comebacks'
import { dismissComeback, registerComeback } from './comeback-decide'
import { comebackWindow, setComebackDays } from './comeback-window'

export const qualityHandlers: HandlersFor<typeof qualityContract> = {
  'quality.incidents': listIncidents,
  'quality.incident.save': saveIncident,
  'quality.incident.close': closeIncident,
  'quality.comebacks': comebacks,
  'quality.comeback.register': registerComeback,
  'quality.comeback.dismiss': dismissComeback,
  'quality.comebackDays': (ctx) => comebackWindow(ctx),
  'quality.comebackDays.set': setComebackDays,
}
