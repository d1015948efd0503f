import { z } from 'zod'
import { SURVEY_MAX_QUESTIONS } from '../domain/care'
import type { ContractSection } from './types'

// The follow-up survey's questions as versioned templates: the front-desk supervisor adds,
// rewords, reorders or retires questions by saving a new version; calls keep the version they were
// asked with. Writes emit `care.changed`.

const Question = z.object({
  code: z.string(),
  /** The supervisor's wording; null: the catalogs' wording of a default question. */
  text: z.string().nullable(),
})

export const SurveyTemplate = z.object({
  version: z.number(),
  createdAt: z.string(),
  /** Null for the default template. */
  createdBy: z.string().nullable(),
  questions: z.array(Question),
})

export const careSurveyContract = {
  /** The template asked now, or an earlier version. */
  'care.survey.get': {
    input: z.strictObject({ version: z.number().int().positive().optional() }),
    output: SurveyTemplate,
    access: 'care.read',
    kind: 'read',
  },
  /**
   * A new version from the current one (`version`, as read): the questions in their new order — a
   * kept question by its code (text null keeps a default's catalog wording), a new one without a
   * code; a question left out is retired.
   */
  'care.survey.save': {
    input: z.strictObject({
      version: z.number().int().positive(),
      questions: z
        .array(z.strictObject({ code: z.string().trim().min(1).max(30).optional(), text: z.string().trim().min(2).max(80).nullable() }))
        .min(1)
        .max(SURVEY_MAX_QUESTIONS),
    }),
    output: SurveyTemplate,
    access: 'care.survey',
    kind: 'write',
  },
} as const satisfies ContractSection
