import type { z } from 'zod'
import type { careSurveyContract } from '../../shared/contract/care-survey'

// Input and output types of the survey template channels, as the services see them.
type Section = typeof careSurveyContract
export type In<K extends keyof Section> = z.output<Section[K]['input']>
export type Out<K extends keyof Section> = z.output<Section[K]['output']>
