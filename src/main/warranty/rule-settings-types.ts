import type { z } from 'zod'
import type { warrantyRulesContract } from '../../shared/contract/warranty-rules'

type Section = typeof warrantyRulesContract
export type In<K extends keyof Section> = z.output<Section[K]['input']>
export type Out<K extends keyof Section> = z.output<Section[K]['output']>
