import type { z } from 'zod'
import type { warrantyCallsContract } from '../../../shared/contract/warranty-calls'

// Input and output types of the warranty call channels, as the services see them (after zod parsing).
type Section = typeof warrantyCallsContract
export type In<K extends keyof Section> = z.output<Section[K]['input']>
export type Out<K extends keyof Section> = z.output<Section[K]['output']>
