import type { HandlersFor } from '../api/dispatch'
import type { careSurveyContract } from '../../shared/contract/care-survey'
import { getTemplate, saveTemplate } from './survey-template'

export const careSurveyHandlers: HandlersFor<typeof careSurveyContract> = {
  'care.survey.get': getTemplate,
  'care.survey.save': saveTemplate,
}
