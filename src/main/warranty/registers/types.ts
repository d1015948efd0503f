import type { z } from 'zod'
import type { warrantyRegistersContract } from '../../../shared/contract/warranty-registers'

// Input and output types of the register channels, as the services see them (after zod parsing).
type Section = typeof warrantyRegistersContract
export type In<K extends keyof Section> = z.output<Section[K]['input']>
export type Out<K extends keyof Section> = z.output<Section[K]['output']>
